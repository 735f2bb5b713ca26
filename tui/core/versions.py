"""Which version of the word keys and of entity extraction built a library's derived data.

Both are computed at import time and kept in the library. When an upgrade changes how
words are keyed or entities are found, articles imported before it no longer match new
ones; the library remembers the versions that built it, so the CLI and the app can say so
and ``evnews-tui reindex`` (``--search`` for the index alone) can bring it up to date.
"""

from __future__ import annotations

import sqlite3

#: meta key -> (current version, table that is empty in a library with none of it, what to tell)
PARTS = {
    "search_keys": ("2", "search", "search index"),
    "entities_version": ("2", "entities", "entities"),
}


def claim_if_empty(conn: sqlite3.Connection) -> None:
    """Record the current versions for the parts a library does not have yet (a new library)."""
    for meta_key, (version, table, _) in PARTS.items():
        if conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None:
            mark_current(conn, meta_key)


def mark_current(conn: sqlite3.Connection, meta_key: str) -> None:
    """Record that ``meta_key``'s part has just been rebuilt by this version."""
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (meta_key, PARTS[meta_key][0]))


def stale(conn: sqlite3.Connection, *meta_keys: str) -> list[str]:
    """What in the library was built by another version (names for a message), of
    ``meta_keys`` (default: all parts)."""
    out = []
    for meta_key in meta_keys or tuple(PARTS):
        version, table, label = PARTS[meta_key]
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (meta_key,)).fetchone()
        if (row is None or row[0] != version) and conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            out.append(label)
    return out


def advice(parts: list[str]) -> str:
    """One line telling the user what to run."""
    command = "evnews-tui reindex --search" if parts == ["search index"] else "evnews-tui reindex"
    verb = "were" if len(parts) > 1 or parts == ["entities"] else "was"
    return f"the {' and '.join(parts)} of this library {verb} built by an older version; run '{command}'"
