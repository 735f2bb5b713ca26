"""Metadata from the text itself: title, dateline, language, author and source credits."""

from __future__ import annotations

import re
from datetime import date, datetime

_RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
_EN_MONTHS = {
    m: i for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1
    )
}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")
_DMY = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_EN_MDY = re.compile(r"\b([A-Za-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
_EN_DMY = re.compile(r"\b(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})\b")
_RU_DMY = re.compile(r"\b(\d{1,2}) ([а-яё]{3,9})\.?,? (\d{4})(?: г(?:ода|\.)?)?", re.IGNORECASE)
_DATELINE_MAX = 60  # a paragraph longer than this is prose, not a dateline
_CREDIT_LOOK = 12  # bylines and source credits are looked for in this many final paragraphs
_CREDIT_TAIL = 100  # ... and in the last characters of each

_AUTHOR = re.compile(r"(?:^|\s)(?:author|by|автор|авторы)\s*:\s*([^.!?:\n]{2,60})\s*$", re.IGNORECASE)
_AUTHOR_LABEL = re.compile(r"^(?:author|by|автор|авторы)\s*:?\s*$", re.IGNORECASE)
_BY_LINE = re.compile(r"^[Bb]y ([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){1,3})$")
_SOURCE = re.compile(r"^(?:source|источник)\s*:\s*(.{1,60}?)\W*$", re.IGNORECASE)
_SOURCE_LABEL = re.compile(r"^(?:source|источник)\s*:?\s*$", re.IGNORECASE)

_EN_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by at it from be has are its have said this an will not but".split()
)
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_NON_RUSSIAN_CYRILLIC = re.compile(r"[іїєґўѣ]", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[a-z]+", re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat() if 1900 <= y <= 2100 else None
    except ValueError:
        return None


def _month(name: str) -> int | None:
    low = name.lower()
    if _CYRILLIC.match(low):
        # "мая"/"май" must not be mistaken for the prefix of another month
        if low in ("мая", "май"):
            return 5
        return next((n for stem, n in _RU_MONTHS.items() if stem != "ма" and low.startswith(stem)), None)
    return _EN_MONTHS.get(low[:3]) if len(low) >= 3 else None


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``, or None. Day-first for numeric dates."""
    if not text:
        return None
    if m := _ISO.search(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.search(text):
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    for pattern, order in ((_EN_MDY, "mdy"), (_EN_DMY, "dmy"), (_RU_DMY, "dmy")):
        for m in pattern.finditer(text):
            day, name = (m[2], m[1]) if order == "mdy" else (m[1], m[2])
            if (month := _month(name)) is not None and (found := _valid(int(m[3]), month, int(day))):
                return found
    return None


def parse_struct_time(value: object) -> str | None:
    """A feedparser ``*_parsed`` time tuple as ``YYYY-MM-DD``."""
    try:
        return datetime(*value[:6]).date().isoformat()  # type: ignore[index,misc]
    except (TypeError, ValueError):
        return None


def find_dateline(paras: list[str], look: int = 3) -> tuple[str | None, int | None]:
    """A date in a short paragraph at the top of the article: ``(date, index)``.

    Only the first ``look`` paragraphs are considered, so dates in promo blocks or
    teasers further down are never taken for the publication date.
    """
    for i, para in enumerate(paras[:look]):
        if len(para) <= _DATELINE_MAX and (found := parse_date(para)):
            return found, i
    return None, None


def _looks_like_headline(para: str) -> bool:
    return len(para) <= 200 and len(para.split()) <= 30 and not para.endswith((".", ":", ";", ","))


def find_title(paras: list[str], skip: set[int]) -> int | None:
    """Index of the headline: the first headline-shaped paragraph among the first three."""
    candidates = [i for i in range(min(len(paras), 4)) if i not in skip][:3]
    for i in candidates:
        if _looks_like_headline(paras[i]):
            return i
    return candidates[0] if candidates else None


def _tail_indexes(paras: list[str]) -> range:
    """Bylines and credits sit at the end: the last few paragraphs, newest first."""
    return range(len(paras) - 1, max(-1, len(paras) - 1 - _CREDIT_LOOK), -1)


def find_author(paras: list[str]) -> str | None:
    """The byline: "Author: X", "Автор: X", "Author:" then X, or "By X" near the top."""
    for i in _tail_indexes(paras):
        para = paras[i][-_CREDIT_TAIL:]
        if m := _AUTHOR.search(para):
            return _tidy_name(m[1])
        if _AUTHOR_LABEL.match(para) and i + 1 < len(paras) and len(paras[i + 1]) <= 60:
            return _tidy_name(paras[i + 1])
    for para in paras[:4]:
        if m := _BY_LINE.match(para):
            return m[1]
    return None


def find_source(paras: list[str]) -> str | None:
    """The outlet credited in the text: "Source: RB", "Источник: ТАСС"."""
    for i in _tail_indexes(paras):
        if m := _SOURCE.match(paras[i]):
            return m[1].strip()
        if _SOURCE_LABEL.match(paras[i]) and i + 1 < len(paras) and len(paras[i + 1]) <= 60:
            return paras[i + 1].strip()
    return None


def _tidy_name(name: str) -> str:
    name = " ".join(name.split()).strip(" ,;—–-")
    return name.title() if name.islower() else name


def detect_lang(text: str) -> str:
    """``en``, ``ru`` or ``other``, from the letters and function words of the text."""
    sample = text[:6000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic == latin == 0:
        return "other"
    if cyrillic > latin:
        foreign = len(_NON_RUSSIAN_CYRILLIC.findall(sample))
        return "other" if foreign > 0.01 * cyrillic else "ru"
    words = [w.lower() for w in _LATIN_WORD.findall(sample)]
    if len(words) < 8:
        return "en"
    hits = sum(w in _EN_STOPWORDS for w in words)
    return "en" if hits >= 0.08 * len(words) else "other"
