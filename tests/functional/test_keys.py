"""Every key in every state a reader can be in (nothing open, no results, a search still
running, an empty library) does what it says or nothing, and never raises; the header
never claims a search is running once it is done; filters and sort survive a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.functional.conftest import settle
from tui.app import EvNewsApp
from tui.widgets.article_list import ArticleList
from tui.widgets.reader import Reader

#: each entry is pressed in turn; modal screens are closed again with Esc
KEYS = [
    ["j"], ["k"], ["down"], ["up"], ["g"], ["G"], ["pagedown"], ["pageup"], ["enter"], ["n"], ["N"],
    ["right_square_bracket"], ["left_square_bracket"], ["c"], ["c"], ["o"], ["r"], ["r"], ["asterisk"], ["asterisk"],
    ["l"], ["s"], ["e"], ["e"], ["tab"], ["tab"], ["shift+tab"], ["2"], ["j"], ["G"], ["3"], ["enter"], ["t"], ["t"],
    ["d", "escape"], ["1"], ["x"], ["slash", "escape"], ["a", "escape"], ["question_mark", "escape"], ["f1", "escape"],
    ["ctrl+p", "escape"], ["escape"],
]


def errors(app) -> list[str]:
    return [str(n.message) for n in app._notifications if n.severity == "error"]


async def _press_everything(pilot, settle_between: bool) -> None:
    for keys in KEYS:
        await pilot.press(*keys)
        if settle_between:
            await settle(pilot)


@pytest.mark.parametrize("state", ["nothing open", "no results", "search running", "narrow"])
async def test_no_key_raises(seeded_db: Path, state: str) -> None:
    app = EvNewsApp(seeded_db)
    size = (60, 24) if state == "narrow" else (120, 35)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        if state == "no results":
            await pilot.press("slash", *"zzqxwv", "enter")
            await settle(pilot)
            assert len(app.screen.query_one(ArticleList).rows) == 0
            assert "No results" in str(app.screen.query_one(ArticleList).render_line(1).text)
        if state == "search running":
            await pilot.press("slash", *"kamaz", "enter")  # no waiting: the keys race the search
        await _press_everything(pilot, settle_between=state != "search running")
        await settle(pilot)
        assert app.is_running and errors(app) == []
        assert "searching" not in str(app.screen.query_one("#status").render())
        await pilot.press("q")
    assert not app.is_running


async def test_clearing_two_filters_at_once_ends_with_the_list(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l", "j", "enter")
        await settle(pilot)
        await pilot.press("3", "enter")  # an entity filter besides the language one
        await settle(pilot)
        assert "lang:en" in str(app.screen.query_one("#status").render())
        await pilot.press("x")  # two reloads at once: the first is dropped
        await pilot.pause(0.4)
        await settle(pilot)
        status = str(app.screen.query_one("#status").render())
        assert "showing 3" in status and "searching" not in status and "lang:" not in status


async def test_filters_and_sort_survive_a_restart_without_opening_anything(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("l", "l", "s", "s")  # ru, sorted by source
        await settle(pilot)
        await pilot.press("q")
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        status = str(app.screen.query_one("#status").render())
        assert "lang:ru" in status and "sort: source" in status
        assert [r.lang for r in app.screen.query_one(ArticleList).rows] == ["ru"]
        assert app.screen.query_one(Reader).content is None


def test_help_lists_every_key() -> None:
    from tui.screens.help import KEYS as HELP

    listed = {key for _, keys in HELP for key, _ in keys}
    for key in ["j / k, ↓ / ↑", "g / G", "Enter", "Tab / Shift+Tab", "1 / 2 / 3", "/", "n / N", "e", "l", "s", "r", "*",
                "o", "a", "? or F1", "Ctrl+P", "q / Ctrl+Q", "] / [", "c", "x"]:
        assert key in listed, key


async def test_the_palette_runs_actions(seeded_db: Path) -> None:
    from tui.screens.add_files import AddFilesScreen

    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"add files")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AddFilesScreen)
        await pilot.press("escape", "ctrl+p", *"language")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert "lang:en" in str(app.screen.query_one("#status").render())
