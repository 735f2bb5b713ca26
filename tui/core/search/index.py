"""The search index: one FTS5 row per article, rowid = article id.

Columns hold *keys*, not text: ``title`` and ``body`` are the word keys in order (so
phrases and proximity work), ``concepts`` the lexicon concepts found, ``entities`` the
article's entity ids. Streams are computed where the article is prepared (in worker
processes for bulk imports); the entity column is filled once linking has given ids.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .lexicon import load_lexicon
from .terms import words

Streams = tuple[str, str, str]


def streams(title: str, text: str) -> Streams:
    """``(title keys, body keys, concept tokens)`` for an article."""
    lexicon = load_lexicon()
    title_words, body_words = words(title), words(text)
    concepts = {c.token for seq in (title_words, body_words) for _, _, c in lexicon.find(seq)}
    return " ".join(w.key for w in title_words), " ".join(w.key for w in body_words), " ".join(sorted(concepts))


def entity_tokens(entity_ids: Iterable[int]) -> str:
    return " ".join(f"ze{i}" for i in sorted(set(entity_ids)))


def index_article(conn: sqlite3.Connection, article_id: int, data: Streams, entity_ids: Iterable[int]) -> None:
    """Add or replace the article's row."""
    conn.execute("DELETE FROM search WHERE rowid = ?", (article_id,))
    conn.execute("INSERT INTO search (rowid, title, body, concepts, entities) VALUES (?, ?, ?, ?, ?)",
                 (article_id, *data, entity_tokens(entity_ids)))
    conn.execute("UPDATE articles SET indexed = 1 WHERE id = ?", (article_id,))


def set_entities(conn: sqlite3.Connection, article_id: int, entity_ids: Iterable[int]) -> None:
    conn.execute("UPDATE search SET entities = ? WHERE rowid = ?", (entity_tokens(entity_ids), article_id))


def clear(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM search")
    conn.execute("UPDATE articles SET indexed = 0")
