"""The search index: one FTS5 row per article, rowid = article id.

Columns hold *keys*, not text: ``title`` and ``body`` are the word keys in order (so
phrases and proximity work) and ``entities`` the article's entity ids. Lexicon concepts
are matched at query time (as phrases of keys), so editing the lexicon needs no reindex. Streams are computed where the article is prepared (in worker
processes for bulk imports); the entity column is filled once linking has given ids.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .. import versions
from .terms import words

Streams = tuple[str, str]


def streams(title: str, text: str) -> Streams:
    """``(title keys, body keys)`` for an article."""
    return " ".join(w.key for w in words(title)), " ".join(w.key for w in words(text))


def entity_tokens(entity_ids: Iterable[int]) -> str:
    return " ".join(f"ze{i}" for i in sorted(set(entity_ids)))


def index_article(conn: sqlite3.Connection, article_id: int, data: Streams, entity_ids: Iterable[int]) -> None:
    """Add or replace the article's row."""
    conn.execute("DELETE FROM search WHERE rowid = ?", (article_id,))
    conn.execute("INSERT INTO search (rowid, title, body, entities) VALUES (?, ?, ?, ?)",
                 (article_id, *data, entity_tokens(entity_ids)))
    conn.execute("UPDATE articles SET indexed = 1 WHERE id = ?", (article_id,))


def clear(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM search")
    conn.execute("UPDATE articles SET indexed = 0")
    versions.mark_current(conn, "search_keys")


def is_stale(conn: sqlite3.Connection) -> bool:
    """True when the index holds keys made by another version of :func:`words`."""
    return bool(versions.stale(conn, "search_keys"))
