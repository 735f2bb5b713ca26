"""The footer line: the keys of the focused pane, the palette at the right, clicks press keys."""

from __future__ import annotations

from pathlib import Path

from tests.functional.conftest import settle
from tui.app import EvNewsApp
from tui.screens.help import HelpScreen
from tui.widgets.key_bar import KeyBar


def footer(app) -> str:
    bar = app.screen.query_one(KeyBar)
    return bar.render().plain


async def test_shows_the_focused_panes_keys(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = footer(app)
        assert " Open " in text and " Help " in text and "Clear search" not in text
        assert text.rstrip().endswith("^p palette")
        await pilot.press("slash")
        await settle(pilot)
        text = footer(app)
        assert "Clear search" in text and "First result" in text and " Open " not in text
        await pilot.press("escape")
        await settle(pilot)
        assert " Open " in footer(app)


async def test_a_click_on_a_key_presses_it(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = footer(app)
        await pilot.click(KeyBar, offset=(text.index(" Help ") + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_narrow_terminal_keeps_the_first_keys(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        text = footer(app)
        assert " Help " in text and "palette" not in text  # no room for it: the keys come first
