"""A library remembers which version built its search index and entities, and says when an
upgrade left them behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.core import versions
from tui.core.importer import import_paths
from tui.core.reindex import reindex
from tui.core.store import Library


def _library(tmp_path: Path) -> Library:
    (tmp_path / "a.txt").write_text("KAMAZ opens a plant\n\nKAMAZ will build trucks in Tatarstan.", encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite3")
    import_paths(library, [tmp_path / "a.txt"])
    return library


def test_a_new_library_is_current_and_an_upgraded_one_is_told_what_to_run(tmp_path: Path) -> None:
    library = _library(tmp_path)
    assert versions.stale(library.conn) == []
    library.set_meta("entities_version", "1")  # as if extracted by an older evnews-tui
    assert versions.stale(library.conn) == ["entities"]
    library.close()
    run = [sys.executable, "-m", "tui", "--db", str(tmp_path / "lib.sqlite3")]
    shown = subprocess.run([*run, "entities"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and "KAMAZ" in shown.stdout
    assert "older version; run 'evnews-tui reindex'" in shown.stderr
    with Library.open(tmp_path / "lib.sqlite3") as library:
        reindex(library)
        assert versions.stale(library.conn) == []


def test_an_empty_library_has_nothing_stale(tmp_path: Path) -> None:
    with Library.open(tmp_path / "empty.sqlite3") as library:
        library.set_meta("search_keys", "0")
        assert versions.stale(library.conn) == []
