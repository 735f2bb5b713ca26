"""Cleaning rules are general patterns in both languages, not string matches for the seeds."""

from __future__ import annotations

from tui.core.clean import clean_paragraphs, load_rules

RU_ARTICLE = [
    "АвтоВАЗ начал выпуск электромобиля Lada e-Largus на заводе в Ижевске.",
    "Читайте также: «Москвич» показал новый кроссовер",
    "Первая партия составит 300 машин, сообщили в компании.",
    "Поделиться",
    "Подписывайтесь на наш канал в Telegram",
    "Реклама",
    "Нашли ошибку? Выделите её и нажмите Ctrl+Enter",
    "Фото: пресс-служба АвтоВАЗа",
    "Предыдущая статья",
    "КАМАЗ увеличил выпуск грузовиков",
    "Оставьте комментарий",
]
EN_ARTICLE = [
    "Tesla opened a new charging hub in Berlin on Monday.",
    "Read also: BYD overtakes Tesla in quarterly sales",
    "The hub has 40 superchargers.",
    "Share this article",
    "Subscribe to our newsletter for daily EV news",
    "Advertisement",
    "I'm Jane Roe, a freelance writer covering clean energy for ten years.",
    "Next post",
    "Rivian cuts prices",
    "Related posts",
    "Lucid Air review",
    "© 2024 Example Media. All rights reserved.",
]


def test_russian_families_are_removed() -> None:
    assert clean_paragraphs(RU_ARTICLE) == [RU_ARTICLE[0], RU_ARTICLE[2]]


def test_english_families_are_removed() -> None:
    assert clean_paragraphs(EN_ARTICLE) == [EN_ARTICLE[0], EN_ARTICLE[2]]


def test_repeated_headline_is_dropped_as_a_caption() -> None:
    title = "Tesla opens a charging hub in Berlin"
    paras = ["Tesla opened a hub.", "Tesla opens a charging hub in Berlin", "It has 40 chargers."]
    assert clean_paragraphs(paras, title) == ["Tesla opened a hub.", "It has 40 chargers."]


def test_a_promo_block_without_its_end_removes_only_its_first_line() -> None:
    paras = ["Vote and win a Lada!", "KAMAZ reported record sales.", "Its CEO spoke to reporters."]
    assert clean_paragraphs(paras) == paras[1:]


def test_sentences_mentioning_boilerplate_words_survive() -> None:
    paras = [
        "The author of the report, Ivan Petrov, said the plant would reopen.",
        "Readers can share their views at the public hearing.",
        "Автор проекта рассказал о планах КАМАЗа.",
    ]
    assert clean_paragraphs(paras) == paras


def test_trailing_byline_is_trimmed_but_the_sentence_stays() -> None:
    paras = ["Сроки пока не разглашаются. Автор: Иван Петров"]
    assert clean_paragraphs(paras) == ["Сроки пока не разглашаются."]


def test_user_rules_are_merged_from_the_config_dir(isolated_home) -> None:
    config = isolated_home / "config" / "evnews-tui"
    config.mkdir(parents=True)
    (config / "boilerplate.toml").write_text("[drop]\npatterns = ['^Спецпроект:']\n", encoding="utf-8")
    load_rules.cache_clear()
    try:
        assert clean_paragraphs(["Спецпроект: будущее мобильности", "Текст статьи."]) == ["Текст статьи."]
        assert clean_paragraphs(["Поделиться", "Текст."]) == ["Текст."]  # bundled rules still apply
    finally:
        load_rules.cache_clear()
