"""The searcher: query → expanded keys → FTS5 postings → ranked hits.

Each query word (or phrase) becomes a *unit* with alternatives of decreasing weight:
the word's own key (exact, lemma or transliteration: they share the key), other
inflections (stem), typo corrections from the vocabulary (fuzzy), lexicon concepts and
entity aliases. A unit scores a document by its best alternative (BM25 from FTS5 times
the weight); documents matching more units rank first, then by score, with a bonus when
the words stand near each other.
"""

from __future__ import annotations

import heapq
import math
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from ..entities.keys import link_key
from ..store import Library
from .highlight import Match, hit_matches, snippet
from .query import Query, parse
from .terms import words
from .units import Unit, build_units, key_query, stop_keys
from .vocab import Vocabulary

_COLUMNS = "bm25(search, 3.0, 1.0, 1.5)"  # title, body, entities
NEAR_BONUS = 1.3  # when the query's words stand within NEAR_WORDS of each other
NEAR_WORDS = 6
AGREEMENT = 0.3
POSTINGS_CAP = 3000
CONCEPT_TITLE = 3.0
FLAT_ABOVE = 2000  # alternatives other than the word itself with more matches score flat


@dataclass
class SearchHit:
    id: int
    title: str
    lang: str
    date: str | None
    source: str | None
    score: float
    snippet: str = ""
    matches: list[Match] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "lang": self.lang, "date": self.date, "score": round(self.score, 3),
                "snippet": self.snippet, "matches": [m.to_json() for m in self.matches]}


TITLE_BONUS = 0.6  # added (times the weight) when the word is in the title


