"""Entities in the library: saving an article's mentions, naming entities, and queries.

Functions take the library's connection; callers own the transaction.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from . import versions
from .entities.keys import link_key
from .entities.link import Linker
from .models import Mention

TYPE_ORDER = ("ORG", "PERSON", "PLACE", "PRODUCT", "FIGURE")


@dataclass(slots=True)
class EntityInfo:
    """An entity as the CLI and the sidebar show it."""

    id: int
    type: str
    name: str
    names: dict[str, str | None]
    aliases: list[str] = field(default_factory=list)
    articles: list[int] = field(default_factory=list)
    mentions: int = 0
    langs: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "names": self.names, "aliases": self.aliases,
                "articles": self.articles, "mentions": self.mentions, "langs": self.langs}


def make_linker(conn: sqlite3.Connection) -> Linker:
    """A linker that knows every key in the library and creates entities in it."""

    def create(key: str, kind: str) -> int:
        return conn.execute("INSERT INTO entities (type, name) VALUES (?, '')", (kind,)).lastrowid

    seen = conn.execute("SELECT coalesce(max(rowid), 0) FROM entity_keys").fetchone()[0]  # before the keys: none missed
    keys = dict(conn.execute("SELECT key, entity_id FROM entity_keys"))
    types = dict(conn.execute("SELECT id, type FROM entities"))
    linker = Linker(create, keys, types)
    linker.keys_seen = seen
    return linker


def save_mentions(conn: sqlite3.Connection, article_id: int, lang: str, mentions: Iterable[Mention], linker: Linker) -> set[int]:
    """Store one article's mentions; return the entity ids they touch."""
    rows, names, touched, known = [], Counter(), set(), {}
    for m in mentions:
        entity_id = linker.resolve(m.key, m.type)
        touched.add(entity_id)
        rows.append((article_id, entity_id, m.field, m.start, m.end, m.surface))
        names[(entity_id, m.name, lang)] += 1
        if m.canonical:
            known[entity_id] = m.canonical
    for entity_id, (en, ru, aliases) in known.items():
        conn.execute("UPDATE entities SET name_en = ?, name_ru = coalesce(?, name_ru), curated = 1 WHERE id = ?",
                     (en, ru, entity_id))
        conn.executemany("INSERT OR IGNORE INTO entity_names (entity_id, name, lang, count) VALUES (?, ?, ?, 0)",
                         [(entity_id, alias, _script(alias)) for alias in (en, ru, *aliases) if alias])
    conn.executemany("INSERT INTO mentions (article_id, entity_id, field, start, end, surface) VALUES (?,?,?,?,?,?)", rows)
    conn.executemany(
        "INSERT INTO entity_names (entity_id, name, lang, count) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (entity_id, name) DO UPDATE SET count = count + excluded.count",
        [(eid, name, lg, n) for (eid, name, lg), n in names.items()],
    )
    conn.execute("UPDATE articles SET entities_done = 1 WHERE id = ?", (article_id,))
    return touched


def _script(name: str) -> str:
    return "ru" if any("\u0400" <= ch <= "\u04ff" for ch in name) else "en"


def learn_keys(conn: sqlite3.Connection, linker: Linker) -> None:
    """Teach ``linker`` the keys stored since it last looked (by another process importing into
    the same library), so both link a name to one entity. Call inside the write transaction."""
    rows = conn.execute("SELECT k.rowid, k.key, k.entity_id, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id"
                        " WHERE k.rowid > ? ORDER BY k.rowid", (linker.keys_seen,)).fetchall()
    for rowid, key, entity_id, kind in rows:
        linker.learn(key, entity_id, kind)
        linker.keys_seen = rowid


def flush_keys(conn: sqlite3.Connection, linker: Linker) -> None:
    """Persist the keys the linker learned (new entities and spelling variants)."""
    conn.executemany("INSERT OR IGNORE INTO entity_keys (key, entity_id) VALUES (?, ?)", linker.take_added().items())


