"""App fixtures: a seeded library and a helper to start the app on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.importer import ensure_seeded
from tui.core.store import Library


@pytest.fixture
def seeded_db(tmp_path: Path) -> Path:
    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library:
        ensure_seeded(library)
    return db


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    db = tmp_path / "empty.sqlite3"
    with Library.open(db) as library:
        library.set_meta("seeded", "1")  # emptied by its user: the app must not seed it again
    return db


async def settle(pilot) -> None:
    """Let workers finish and the screen repaint."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
