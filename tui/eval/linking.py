"""Cross-language linking on WMT newstest EN↔RU aligned sentence pairs.

Pairs are grouped into documents (a headline starts one, see ``gold.group_documents``) and
each document is extracted whole on each side, so mentions have context; mentions are then
mapped back to their sentence by offset. A pair *should link* for a type T when its English
sentence has exactly one distinct entity (mention key) of type T and its Russian sentence
exactly one too. Every mention of every document is resolved by one library-wide
``Linker``; the pair links correctly when both keys resolve to the same entity id.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from tui.core.entities.link import Linker
from tui.core.models import Mention

from .entities import OURS, extract_safely
from .gold import TYPES, Pair, PairDoc, group_documents

DOCS_PER_CHUNK = 8  # two items (EN and RU) per document: 16 texts per extract_batch call


@dataclass
class Candidate:
    """One aligned pair that should link for one type."""

    pair: Pair
    type: str
    en: Mention
    ru: Mention
    linked: bool = False


@dataclass
class LinkReport:
    """Per-type figures, documents and failures, and failing examples."""

    pairs: int
    documents: int
    rows: list[dict]
    failures: int
    first_traceback: str
    examples: list[tuple[Candidate, int]] = field(default_factory=list)  # (failure, times seen)


def by_sentence(text_lines: list[str], mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of a ``"\\n".join(text_lines)`` document, per line."""
    starts, offset = [], 0
    for line in text_lines:
        starts.append(offset)
        offset += len(line) + 1
    out: list[list[Mention]] = [[] for _ in text_lines]
    for m in mentions:
        if m.field == "text":
            out[bisect_right(starts, m.start) - 1].append(m)
    return out


def unique_of_type(mentions: list[Mention], kind: str) -> Mention | None:
    """The mention of the only distinct entity (key) of ``kind``, else None."""
    found = [m for m in mentions if OURS.get(m.type) == kind]
    return found[0] if found and len({m.key for m in found}) == 1 else None


def evaluate(pairs: list[Pair], n_examples: int = 25) -> LinkReport:
    """Extract, link library-wide, and score the pairs that should link."""
    docs: list[PairDoc] = group_documents(pairs)
    items: list[tuple[str, str, str]] = []
    for doc in docs:
        items.append(("", "\n".join(p.en for p in doc.pairs), "en"))
        items.append(("", "\n".join(p.ru for p in doc.pairs), "ru"))
    extraction = extract_safely(items, chunk=2 * DOCS_PER_CHUNK)
    ids = iter(range(1, 10**9))
    linker = Linker(create=lambda key, kind: next(ids))
    candidates: list[Candidate] = []
    for n, doc in enumerate(docs):
        en_mentions, ru_mentions = extraction.mentions[2 * n], extraction.mentions[2 * n + 1]
        if en_mentions is None or ru_mentions is None:
            continue
        for m in (*en_mentions, *ru_mentions):
            if m.type in OURS:
                linker.resolve(m.key, m.type)
        en_lines = by_sentence([p.en for p in doc.pairs], en_mentions)
        ru_lines = by_sentence([p.ru for p in doc.pairs], ru_mentions)
        for pair, en, ru in zip(doc.pairs, en_lines, ru_lines):
            for kind in TYPES:
                en_one, ru_one = unique_of_type(en, kind), unique_of_type(ru, kind)
                if en_one and ru_one:
                    candidates.append(Candidate(pair, kind, en_one, ru_one))
    for c in candidates:  # ids are final once every mention has been resolved
        c.linked = linker.keys[c.en.key] == linker.keys[c.ru.key]
    rows = []
    for kind in (*TYPES, "ALL"):
        chosen = [c for c in candidates if kind in ("ALL", c.type)]
        linked = sum(c.linked for c in chosen)
        rows.append({"type": kind, "pairs": len(chosen), "linked": linked,
                     "share": round(linked / len(chosen), 4) if chosen else 0.0})
    return LinkReport(len(pairs), len(docs), rows, extraction.failures, extraction.first_traceback,
                      _most_frequent([c for c in candidates if not c.linked], n_examples))


def _most_frequent(failures: list[Candidate], n: int) -> list[tuple[Candidate, int]]:
    """The ``n`` most frequent distinct failures (by key pair), first occurrence first on ties."""
    seen: dict[tuple[str, str], list] = {}
    for c in failures:
        seen.setdefault((c.en.key, c.ru.key), [c, 0])[1] += 1
    ranked = sorted(seen.values(), key=lambda v: -v[1])
    return [(c, count) for c, count in ranked[:n]]
