"""An upgraded evnews-tui opening a library indexed by an older one says what to run."""

from __future__ import annotations

from pathlib import Path

from tests.functional.conftest import settle
from tui.app import EvNewsApp
from tui.core.store import Library


def _messages(app: EvNewsApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_an_old_search_index_gets_one_notice_with_the_command(seeded_db: Path) -> None:
    with Library.open(seeded_db) as library:
        library.set_meta("search_keys", "1")
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        notices = [m for m in _messages(app) if "older version" in m]
        assert notices == ["The search index of this library was built by an older version; "
                           "run 'evnews-tui reindex --search'"]


async def test_a_current_library_gets_no_notice(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not [m for m in _messages(app) if "older version" in m]
