"""Entity extraction: typed, normalised mentions with keys that link across languages.

``extract_batch`` is the entry point (the importer calls it in worker processes). The
gazetteer, pymorphy3 and the natasha model load on first use, never at app start-up.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Mention
from ..text import fold
from .extract_en import extract_en
from .extract_ru import ner_spans
from .figures import find_figures
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .keys import link_key
from .morph import is_patronymic, normal_form
from .ru_spans import fix_spans
from .scan import scan, tokenize

ENTITY_TYPES = ("ORG", "PERSON", "PLACE", "PRODUCT", "FIGURE")
#: entities are looked for in this many leading characters of a title or text (about 15,000
#: words; news articles are far shorter), so a 10 MB article imports in seconds, not minutes
MAX_CHARS = 100_000


def extract_batch(items: Sequence[tuple[str, str, str]]) -> list[list[Mention]]:
    """Mentions for each ``(title, text, lang)``; Russian texts go through NER together."""
    gazetteer = load_gazetteer()
    items = [(title[:MAX_CHARS], text[:MAX_CHARS], lang) for title, text, lang in items]
    fields = [(i, name, value, lang) for i, (title, text, lang) in enumerate(items)
              for name, value in (("title", title), ("text", text)) if value]
    spans = _russian_spans(items)
    out: list[list[Mention]] = [[] for _ in items]
    for i, name, value, lang in fields:
        if lang == "ru":
            found = _russian(value, spans[(i, name)], gazetteer)
        else:
            found = [(s, e, kind, entry, _clean_en(value[s:e]))
                     for s, e, kind, entry in extract_en(value, gazetteer, headline=name == "title")]
        out[i].extend(_mentions(name, value, found, gazetteer))
        out[i].extend(
            Mention("FIGURE", name, s, e, surface, surface, "FIGURE:" + fold(surface))
            for s, e, surface in find_figures(value, lang)
        )
    for mentions in out:
        _link_people_in_document(mentions)
    return out


def _russian_spans(items: Sequence[tuple[str, str, str]]) -> dict[tuple[int, str], list[tuple[int, int, str]]]:
    """NER spans per (item, field). Title and text go through the model as one string (a
    title alone would be padded to the text's length), sorted by length for tight batches."""
    ru = sorted((i for i, (_, _, lang) in enumerate(items) if lang == "ru"), key=lambda i: len(items[i][1]))
    # A full stop after the title keeps the model from reading it into the first sentence.
    seps = ["\n" if items[i][0].rstrip().endswith((".", "!", "?", "…")) else ".\n" for i in ru]
    joined = [f"{items[i][0]}{sep}{items[i][1]}" for i, sep in zip(ru, seps)]
    spans: dict[tuple[int, str], list[tuple[int, int, str]]] = {}
    for i, sep, found in zip(ru, seps, ner_spans(joined)):
        cut = len(items[i][0]) + len(sep)
        spans[(i, "title")] = [(s, e, t) for s, e, t in found if e < cut]
        spans[(i, "text")] = [(s - cut, e - cut, t) for s, e, t in found if s >= cut]
    return spans


def extract(title: str, text: str, lang: str) -> list[Mention]:
    return extract_batch([(title, text, lang)])[0]


def _clean_en(surface: str) -> str:
    for tail in ("'s", "’s"):
        if surface.endswith(tail):
            return surface[: -len(tail)]
    return surface


#: what the NER model tags as a name but a reader would not call one («СМИ» = "the media")
_GENERIC = frozenset("сми тв ук вс интернет рунет".split())


def _russian(text: str, spans: list[tuple[int, int, str]], gazetteer: Gazetteer) -> list:
    found = []
    for start, end, kind in fix_spans(text, spans):
        surface = text[start:end]
        if surface.casefold() in _GENERIC:
            continue
        name = normal_form(surface, kind)
        entry = gazetteer.lookup(name, place=kind == "PLACE") or gazetteer.lookup(surface)
        if entry is not None and entry.type != kind and not (kind == "PLACE" and entry.type == "ORG"):
            entry = entry if entry.rank == 0 else None  # curated types win; a city never renames an ORG
        found.append((start, end, entry.type if entry else kind, entry, name))
    tokens = tokenize(text)
    for i, j, entry in scan(text, tokens, gazetteer, lemmatize=True, max_rank=1):
        start, end = tokens[i].start, tokens[j].end
        if not any(s < end and start < e for s, e, *_ in found):
            found.append((start, end, entry.type, entry, normal_form(text[start:end], entry.type)))
    return found


def _mentions(field: str, text: str, found: list, gazetteer: Gazetteer) -> list[Mention]:
    mentions = []
    for start, end, kind, entry, name in found:
        if entry is None and kind == "PERSON" and len(name.split()) == 1:
            entry = next(filter(None, map(gazetteer.surname, _surname_forms(name))), None)
        key = entry.id if entry else _key(kind, name)
        if not key.split(":", 1)[1]:
            continue
        canonical = (entry.en, entry.ru, tuple(sorted(entry.aliases))) if entry else None
        mentions.append(Mention(kind, field, start, end, text[start:end], name, key, canonical))
    return mentions


_CASE_ENDINGS = ("ом", "ым", "ем", "у", "а", "е", "ю", "я")


def _surname_forms(name: str) -> list[str]:
    """A lone surname as written and without a Russian case ending: «Маску» → «Маск» (Musk),
    since dictionaries take foreign surnames for common nouns («маска»)."""
    return [name] + [name[: -len(e)] for e in _CASE_ENDINGS if name.endswith(e) and len(name) > len(e) + 2]


def _key(kind: str, name: str) -> str:
    if kind != "PERSON":
        return f"{kind}:{link_key(name)}"
    words = [w for w in name.replace(".", ". ").split() if not is_patronymic(w) and not (len(w) <= 2 and w.endswith("."))]
    if len(words) >= 2:
        return f"PERSON:{link_key(words[0])}_{link_key(words[-1])}"
    return f"PERSON:_{link_key(words[-1])}" if words else "PERSON:"


def _link_people_in_document(mentions: list[Mention]) -> None:
    """A bare surname takes the key of the one full name with that surname in the article."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "PERSON":
            surname = link_key(m.name.split()[-1])
            if not m.key.startswith("PERSON:_"):
                full.setdefault(surname, set()).add(m.key)
    for m in mentions:
        if m.key.startswith("PERSON:_"):
            keys = full.get(m.key[len("PERSON:_"):], set())
            if len(keys) == 1:
                m.key = next(iter(keys))


__all__ = ["ENTITY_TYPES", "Entry", "extract", "extract_batch", "load_gazetteer"]
