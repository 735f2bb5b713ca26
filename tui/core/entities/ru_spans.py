"""Corrections to the Russian NER model's spans before they are normalised.

* A span with a parenthesised part is two names: «Форума стран-экспортеров газа (ФСЭГ)»
  is the forum and its abbreviation.
* An organisation followed by the organisation or place it belongs to, in the genitive,
  is one organisation: «Министерство обороны» + «США», «Совет Безопасности» + «ООН»,
  «МВД» + «по» + «Башкирии». The model splits them; news NER corpora and readers count one.
* A capitalised institution word the model left out before such a genitive name starts an
  organisation: «Правительство России», «Полиция Бельгии».
"""

from __future__ import annotations

import re

from .morph import parses

Span = tuple[int, int, str]

#: institution nouns (lemmas) that make an organisation of the genitive name after them
_INSTITUTIONS = frozenset("правительство посольство полиция суд министерство парламент администрация прокуратура "
                          "мэрия генпрокуратура консульство армия флот минздрав минфин минобороны правительства "
                          "кабмин сенат конгресс милиция госдума".split())
_GAP = re.compile(r"^\s+(?:(?:по|при)\s+)?$")  # «МВД по Башкирии», «Совет при Президенте»
_PAREN = re.compile(r"\s*\(([^()]+)\)\s*")
_WORD = re.compile(r"[А-Яа-яЁё]+")


def _trim_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a closing quote with no opening one inside the span, and the other way round
    («Исламское государство»» → Исламское государство)."""
    surface = text[start:end]
    if surface.endswith("»") and "«" not in surface:
        end -= 1
    elif surface.startswith("«") and "»" not in surface:
        start += 1
    return start, end


def split_parentheses(text: str, spans: list[Span]) -> list[Span]:
    """``X (Y)`` spans become ``X`` and ``Y`` (also when the model cut the span before ")")."""
    out = []
    for start, end, kind in spans:
        start, end = _trim_quotes(text, start, end)
        open_at = text.find(" (", start, end)
        if open_at > start and ")" not in text[open_at:end]:
            out.append((start, open_at, kind))
            if any(ch.isalpha() for ch in text[open_at + 2:end]):
                out.append((open_at + 2, end, kind))
            continue
        m = _PAREN.search(text, start, end)
        if m is None or m.start() == start:
            out.append((start, end, kind))
            continue
        out.append((start, m.start(), kind))
        inner_start, inner_end = m.start(1), m.end(1)
        if any(ch.isalpha() for ch in text[inner_start:inner_end]):
            out.append((inner_start, inner_end, kind))
        if m.end() < end and any(ch.isalpha() for ch in text[m.end():end]):
            out.append((m.end(), end, kind))
    return out


def _genitive(word: str, cases: tuple[str, ...] = ("gent",)) -> bool:
    """An abbreviation (indeclinable: «США», «ООН») or a word that can be genitive (or,
    after «по», dative: «МВД по Татарстану»)."""
    if word.isupper() or not _WORD.fullmatch(word):
        return word.isupper()
    return any(case in p.tag for p in parses(word)[:3] for case in cases)


def merge_nested_orgs(text: str, spans: list[Span]) -> list[Span]:
    """Join an organisation with the genitive organisation or place right after it."""
    spans = sorted(spans)
    out: list[Span] = []
    for start, end, kind in spans:
        if out:
            p_start, p_end, p_kind = out[-1]
            first = text[start:end].split()[0] if text[start:end].split() else ""
            gap = text[p_end:start]
            cases = ("gent", "datv") if "по" in gap else ("gent",)
            if p_kind == "ORG" and kind in ("ORG", "PLACE") and _GAP.match(gap) and _genitive(first.strip("«»\""), cases):
                out[-1] = (p_start, end, "ORG")
                continue
        out.append((start, end, kind))
    return out


def institution_heads(text: str, spans: list[Span]) -> list[Span]:
    """«Правительство» + «России» → one organisation, when the model left the head out."""
    out = []
    for start, end, kind in spans:
        m = re.search(r"([А-ЯЁ][а-яё]+)\s+$", text[max(0, start - 30):start])
        if m and kind in ("PLACE", "ORG"):
            head_start = max(0, start - 30) + m.start(1)
            head = m.group(1)
            found = parses(head)
            if found and found[0].normal_form in _INSTITUTIONS and not any(s < start and head_start < e for s, e, _ in spans if (s, e) != (start, end)) \
                    and _genitive(text[start:end].split()[0]):
                out.append((head_start, end, "ORG"))
                continue
        out.append((start, end, kind))
    return out


def fix_spans(text: str, spans: list[Span]) -> list[Span]:
    return merge_nested_orgs(text, institution_heads(text, split_parentheses(text, spans)))
