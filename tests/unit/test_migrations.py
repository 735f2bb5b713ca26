"""Libraries made by earlier versions (schema 1 and 2, built with the real old migration steps)
open, migrate, and keep every article and the user's read and starred marks."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tui.core.ingest import read_path
from tui.core.prepare import prepare
from tui.core.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from tui.core.store import Library

COLUMNS = "content_hash, title, date, lang, source, author, url, path, format, encoding, ext_id, words, text, raw_text, read, starred"


def old_library(path: Path, version: int, seeds_dir: Path) -> dict[str, tuple[bool, bool]]:
    """A library at schema ``version`` holding the seeds; returns title -> (read, starred)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    for step in range(version):
        for statement in MIGRATIONS[step].split(";"):
            if statement.strip():
                conn.execute(statement)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")
    marks = {}
    for i, file in enumerate(sorted(seeds_dir.iterdir())):
        a = prepare(next(read_path(file)))
        flags = (i != 1, i == 1 or i == 2)  # read, starred: every combination but (False, False)
        conn.execute(f"INSERT INTO articles ({COLUMNS}) VALUES ({','.join('?' * 16)})",
                     (a.content_hash, a.title, a.date, a.lang, a.source, a.author, a.url, a.path, a.format, a.encoding,
                      a.ext_id, a.words, a.text, a.raw_text, *flags))
        marks[a.title] = flags
    conn.close()
    return marks


@pytest.mark.parametrize("version", [1, 2])
def test_old_library_migrates_and_keeps_read_and_starred(version: int, tmp_path: Path, seeds_dir: Path, cli) -> None:
    db = tmp_path / f"v{version}.sqlite3"
    marks = old_library(db, version, seeds_dir)
    with Library.open(db) as library:
        conn = library.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {a.title: (a.read, a.starred) for a in library.list_articles()} == marks
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    code, out, _ = cli("--db", str(db), "list", "--json")
    assert code == 0 and {a["title"]: (a["read"], a["starred"]) for a in json.loads(out)} == marks  # not re-seeded
    code, _, err = cli("--db", str(db), "reindex")  # what the upgrade notes ask for: entities and search index
    assert code == 0, err
    code, out, _ = cli("--db", str(db), "search", "--json", "Казахстан")
    assert code == 0 and [h["title"][:12] for h in json.loads(out)] == ["В Казахстане"]
    with Library.open(db) as library:
        assert {a.title: (a.read, a.starred) for a in library.list_articles()} == marks
        assert library.count() == 3


def test_a_migration_interrupted_half_way_is_rolled_back(tmp_path: Path, seeds_dir: Path, monkeypatch) -> None:
    from tui.core import store
    from tui.core.store import LibraryError

    db = tmp_path / "v1.sqlite3"
    marks = old_library(db, 1, seeds_dir)
    broken = [MIGRATIONS[0], MIGRATIONS[1], MIGRATIONS[2] + ";\nCREATE TABLE articles (x)"]  # fails after its first steps
    monkeypatch.setattr(store, "MIGRATIONS", broken)
    with pytest.raises(LibraryError):
        Library.open(db)
    monkeypatch.undo()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # nothing half-done
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name IN ('entities', 'search')").fetchone()[0] == 0
    conn.close()
    with Library.open(db) as library:  # and the real migration still works afterwards
        assert {a.title: (a.read, a.starred) for a in library.list_articles()} == marks
