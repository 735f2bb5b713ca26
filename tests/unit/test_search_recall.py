"""Search recall beyond the seeds: inflections of English words in -t, index versioning,
name variants and concepts, on small libraries of articles written for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.importer import import_paths
from tui.core.search import Searcher
from tui.core.store import Library

ARTICLES = {
    "plant.txt": "Renault opens a plant in Tula\n\nRenault said its new plant will build crossovers from 2026.",
    "robot.txt": "A robot welds car bodies\n\nThe factory installed one welding robot on the body line.",
    "prices.txt": "Toyota hikes car prices\n\nToyota will raise prices of its cars in the United States by 2 percent.",
    "ru_prices.txt": "Погода в Москве\n\nВ выходные в Москве ожидается снег и небольшой мороз.",
}


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite3")
    import_paths(library, [folder], entities=False)
    yield library
    library.close()


def titles(library: Library, query: str) -> list[str]:
    return [h.title for h in Searcher(library).search(query, details=False)]


@pytest.mark.parametrize("query, title", [
    ("plants", "Renault opens a plant in Tula"),
    ("robots", "A robot welds car bodies"),
    ("price", "Toyota hikes car prices"),
])
def test_plurals_in_ts_find_the_singular_and_back(lib: Library, query: str, title: str) -> None:
    assert titles(lib, query)[:1] == [title]


def test_a_new_library_is_not_stale_and_an_old_one_asks_for_reindex(lib: Library, tmp_path: Path) -> None:
    from tui.core.search import index as search_index

    assert not search_index.is_stale(lib.conn)
    lib.set_meta("search_keys", "1")  # as a library indexed by an older evnews-tui
    assert search_index.is_stale(lib.conn)
    db = str(lib.path)
    lib.close()
    run = [sys.executable, "-m", "tui", "--db", db]
    warned = subprocess.run([*run, "search", "plant"], capture_output=True, text=True, timeout=120)
    assert warned.returncode == 0 and "reindex --search" in warned.stderr
    assert "Renault opens a plant" in warned.stdout
    rebuilt = subprocess.run([*run, "reindex", "--search"], capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0 and "4 articles" in rebuilt.stdout
    again = subprocess.run([*run, "search", "plants"], capture_output=True, text=True, timeout=120)
    assert again.stderr == "" and "Renault opens a plant" in again.stdout
