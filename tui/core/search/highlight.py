"""Where a hit matched: spans in the title and cleaned text, with their kind, and a snippet."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..text import fold
from .lexicon import load_lexicon
from .terms import Word, words

if TYPE_CHECKING:
    from .engine import Searcher
    from .units import Unit

_KEY = re.compile(r'\{title body\} : "([^"]+)"')
_ENTITY = re.compile(r'entities : "ze(\d+)"')
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
SNIPPET = 180  # characters
#: matches are looked for in this many leading characters of an article (what the reader lays
#: out): finding every match in a 10 MB article would take seconds per search
SCAN_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Match:
    """A match span: offsets into the article's title or cleaned text."""

    field: str
    start: int
    end: int
    term: str  # the query word or phrase it answers
    kind: str  # exact | lemma | translit | fuzzy | concept | entity

    def to_json(self) -> dict:
        return {"field": self.field, "start": self.start, "end": self.end, "term": self.term, "kind": self.kind}


def _word_kind(word: Word, unit: Unit, kind: str) -> str:
    if kind != "exact":
        return kind
    if fold(word.surface) == fold(unit.text):
        return "exact"
    same_script = bool(_CYRILLIC.search(word.surface)) == bool(_CYRILLIC.search(unit.text))
    return "lemma" if same_script else "translit"


def _field_matches(field: str, text: str, seq: list[Word], units: list[Unit], concepts: set[str]) -> list[Match]:
    out: list[Match] = []
    for unit in units:
        keyed = {m.group(1): kind for fts, (kind, _) in unit.alternatives.items() if (m := _KEY.fullmatch(fts))}
        for key in unit.keys:  # the words of a concept phrase ("electric car") are its own keys
            keyed.setdefault(key, "exact")
        phrase = [k for k in keyed if " " in k]
        for key in phrase:  # a phrase matches as consecutive words
            parts = key.split()
            for i in range(len(seq) - len(parts) + 1):
                if [w.key for w in seq[i:i + len(parts)]] == parts:
                    out.append(Match(field, seq[i].start, seq[i + len(parts) - 1].end, unit.text, "exact"))
        for word in seq:
            kind = keyed.get(word.key)
            if kind and " " not in word.key:
                out.append(Match(field, word.start, word.end, unit.text, _word_kind(word, unit, kind)))
    for first, last, concept in load_lexicon().find(seq):
        if concept.id in concepts:
            term = next((u.text for u in units if concept.id in u.concepts), concept.id)
            out.append(Match(field, seq[first].start, seq[last].end, term, "concept"))
    return out


def hit_matches(searcher: Searcher, article_id: int, units: list[Unit], fields: tuple[str, ...] = ("title", "text")) -> list[Match]:
    """Every match span of ``units`` in the article (in ``fields``), in reading order,
    overlaps resolved in favour of the better kind."""
    columns = ", ".join("title" if f == "title" else "text" for f in ("title", "text") if f in fields) or "title"
    row = searcher.conn.execute(f"SELECT {columns} FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return []
    row = dict(zip([f for f in ("title", "text") if f in fields], row))
    concepts = {c for u in units for c in u.concepts}
    entities = {int(m.group(1)): u.text for u in units for f in u.alternatives if (m := _ENTITY.fullmatch(f))}
    found = []
    for field, text in row.items():
        text = text[:SCAN_CHARS]
        found += _field_matches(field, text, words(text), units, concepts)
    if entities:
        marks = ",".join("?" * len(entities))
        for entity_id, field, start, end in searcher.conn.execute(
            f"SELECT entity_id, field, start, end FROM mentions WHERE article_id = ? AND entity_id IN ({marks})",
            (article_id, *entities),
        ):
            if field in row:
                found.append(Match(field, start, end, entities[entity_id], "entity"))
    return _resolve(found)


_RANK = {"exact": 0, "lemma": 1, "translit": 2, "entity": 3, "fuzzy": 4, "concept": 5}


def _resolve(found: list[Match]) -> list[Match]:
    """Best kinds first; a match overlapping one already kept is dropped. Kept spans never
    overlap, so each field's are sorted lists where one bisect finds the neighbours to check
    (a 1 MB article can have tens of thousands of matches). An empty span overlaps the spans
    that strictly contain its position."""
    kept: list[Match] = []
    spans: dict[str, tuple[list[int], list[int], list[int]]] = {}  # field -> (starts, ends, empty points)
    for m in sorted(found, key=lambda m: (_RANK[m.kind], -(m.end - m.start))):
        starts, ends, points = spans.setdefault(m.field, ([], [], []))
        i = bisect.bisect_left(starts, m.start)
        if i > 0 and ends[i - 1] > m.start:
            continue
        if m.start >= m.end:
            bisect.insort(points, m.start)
        else:
            if i < len(starts) and starts[i] < m.end:
                continue
            p = bisect.bisect_right(points, m.start)
            if p < len(points) and points[p] < m.end:
                continue
            starts.insert(i, m.start)
            ends.insert(i, m.end)
        kept.append(m)
    return sorted(kept, key=lambda m: (m.field != "title", m.start))


def snippet(searcher: Searcher, article_id: int, matches: list[Match]) -> str:
    """About 180 characters of the body around its densest cluster of matches."""
    text = searcher.conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    body = [m for m in matches if m.field == "text"]
    if not body:
        return " ".join(text[:SNIPPET].split()) + ("…" if len(text) > SNIPPET else "")
    best = _densest(body)
    start = max(0, best.start - SNIPPET // 4)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    end = min(len(text), start + SNIPPET)
    return ("…" if start else "") + " ".join(text[start:end].split()) + ("…" if end < len(text) else "")


def _densest(body: list[Match]) -> Match:
    """The first match whose next SNIPPET characters hold the most distinct query terms
    (a sliding window: linear in the number of matches)."""
    body = sorted(body, key=lambda m: m.start)
    terms: Counter[str] = Counter()
    best, best_count, lo, hi = body[0], -1, 0, 0
    for m in body:
        while hi < len(body) and body[hi].start - m.start < SNIPPET:
            terms[body[hi].term] += 1
            hi += 1
        while body[lo].start < m.start:
            terms[body[lo].term] -= 1
            if not terms[body[lo].term]:
                del terms[body[lo].term]
            lo += 1
        if len(terms) > best_count:
            best, best_count = m, len(terms)
    return best
