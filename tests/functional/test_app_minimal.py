"""The Foundation's minimal screen: the library's articles in a table, q quits."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from tui.app import EvNewsApp
from tui.core.importer import ensure_seeded
from tui.core.store import Library


async def test_lists_the_seeded_library_and_quits_on_q(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library:
        ensure_seeded(library)
    app = EvNewsApp(db)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        titles = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert titles[0].startswith("В Казахстане начнут выпускать")
        assert sorted(t[:5] for t in titles) == ["KAMAZ", "Vedom", "В Каз"]
        assert app.screen.sub_title == "3 articles · EN 2 · RU 1"
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_empty_library_shows_an_empty_table(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite3"
    Library.open(db).close()
    app = EvNewsApp(db)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one(DataTable).row_count == 0
        await pilot.press("j", "k", "enter", "q")
