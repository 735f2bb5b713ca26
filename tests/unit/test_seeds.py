"""The bundled corpus as a user sees it: metadata and clean bodies for each seed."""

from __future__ import annotations

import hashlib

import pytest

from tests.conftest import REPO, SEEDS
from tui.core.store import Library
from tui.core.text import paragraphs

# Every paragraph of each source file that is NOT article text, written out by hand.
BOILERPLATE = {
    "kama": [
        "Vedomosti: the development of the startup Kama will become the basis for Moskvich electric vehicles",  # title
        "More on the topic: Ruben Vardanyan and Sergey Kogogin's Kama startup plans to produce more than 450 thousand electric cars a year",
        "Author:", "anastasia mariana", "Source: RB",
        "Previous articleBlaBlaCar strengthens security with Verified Profile seal",
        "Next articleAmazon buys behemoth One Medical clinics: “Innovative healthcare is our priority”",
        "I am Bret Jackson, a professional journalist",
        "LEAVE A REPLY", "Please enter your comment!", "Please enter your name here",
    ],
    "qoshcar": [
        "29.03.2024",
        "В Казахстане начнут выпускать собственные автомобили Qoshcar, которые могут появиться и в РФ",
        "Автор: Сергей Никифоров",
    ],
    "kamaz": [
        "KAMAZ Announces a Standalone Passenger Division Aligned with Future Mobility",
        "No time to read?", "Get a summary", "Vote – win Lada!",
        "Take part in the Behind the Wheel Grand Prix vote",
        "Participants who complete the survey will be entered into a raffle",
        "COMPLETE THE 2023 DRIVING GRAND PRIX QUESTIONNAIRE",
        "Previous Article", "Monica de la Llana Garcia: A Family in Search and a Community on Edge",
        "Next Article", "Neuralink’s Brain Chip: Timeline, Tech, and What It Could Mean",
    ],
}

EXPECTED = {
    "kama": {
        "title": "Vedomosti: the development of the startup Kama will become the basis for Moskvich electric vehicles",
        "lang": "en", "date": None, "source": "RB", "author": "Anastasia Mariana",
    },
    "qoshcar": {
        "title": "В Казахстане начнут выпускать собственные автомобили Qoshcar, которые могут появиться и в РФ",
        "lang": "ru", "date": "2024-03-29", "source": None, "author": "Сергей Никифоров",
    },
    "kamaz": {
        "title": "KAMAZ Announces a Standalone Passenger Division Aligned with Future Mobility",
        "lang": "en", "date": None, "source": None, "author": None,
    },
}


def _by_seed(library: Library) -> dict:
    articles = {a.path.rsplit("/", 1)[-1]: a for a in library.list_articles()}
    return {key: library.get(articles[name].id) for key, name in SEEDS.items()}


def test_bundled_corpus_is_the_seeds_byte_for_byte(seeds_dir) -> None:
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not available")
    for name in SEEDS.values():
        assert hashlib.sha256((seeds_dir / name).read_bytes()).digest() == hashlib.sha256((shared / name).read_bytes()).digest()


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_seed_metadata(seeded: Library, key: str) -> None:
    article = _by_seed(seeded)[key]
    got = {field: getattr(article, field) for field in EXPECTED[key]}
    assert got == EXPECTED[key]
    assert article.encoding == "utf-8"
    assert article.words > 150
    assert len(article.content_hash) == 32


def test_promo_date_is_not_the_publication_date(seeded: Library) -> None:
    # "February 28, 2023" sits in the survey block of the KAMAZ seed.
    assert _by_seed(seeded)["kamaz"].date is None


@pytest.mark.parametrize("key", sorted(BOILERPLATE))
def test_cleaned_body_keeps_every_article_paragraph(seeded: Library, seed_text, key: str) -> None:
    article = _by_seed(seeded)[key]
    junk = BOILERPLATE[key]
    expected = [p for p in paragraphs(seed_text(key)) if not any(p.startswith(j) for j in junk)]
    # The Russian seed's last paragraph ends with the byline, which is trimmed off.
    expected = [p.replace(" Автор: Сергей Никифоров", "") for p in expected]
    if key == "qoshcar":
        # the headline repeated as a photo caption three times is dropped too
        assert paragraphs(seed_text(key)).count(EXPECTED[key]["title"]) == 4
    assert article.text.split("\n\n") == expected


@pytest.mark.parametrize("key", sorted(BOILERPLATE))
def test_cleaned_body_has_no_boilerplate(seeded: Library, key: str) -> None:
    text = _by_seed(seeded)[key].text
    for junk in BOILERPLATE[key]:
        assert junk not in text
    for marker in ("LEAVE A REPLY", "Previous article", "Next Article", "No time to read", "QUESTIONNAIRE",
                   "Bret Jackson", "BlaBlaCar", "Neuralink", "More on the topic", "Vote – win"):
        assert marker.lower() not in text.lower()


def test_original_text_is_kept(seeded: Library, seed_text) -> None:
    article = _by_seed(seeded)["kama"]
    assert article.raw_text == seed_text("kama")
