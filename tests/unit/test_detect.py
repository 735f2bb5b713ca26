"""Metadata detection on its own: dates, language, bylines."""

from __future__ import annotations

import pytest

from tui.core.detect import detect_lang, find_author, find_dateline, find_source, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("29.03.2024", "2024-03-29"),
        ("2019-08-10 06:35:00", "2019-08-10"),
        ("2024-05-14T09:30:00+03:00", "2024-05-14"),
        ("March 5, 2024", "2024-03-05"),
        ("5 March 2024", "2024-03-05"),
        ("14 мая 2024 г.", "2024-05-14"),
        ("1 декабря 2014 года", "2014-12-01"),
        ("31.02.2024", None),
        ("no date here", None),
        ("", None),
    ],
)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


def test_dateline_only_near_the_top() -> None:
    paras = ["Title", "Body text " * 20, "Body", "All entries before February 28, 2023 are eligible."]
    assert find_dateline(paras) == (None, None)
    assert find_dateline(["29.03.2024", "Заголовок"]) == ("2024-03-29", 0)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("KAMAZ has built its reputation through heavy trucks and has not been involved in cars.", "en"),
        ("В Казахстане начнут выпускать собственные автомобили Qoshcar.", "ru"),
        ("Україна і Польща підписали угоду про виробництво електромобілів у Львові.", "other"),
        ("Der Volkswagen Konzern hat die Produktion von Elektroautos in Zwickau erhöht und plant mehr.", "other"),
        ("电动汽车", "other"),
        ("Tesla", "en"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_bylines() -> None:
    assert find_author(["Body.", "Author:", "anastasia mariana", "Source: RB"]) == "Anastasia Mariana"
    assert find_author(["Сроки не разглашаются. Автор: Сергей Никифоров"]) == "Сергей Никифоров"
    assert find_author(["By Jane Roe", "Body."]) == "Jane Roe"
    assert find_source(["Body.", "Источник: ТАСС"]) == "ТАСС"
    assert find_author(["The author of the study said so."]) is None
