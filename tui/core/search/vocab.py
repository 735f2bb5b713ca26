"""The index vocabulary: fuzzy (typo) and stem (inflection) expansion of query keys.

A keystroke never scans article text: a query key is compared with the vocabulary,
restricted by length, and the keys found are looked up in the FTS index. Document
frequencies come from FTS5's vocabulary table on demand; only the word list (for typo
matching) is held in memory, and only once a query needs it.
"""

from __future__ import annotations

import sqlite3
from bisect import bisect_left
from collections import defaultdict
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .terms import stem

#: endings that, added to an English stem, give the inflections worth trying
_ENDINGS = ("", "s", "e", "es", "ed", "ing", "er", "ers", "y", "ies", "ied", "ion", "ions", "ation", "ations", "ment",
            "ments", "ly", "al", "ity")


COMMON = 5  # a key in at least this many articles is not corrected

#: How names are respelt between scripts where pronunciation wins over spelling: Italian
#: "chi" and the hard "c" become к (Bianchi → Бьянки, Iacocca → Якокка), and back.
_LATIN_SOUNDS = (("ch", "k"), ("c", "k"), ("ph", "f"), ("th", "t"), ("gh", "g"), ("qu", "kv"))
_CYRILLIC_SOUNDS = (("k", "c"), ("f", "ph"), ("kv", "qu"))


def max_edits(key: str) -> int:
    """Typos tolerated: one edit in words of 4–7 letters, two in longer ones, none below."""
    n = len(key)
    return 0 if n < 4 else 1 if n <= 7 else 2


class Vocabulary:
    """Keys of the search index, with their document frequencies."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.total = conn.execute("SELECT count(*) FROM articles WHERE indexed").fetchone()[0]
        self._buckets: dict[tuple[int, int, str], list[str]] | None = None
        self._sorted: list[str] = []
        self.df = lru_cache(maxsize=50_000)(self._df)

    def _df(self, key: str) -> int:
        row = self.conn.execute("SELECT doc FROM search_vocab WHERE term = ?", (key,)).fetchone()
        return row[0] if row else 0

    def _words(self) -> dict[tuple[int, int, str], list[str]]:
        """The words by (length, position, letter), for their first and second letters."""
        if self._buckets is None:
            buckets: dict[tuple[int, int, str], list[str]] = defaultdict(list)
            every = []
            for (term,) in self.conn.execute("SELECT term FROM search_vocab"):
                if term.isalpha():  # entity tokens ("ze12") are not words
                    every.append(term)
                    for position, letter in enumerate(term[:2]):
                        buckets[len(term), position, letter].append(term)
            self._buckets = dict(buckets)
            self._sorted = sorted(every)
        return self._buckets

    def respelt(self, key: str, *, latin: bool) -> list[str]:
        """Keys of a rare name respelt the way the other script would write it, matched
        against the vocabulary with typo tolerance ("iacoca" ↔ «Якокка» "iakok")."""
        if len(key) < 4 or not key.isalpha() or self.df(key) >= COMMON:
            return []
        found: list[str] = []
        for source, target in _LATIN_SOUNDS if latin else _CYRILLIC_SOUNDS:
            if source in key:
                other = key.replace(source, target)
                found += [other] if self.df(other) else [t for t in self.typos(other, limit=3) if t[0] == other[0]]
        return [k for k in dict.fromkeys(found) if k != key]

    def endings(self, key: str) -> list[str]:
        """Rare keys that differ from ``key`` only by up to two final letters: the forms
        that guessed lemmas of unknown names take («Бердымухамедов» / «Бердымухамеда»).
        Only for rare keys of six letters or more."""
        if len(key) < 6 or not key.isalpha() or self.df(key) >= COMMON:
            return []
        self._words()
        stem_ = key[:-2]
        start = bisect_left(self._sorted, stem_)
        found = []
        for word in self._sorted[start:start + 200]:
            if not word.startswith(stem_):
                break
            if word != key and len(word) <= len(key) + 2 and (word.startswith(key) or key.startswith(word)):
                found.append(word)
        return found[:8]

    def variants(self, key: str) -> list[str]:
        """Other inflections sharing the key's English stem ("vehicles" → "vehicle")."""
        base = stem(key)
        forms = {base + ending for ending in _ENDINGS} | {base[:-1] + "ies", base[:-1] + "ied"}
        return sorted(f for f in forms if f != key and self.has(f) and stem(f) == base)

    def has(self, key: str) -> bool:
        """Whether ``key`` is in the index (in memory: no query per inflection tried)."""
        if not key.isalpha():
            return bool(self.df(key))
        self._words()
        i = bisect_left(self._sorted, key)
        return i < len(self._sorted) and self._sorted[i] == key

    def typos(self, key: str, limit: int = 8) -> list[str]:
        """Vocabulary keys within the allowed edit distance, when the key itself is rare.

        A key that is common in the library is taken as meant; only keys much more common
        than it are offered as corrections.
        """
        k = max_edits(key)
        if not k or not key.isalpha():
            return []
        own = self.df(key)
        if own >= COMMON:
            return []  # a word found in several articles is taken as meant
        buckets = self._words()
        found: dict[str, float] = {}
        # Only words of a length within k, whose first or second letter is the key's first or
        # second: exact for one edit (an edit at the start leaves the other letter in place),
        # and misses only two edits both in the first two letters; a fifth of the vocabulary.
        letters = dict.fromkeys(key[:2])
        for n in range(len(key) - k, len(key) + k + 1):
            for position in (0, 1):
                for letter in letters:
                    for term, distance, _ in process.extract(key, buckets.get((n, position, letter), ()),
                                                             scorer=Levenshtein.distance, score_cutoff=k,
                                                             limit=limit * 4, processor=None):
                        found[term] = distance
        floor = 10 * own + (1 if own == 0 else 10)
        better = [(t, d, self.df(t)) for t, d in found.items() if t != key]
        return [t for t, d, df in sorted((b for b in better if b[2] >= floor), key=lambda b: (b[1], -b[2]))][:limit]
