"""Feeds in the app (Pilot): R refreshes in a worker, new articles appear unread, failed feeds
become error notifications, and f filters the list by feed or tag. The feeds are served by a
real HTTP server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

from tests.feedserver import FeedServer, only_localhost_fixture, server_fixture  # noqa: F401 (fixtures)
from tests.functional.conftest import settle
from tui.app import EvNewsApp
from tui.core.feeds import add_feed
from tui.core.feeds.fetch import FetchSettings
from tui.core.store import Library
from tui.screens.feed_picker import FeedPicker
from tui.widgets.article_list import ArticleList
from tui.widgets.refresh_progress import RefreshProgress

FAST = FetchSettings(connect_timeout=1, read_timeout=1, retries=1, backoff=0.01)
VOLT = ["Kestrel Motors opens a battery plant in Ohio", "Northwind Charging adds 400 fast chargers along Interstate 80"]


def rows(app) -> list:
    return list(app.screen.query_one(ArticleList).rows)


def notes(app) -> list[tuple[str, str, str]]:
    return [(n.title, n.message, n.severity) for n in app._notifications]


def subscribe(db: Path, server: FeedServer) -> None:
    volt = server.serve("/volt.rss", server.fixture("volt-wire.rss", "application/rss+xml"))
    with Library.open(db) as library, library.transaction() as conn:
        add_feed(conn, volt, tags=["ev"])
        add_feed(conn, server.url("/gone.rss"), name="Gone Daily")


async def test_R_refreshes_feeds_new_articles_arrive_unread_and_errors_are_notified(seeded_db: Path, server: FeedServer) -> None:
    subscribe(seeded_db, server)
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert len(rows(app)) == 3
        app.screen.feed_settings = FAST
        await pilot.press("R")
        await settle(pilot)
        listed = {r.title: r for r in rows(app)}
        assert set(VOLT) <= set(listed) and len(listed) == 5
        assert not any(listed[t].read for t in VOLT)
        assert "5 articles" in str(app.screen.query_one("#status").render())
        assert not app.screen.query(RefreshProgress)
        assert ("Feed failed", "Gone Daily: HTTP 404 Not Found", "error") in notes(app)
        assert any(title == "Feeds: 2 new articles" and "1 failed" in message for title, message, _ in notes(app))
        await pilot.press("R")  # again at once: both feeds were checked moments ago
        await settle(pilot)
        assert any(title == "Feeds: 0 new articles" and "2 checked recently" in message for title, message, _ in notes(app))
        assert len(server.hits("/volt.rss")) == 1


async def test_f_filters_the_list_by_feed_or_tag_and_x_clears_it(seeded_db: Path, server: FeedServer) -> None:
    subscribe(seeded_db, server)
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.screen.feed_settings = FAST
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FeedPicker)
        await pilot.press("down", "enter")  # All feeds → #ev
        await settle(pilot)
        assert sorted(r.title for r in rows(app)) == VOLT
        assert "tag:ev" in str(app.screen.query_one("#status").render())
        await pilot.press("f", "down", "down", "enter")  # from #ev (the current filter) past Volt Wire to the failed feed
        await settle(pilot)
        assert rows(app) == [] and "feed:Gone Daily" in str(app.screen.query_one("#status").render())
        await pilot.press("x")
        await settle(pilot)
        assert len(rows(app)) == 5


async def test_R_and_f_without_feeds_explain_how_to_add_one(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert not isinstance(app.screen, FeedPicker)
        assert [m for _, m, _ in notes(app) if "evnews-tui feeds add URL" in m] and len(rows(app)) == 3
