"""Russian normal forms with pymorphy3: «в Казахстане» → «Казахстан», «Сергея Когогина» → «Сергей Когогин».

natasha's MorphVocab is deliberately not used: it needs pymorphy2, which breaks on Python
3.12+ without setuptools. pymorphy3 ships its dictionaries in a wheel, so nothing downloads.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*$")
_PERSON_TAGS = ("Name", "Surn", "Patr")
#: legal forms around a company name: «ОАО «НК «Роснефть»» is Роснефть, "KAMAZ PJSC" is KAMAZ
_LEGAL_FORM = re.compile(
    r"^(?:(?:ОАО|ЗАО|ООО|ПАО|АО|НАО|НК|ФГУП|ГУП|МУП|АНО|ОАО НК|PJSC|OJSC|JSC|LLC)\s+)+"
    r"|\s+(?:PJSC|OJSC|JSC|LLC|Inc\.?|Corp\.?|Ltd\.?|PLC|AG|GmbH|S\.A\.|N\.V\.)$"
)
_NO_QUOTES = str.maketrans({q: " " for q in "«»\"“”„"})


def strip_legal_form(name: str) -> str:
    """The company name without its legal form and quotes; unchanged if nothing would remain."""
    bare = " ".join(name.translate(_NO_QUOTES).split())
    bare = _LEGAL_FORM.sub("", bare).strip()
    return bare if any(ch.isalnum() for ch in bare) else name


@lru_cache(maxsize=1)
def analyzer():  # -> pymorphy3.MorphAnalyzer
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=100_000)
def _parses(word: str) -> tuple:
    return tuple(analyzer().parse(word))


def parses(word: str) -> tuple:
    """pymorphy3's parses of one word, most likely first (cached)."""
    return _parses(word)


def restore_case(original: str, lemma: str) -> str:
    """Copy the original's capitalisation letter by letter ("КАМАЗа" + "камаз" → "КАМАЗ"),
    part by part for hyphenated names ("Ростове-на-Дону" → "Ростов-на-Дону")."""
    parts, lemma_parts = original.split("-"), lemma.split("-")
    if len(parts) != len(lemma_parts):
        parts, lemma_parts = [original], [lemma]
    return "-".join(
        "".join(ch.upper() if i < len(orig) and orig[i].isupper() else ch for i, ch in enumerate(lem))
        for orig, lem in zip(parts, lemma_parts)
    )


def _nominative(word: str, prefer: tuple[str, ...] = ()) -> str:
    if not _CYRILLIC_WORD.match(word):
        return word
    parses = _parses(word)
    if not parses:
        return word
    if prefer:  # a person's name is singular: «Илон» is not the plural of «Илона»
        parses = tuple(p for p in parses if "plur" not in p.tag)
        if not parses:
            return word
    chosen = next((p for p in parses if any(t in p.tag for t in prefer)), parses[0]) if prefer else parses[0]
    if "Fixd" in chosen.tag or "Abbr" in chosen.tag:
        return word
    form = chosen.inflect({"nomn"})
    return restore_case(word, form.word if form else chosen.normal_form)


@lru_cache(maxsize=100_000)
def is_patronymic(word: str) -> bool:
    return _CYRILLIC_WORD.match(word) is not None and any("Patr" in p.tag for p in _parses(word)[:2])


@lru_cache(maxsize=50_000)
def normal_form(phrase: str, kind: str) -> str:
    """The nominative of a mention. People: every word. Places and organisations: the
    leading words that agree with the head noun («Министерства промышленности» →
    «Министерство промышленности»); dependents after the head stay as written."""
    if kind == "ORG":
        phrase = strip_legal_form(phrase)
    words = phrase.split()
    if kind == "PERSON":
        return " ".join(_nominative(w, _PERSON_TAGS) for w in words)
    out = []
    for i, word in enumerate(words):
        parses = _parses(word) if _CYRILLIC_WORD.match(word) else ()
        if not parses:
            out.extend(words[i:]) if i else out.append(word)
            if i:
                break
            continue
        out.append(_nominative(word))
        if "NOUN" in parses[0].tag:  # the head: whatever follows depends on it
            out.extend(words[i + 1:])
            break
    return " ".join(out)


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """Dictionary form of one word, lowercase (for gazetteer scanning of Russian text)."""
    if not _CYRILLIC_WORD.match(word):
        return word.lower()
    parses = _parses(word)
    return parses[0].normal_form if parses else word.lower()
