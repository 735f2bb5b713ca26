"""Crash safety: kill -9 during ``add``, damaged and foreign library files, old schema versions."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import time
from pathlib import Path

import pytest

from tests.inbox import evnews, stored, write_inbox
from tui.cli import main
from tui.core import schema
from tui.core.store import Library


def assert_consistent(library: Library) -> None:
    """SQLite's own checks, and no article without its index row, entities or text."""
    conn = library.conn
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.execute("INSERT INTO search (search) VALUES ('integrity-check')")  # raises if the FTS index is damaged
    assert conn.execute("SELECT count(*) FROM articles WHERE indexed = 0 OR entities_done = 0 OR text = '' OR title = ''"
                        " OR id NOT IN (SELECT rowid FROM search)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM search WHERE rowid NOT IN (SELECT id FROM articles)").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
                        " OR entity_id NOT IN (SELECT id FROM entities)").fetchone()[0] == 0


def test_kill_9_during_add_then_add_again(tmp_path: Path) -> None:
    total = 80
    inbox, db = write_inbox(tmp_path / "inbox", total), tmp_path / "library.sqlite3"
    Library.open(db).close()
    with Library.open(db) as library:  # mark seeded: only the inbox is imported
        library.set_meta("seeded", "1")
    proc = evnews("--db", str(db), "add", str(inbox), start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while stored(db) < 10 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the CLI and any worker processes it started
        proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    with Library.open(db) as library:
        before = library.count()
        assert 10 <= before < total
        assert_consistent(library)
    again = evnews("--db", str(db), "add", "--json", str(inbox))
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    report = json.loads(out)
    assert (len(report["added"]), len(report["duplicates"]), report["skipped"]) == (total - before, before, [])
    with Library.open(db) as library:
        assert library.count() == total
        assert len({a.title for a in library.list_articles()}) == total
        assert_consistent(library)


def _library_bytes(tmp_path: Path, seeds_dir: Path) -> bytes:
    """A library holding the seeds, as one file (the WAL checkpointed)."""
    from tui.core.importer import import_paths

    db = tmp_path / "good.sqlite3"
    with Library.open(db) as library:
        import_paths(library, [seeds_dir], entities=False)
        library.set_meta("seeded", "1")
    return db.read_bytes()


def _damaged(kind: str, tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / f"{kind}.sqlite3"
    good = _library_bytes(tmp_path, seeds_dir)
    if kind == "notes":
        path.write_text("my notes, not a library\n", encoding="utf-8")
    elif kind == "truncated":
        path.write_bytes(good[: len(good) // 2])
    elif kind == "scribbled":  # as a failing disk leaves it: some pages zeroed
        data = bytearray(good)
        for page in range(2, len(good) // 4096, 3):
            data[page * 4096: page * 4096 + 4096] = bytes(4096)
        path.write_bytes(bytes(data))
    else:
        if kind == "future":
            path.write_bytes(good)
        conn = sqlite3.connect(path, isolation_level=None)
        if kind == "foreign":
            conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
            conn.execute("INSERT INTO contacts VALUES ('Ann', '555')")
        else:
            conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        conn.close()  # checkpointed: the file is complete before the test reads it
    return path


KINDS = {"notes": "is not an evnews-tui library", "truncated": "is damaged", "scribbled": "is damaged",
         "foreign": "is not an evnews-tui library", "future": "was made by a newer evnews-tui"}


@pytest.mark.parametrize("kind", KINDS)
def test_damaged_or_foreign_file_gives_one_clear_line_and_is_left_untouched(kind: str, tmp_path: Path, capsys, seeds_dir: Path) -> None:
    path = _damaged(kind, tmp_path, seeds_dir)
    before = path.read_bytes()
    for args in (["list"], ["show", "1"], ["search", "kamaz"], ["entities"], ["add", str(seeds_dir)], ["reindex"]):
        code = main(["--db", str(path), *args])
        _, err = capsys.readouterr()
        lines = err.strip().splitlines()
        if code == 0:  # a damaged page may not be on the way of a read-only command
            assert kind == "scribbled" and args[0] in ("list", "show", "search", "entities")  # reads only
            continue
        assert code == 1 and len(lines) == 1 and lines[0].startswith("evnews-tui: error: ") and KINDS[kind] in lines[0]
        assert "Traceback" not in err
    assert path.read_bytes() == before