def refresh_names(conn: sqlite3.Connection, entity_ids: Iterable[int]) -> None:
    """Display name: the curated English name if any, else the most frequent form
    (ties go to English, then to the form seen first)."""
    for entity_id in entity_ids:
        counts = conn.execute("SELECT name, lang, count FROM entity_names WHERE entity_id = ?"
                              " ORDER BY count DESC, lang = 'en' DESC, rowid", (entity_id,)).fetchall()
        if not counts:
            continue
        best = {lang: name for name, lang, _ in reversed(counts)}
        conn.execute(
            "UPDATE entities SET name_en = coalesce(name_en, ?), name_ru = coalesce(name_ru, ?),"
            " name = coalesce(CASE WHEN curated THEN name_en END, ?) WHERE id = ?",
            (best.get("en"), best.get("ru"), counts[0][0], entity_id),
        )


def entity_info(conn: sqlite3.Connection, entity_id: int) -> EntityInfo | None:
    row = conn.execute("SELECT id, type, name, name_en, name_ru FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return None
    aliases = [n for (n,) in conn.execute("SELECT name FROM entity_names WHERE entity_id = ? ORDER BY count DESC", (entity_id,))]
    arts = conn.execute(
        "SELECT a.id, a.lang, count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?"
        " GROUP BY a.id ORDER BY a.date IS NULL, a.date DESC, a.id DESC", (entity_id,)).fetchall()
    langs = Counter(lang for _, lang, _ in arts)
    return EntityInfo(row[0], row[1], row[2], {"en": row[3], "ru": row[4]}, aliases,
                      [a for a, _, _ in arts], sum(n for *_, n in arts), dict(langs))


def list_entities(conn: sqlite3.Connection, *, article: int | None = None, kind: str | None = None,
                  lang: str | None = None) -> list[EntityInfo]:
    """Entities by type, then by how many articles mention them."""
    sql = ("SELECT m.entity_id, count(DISTINCT m.article_id) AS n FROM mentions m JOIN articles a ON a.id = m.article_id"
           " JOIN entities e ON e.id = m.entity_id WHERE 1")
    params: list[object] = []
    for clause, value in (("m.article_id = ?", article), ("e.type = ?", kind), ("a.lang = ?", lang)):
        if value is not None:
            sql += f" AND {clause}"
            params.append(value)
    sql += " GROUP BY m.entity_id ORDER BY n DESC"
    infos = [entity_info(conn, eid) for eid, _ in conn.execute(sql, params).fetchall()]
    return sorted((i for i in infos if i), key=lambda i: (TYPE_ORDER.index(i.type), -len(i.articles), i.name))


def find_entities(conn: sqlite3.Connection, query: str, limit: int = 5) -> list[int]:
    """Entities whose name or any alias matches ``query`` in either script, best first.

    Exact key matches come first; otherwise rapidfuzz over the transliteration keys.
    """
    key = link_key(query)
    if not key:
        return []
    names = conn.execute("SELECT entity_id, name FROM entity_names UNION SELECT id, name FROM entities").fetchall()
    names += conn.execute("SELECT id, name_en FROM entities WHERE name_en IS NOT NULL UNION "
                          "SELECT id, name_ru FROM entities WHERE name_ru IS NOT NULL").fetchall()
    people = {eid for (eid,) in conn.execute("SELECT id FROM entities WHERE type = 'PERSON'")}
    by_key: dict[str, set[int]] = {}
    for entity_id, name in names:
        by_key.setdefault(link_key(name), set()).add(entity_id)
        if entity_id in people and " " in name:  # people are also found by surname
            by_key.setdefault(link_key(name.split()[-1]), set()).add(entity_id)
    exact = by_key.get(key)
    if exact:
        return sorted(exact)
    matches = process.extract(key, list(by_key), scorer=fuzz.ratio, processor=None, score_cutoff=85, limit=limit)
    out: list[int] = []
    for match, _, _ in matches:
        out.extend(sorted(by_key[match] - set(out)))
    return out[:limit]


def clear_entities(conn: sqlite3.Connection) -> None:
    """Forget every extracted entity (``reindex`` rebuilds them)."""
    for table in ("mentions", "entity_names", "entity_keys", "entities"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE articles SET entities_done = 0")
    versions.mark_current(conn, "entities_version")


__all__ = ["EntityInfo", "clear_entities", "entity_info", "find_entities", "flush_keys", "learn_keys", "list_entities",
           "make_linker", "refresh_names", "save_mentions"]
