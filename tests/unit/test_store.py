"""The library file: schema versions, migrations, user state, refusal to touch foreign files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tui.core import schema, store
from tui.core.store import Library, LibraryError


def test_new_library_is_versioned_and_in_wal_mode(library: Library) -> None:
    conn = library.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_read_and_starred_flags_persist(seeded: Library) -> None:
    first = seeded.list_articles()[0]
    seeded.set_flag(first.id, "read", True)
    seeded.set_flag(first.id, "starred", True)
    with Library.open(seeded.path) as again:
        article = again.get(first.id)
    assert article.read and article.starred


def test_migration_keeps_articles_and_user_state(seeded: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    article = seeded.list_articles()[0]
    seeded.set_flag(article.id, "starred", True)
    path = seeded.path
    seeded.close()
    upgrade = "ALTER TABLE articles ADD COLUMN note TEXT; CREATE INDEX articles_by_note ON articles (note)"
    monkeypatch.setattr(store, "MIGRATIONS", [*schema.MIGRATIONS, upgrade])
    monkeypatch.setattr(store, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    with Library.open(path) as migrated:
        assert migrated.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
        assert migrated.count() == 3 and migrated.get(article.id).starred
        assert migrated.conn.execute("SELECT count(*) FROM articles WHERE note IS NULL").fetchone()[0] == 3


def test_library_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    Library.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 5}")
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer evnews-tui"):
        Library.open(path)
    assert path.read_bytes() == before


def test_garbage_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # a damaged header
    before = path.read_bytes()
    with pytest.raises(LibraryError):
        Library.open(path)
    assert path.read_bytes() == before


def test_directory_is_not_a_library(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="is a directory"):
        Library.open(tmp_path)
