"""The index vocabulary in memory: fuzzy (typo) and stem (inflection) expansion of query keys.

A keystroke never scans article text: a query key is compared with the vocabulary,
restricted by length, and the keys found are looked up in the FTS index.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .terms import stem


def max_edits(key: str) -> int:
    """Typos tolerated: one edit in words of 4–7 letters, two in longer ones, none below."""
    n = len(key)
    return 0 if n < 4 else 1 if n <= 7 else 2


class Vocabulary:
    """Document frequency per key, keys by length, and keys by English stem."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.total = conn.execute("SELECT count(*) FROM articles WHERE indexed").fetchone()[0]
        self.df: dict[str, int] = {}
        by_len: dict[int, list[str]] = defaultdict(list)
        self.by_stem: dict[str, list[str]] = defaultdict(list)
        for term, doc in conn.execute("SELECT term, doc FROM search_vocab"):
            self.df[term] = doc
            if term.isalpha() and not term.startswith("zc"):  # concept tokens are not words
                by_len[len(term)].append(term)
                self.by_stem[stem(term)].append(term)
        self.by_len = dict(by_len)

    def variants(self, key: str) -> list[str]:
        """Other inflections sharing the key's English stem ("vehicles" → "vehicle")."""
        return [k for k in self.by_stem.get(stem(key), ()) if k != key]

    def typos(self, key: str, limit: int = 8) -> list[str]:
        """Vocabulary keys within the allowed edit distance, when the key itself is rare.

        A key that is common in the library is taken as meant; only keys much more common
        than it are offered as corrections.
        """
        k = max_edits(key)
        if not k or not key.isalpha():
            return []
        own = self.df.get(key, 0)
        candidates = [t for n in range(len(key) - k, len(key) + k + 1) for t in self.by_len.get(n, ())]
        found = process.extract(key, candidates, scorer=Levenshtein.distance, score_cutoff=k, limit=limit * 4,
                                processor=None)
        better = [t for t, _, _ in found if t != key and self.df.get(t, 0) >= 10 * own + (1 if own == 0 else 10)]
        return sorted(better, key=lambda t: (Levenshtein.distance(key, t), -self.df.get(t, 0)))[:limit]
