"""Snapshots of the screen a reader sees, at 120×40 and 80×24 (pytest-textual-snapshot)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.functional.conftest import settle
from tui.app import EvNewsApp


async def _open_first(pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "enter")
    await settle(pilot)


async def _search(pilot) -> None:
    await settle(pilot)
    await pilot.press("slash", *"moskvch")
    await pilot.pause(0.3)
    await settle(pilot)
    await pilot.press("enter", "enter")
    await settle(pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_reading_an_article(snap_compare, seeded_db: Path, size: tuple[int, int]) -> None:
    assert snap_compare(EvNewsApp(seeded_db), terminal_size=size, run_before=_open_first)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
def test_searching_with_a_typo(snap_compare, seeded_db: Path, size: tuple[int, int]) -> None:
    assert snap_compare(EvNewsApp(seeded_db), terminal_size=size, run_before=_search)