class Searcher:
    """Searches one library. Keeps the vocabulary and entity aliases in memory and reloads
    them when the library's index changes; build one per thread."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._generation: str | None = None
        self._vocab: Vocabulary | None = None
        self._aliases: dict[str, set[int]] = {}
        self._filters: dict[tuple, set[int]] = {}

    @property
    def conn(self) -> sqlite3.Connection:
        return self.library.conn

    def _refresh(self) -> Vocabulary:
        generation = self.library.get_meta("index_generation") or "0"
        if self._vocab is None or generation != self._generation:
            self._vocab = Vocabulary(self.conn)
            self._aliases = defaultdict(set)
            # One-word aliases only of curated entities: a stray "Electric" or "Station" picked
            # up by the English recogniser must not turn common words into entity matches.
            # A known person is also found by surname alone, in either script ("Гон" → Ghosn).
            rows = self.conn.execute("SELECT n.entity_id, n.name, e.curated, e.type FROM entity_names n "
                                     "JOIN entities e ON e.id = n.entity_id")
            for entity_id, name, curated, kind in rows:
                if curated or " " in name.strip():
                    self._aliases[link_key(name)].add(entity_id)
                if curated and kind == "PERSON" and len(parts := name.split()) > 1 and len(parts[-1]) > 2:
                    self._aliases[link_key(parts[-1])].add(entity_id)
            self._filters = {}
            self._generation = generation
        return self._vocab

    def warm_up(self) -> None:
        """Load what the first query would otherwise wait for: the vocabulary for typos and
        the stopwords' keys (Russian ones are lemmatised: 40 ms, once)."""
        vocab = self._refresh()
        vocab.typos("warmup")
        stop_keys()

    def units(self, query: Query) -> list[Unit]:
        """The query's units with every alternative that can satisfy them."""
        return build_units(query, self._refresh(), self._aliases)

    def _ids(self, fts: str) -> list[int]:
        """Articles matching ``fts``, unranked (cheap: no BM25 per row)."""
        try:
            return [rowid for (rowid,) in self.conn.execute("SELECT rowid FROM search WHERE search MATCH ?", (fts,))]
        except sqlite3.OperationalError:  # defensive: our FTS strings are built from keys only
            return []

    def _title_ids(self, fts: str) -> list[int]:
        """Articles matching a ``{title body}`` query in their title."""
        return self._ids("title" + fts[len("{title body}"):])

    def _idf(self, n: int) -> float:
        total = self._vocab.total if self._vocab else n
        return max(0.05, math.log((total - n + 0.5) / (n + 0.5) + 1.0))

    def _flat(self, fts: str) -> dict[int, float]:
        """Articles matching ``fts``, all scored by the rarity of the match alone."""
        ids = self._ids(fts)
        return dict.fromkeys(ids, 1.0 + self._idf(len(ids)))

    def _postings(self, fts: str, kind: str = "exact") -> dict[int, float]:
        """Documents matching ``fts`` with a relevance of at least 1 (BM25 can be ~0 for words in
        most documents of a small library), plus a bonus where a word is in the title."""
        if fts.startswith("entities"):
            # A set, not text: a long list of entities must not dilute each one (as BM25's
            # length normalisation would), so these score by rarity alone.
            ids = self._ids(fts)
            return dict.fromkeys(ids, 1.0 + math.log(1 + (self._vocab.total if self._vocab else 0) / max(1, len(ids))))
        if kind != "exact":
            # Inflections, corrections and concepts of common words widen recall; ranking
            # each of their thousands of matches by BM25 would cost more than it tells, so
            # past FLAT_ABOVE matches they score by the words' rarity alone.
            flat = self._flat(fts)
            if len(flat) > FLAT_ABOVE:
                return flat  # (no title bonus either)
            if kind == "concept":
                # A concept is an OR of dozens of phrases, which BM25 pays for per phrase and
                # row; rarity, tripled in the title, ranks concept matches about as well.
                for rowid in self._title_ids(fts):
                    if rowid in flat:
                        flat[rowid] *= CONCEPT_TITLE
                return flat
        # The best POSTINGS_CAP articles per alternative: a word in tens of thousands of
        # articles adds little beyond its best matches, and Python need not see the rest.
        try:
            rows = self.conn.execute(
                f"SELECT rowid, {_COLUMNS} AS s FROM search WHERE search MATCH ? ORDER BY s LIMIT {POSTINGS_CAP}", (fts,))
            found = {rowid: 1.0 - score for rowid, score in rows}
        except sqlite3.OperationalError:
            return {}
        if fts.startswith("{title body}"):
            for rowid in self._title_ids(fts):
                if rowid in found:
                    found[rowid] += TITLE_BONUS
        return found

    def search(self, text: str, *, lang: str | None = None, limit: int = 20, details: bool = True,
               within: set[int] | None = None) -> list[SearchHit]:
        """Ranked hits for ``text``, among the articles ``within`` if given (e.g. one feed's).
        ``details`` adds match spans and a snippet to each hit."""
        query = parse(text)
        if lang and not query.lang:
            query.lang = lang
        units = self.units(query)
        scores = self._score(query, units, max(0, limit), within)
        if scores is None:
            return []
        # the best ``limit`` only: all units matched first, then score, then the newest id
        ranked = heapq.nsmallest(max(0, limit), scores.items(), key=lambda kv: (-kv[1][0], -kv[1][1], -kv[0]))
        hits = self._hits([aid for aid, _ in ranked], {aid: s for aid, (_, s) in ranked})
        if details:
            for hit in hits:
                hit.matches = hit_matches(self, hit.id, units)
                hit.snippet = snippet(self, hit.id, hit.matches)
        return hits

    def _score(self, query: Query, units: list[Unit], limit: int,
               within: set[int] | None = None) -> dict[int, tuple[int, float]] | None:
        """(units matched, score) per article (among ``within``) that can make the best ``limit``."""
        allowed = self._filter(query)
        if within is not None:
            allowed = within if allowed is None else allowed & within
        if not units:
            if allowed is None:
                return None  # nothing to search for
            return {aid: (0, 0.0) for aid in allowed}
        cache: dict[str, dict[int, float]] = {}
        for unit in units:
            for fts, (kind, _) in unit.alternatives.items():
                if fts not in cache:
                    cache[fts] = self._postings(fts, kind)
            for fts in unit.bonus:
                if fts not in cache:
                    cache[fts] = self._flat(fts)  # a boost for articles matched anyway: rarity is enough
        excluded: set[int] = set()
        for word in query.excluded:
            for key in {w.key for w in words(word)}:
                excluded.update(self._ids(key_query(key)))
        # Articles that match every unit rank first. When they fill the page, no other article
        # can reach it, so only they are scored (common words: thousands of postings fewer).
        keep: set[int] | None = set.intersection(*(set().union(*(cache[f].keys() for f in u.alternatives))
                                                    for u in units)) - excluded
        if allowed is not None:
            keep &= allowed
        if len(keep) < limit:
            keep = None
        matched: dict[int, int] = {}
        total: dict[int, float] = {}
        for unit in units:
            # A unit scores by its best alternative, plus a little for each further one that
            # agrees (the word and its entity and its concept: stronger evidence).
            best: dict[int, float] = {}
            extra: dict[int, float] = {}
            for fts, (_, weight) in unit.alternatives.items():
                postings = cache[fts]
                ids = postings.keys() if keep is None else postings.keys() & keep
                for aid in ids:
                    value = weight * postings[aid]
                    prev = best.get(aid)
                    if prev is None:
                        best[aid] = value
                    elif value > prev:
                        best[aid], extra[aid] = value, extra.get(aid, 0.0) + prev
                    else:
                        extra[aid] = extra.get(aid, 0.0) + value
            for fts, weight in unit.bonus.items():
                boost = cache[fts]
                for aid in best.keys() & boost.keys():
                    best[aid] += weight * boost[aid]
            for aid, value in best.items():
                matched[aid] = matched.get(aid, 0) + 1
                total[aid] = total.get(aid, 0.0) + value + AGREEMENT * extra.get(aid, 0.0)
        if len(units) > 1:
            near = [f'"{min(u.keys)}"' for u in units if u.keys and " " not in u.text]
            if len(near) > 1:
                for aid in self._ids(f"{{title body}} : NEAR({' '.join(near)}, {NEAR_WORDS})"):
                    if aid in total:
                        total[aid] *= NEAR_BONUS
        return {aid: (n, total[aid]) for aid, n in matched.items()
                if aid not in excluded and (allowed is None or aid in allowed)}

    def _filter(self, query: Query) -> set[int] | None:
        """Articles the filters allow (None: no filters). Kept while the index is unchanged,
        since a user types on with the same filters."""
        if not query.has_filters:
            return None
        key = (query.lang, query.after, query.before, query.entity)
        if key not in self._filters:
            if len(self._filters) > 8:
                self._filters.clear()
            self._filters[key] = self._filter_ids(query)
        return self._filters[key]

    def _filter_ids(self, query: Query) -> set[int]:
        sql, params = "SELECT id FROM articles WHERE 1", []
        for clause, value in (("lang = ?", query.lang), ("date >= ?", query.after), ("date <= ?", query.before)):
            if value:
                sql += f" AND {clause}"
                params.append(value)
        if query.entity:
            # The alias map already in memory answers exact names in any script; only a
            # misspelt name pays for the fuzzy lookup over every entity name.
            ids = sorted(self._aliases.get(link_key(query.entity), ()))
            if not ids:
                from ..entity_store import find_entities

                ids = find_entities(self.conn, query.entity, limit=1)
            sql += f" AND id IN (SELECT article_id FROM mentions WHERE entity_id IN ({','.join('?' * len(ids)) or 'NULL'}))"
            params.extend(ids)
        return {row[0] for row in self.conn.execute(sql, params)}

    def _hits(self, ids: list[int], scores: dict[int, float]) -> list[SearchHit]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {r[0]: r for r in self.conn.execute(f"SELECT id, title, lang, date, source FROM articles WHERE id IN ({marks})", ids)}
        return [SearchHit(i, rows[i][1], rows[i][2], rows[i][3], rows[i][4], scores[i]) for i in ids if i in rows]
