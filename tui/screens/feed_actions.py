"""Feeds in the app: ``R`` refreshes every feed in a worker, ``f`` filters the list by feed or
tag. Mixed into the main screen.

The refresh runs in a thread with its own library connection and reports to a bar at the
bottom; each feed's new articles are listed (unread) as soon as that feed is stored, and
each failed feed becomes an error notification. Closing the app stops the refresh after the
request in hand; what was stored is kept.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

from ..core.store import Library, LibraryError
from ..core.text import sanitize
from ..widgets.refresh_progress import RefreshProgress

if TYPE_CHECKING:  # feeds (httpx, the importer) are imported on R or f, not at the app's start
    from ..core.feeds import FeedResult, FetchSettings, RefreshReport

ERRORS_SHOWN = 4
NO_FEEDS = "No feeds yet. Subscribe in a terminal: evnews-tui feeds add URL (or feeds import FILE.opml)"


class FeedActions:
    """Needs ``db_path``, ``filters``, ``open_id``, ``stats``, ``reload``, ``notify``, ``mount``,
    ``query`` and ``app`` from the screen."""

    refreshing: bool = False
    feed_settings: FetchSettings | None = None  # None: the defaults (tests use short timeouts)
    _feed_stop: threading.Event | None = None
    _feed_progress: tuple[int, int] = (0, 0)  # new articles, failed feeds so far

    # -- R: refresh ---------------------------------------------------------------------------
    def action_refresh_feeds(self, force: bool = False) -> None:
        if self.refreshing:
            self.notify("Feeds are already refreshing", timeout=3)
            return
        self.refreshing, self._feed_stop, self._feed_progress = True, threading.Event(), (0, 0)
        for old in self.query(RefreshProgress):
            old.remove()
        self.mount(RefreshProgress(id="refresh-progress"))
        self.run_refresh(force, self._feed_stop)

    @work(thread=True, exclusive=True, group="feeds", exit_on_error=False)
    def run_refresh(self, force: bool, stop: threading.Event) -> None:
        worker = get_current_worker()

        def progress(done: int, total: int, result: FeedResult | None) -> None:
            if worker.is_cancelled:
                stop.set()
            self._post(self._refresh_progress, done, total, result)

        from ..core.feeds import list_feeds, refresh_feeds

        report: RefreshReport | None = None
        problem = ""
        try:
            with Library.open(self.db_path, create=False) as library:
                if not list_feeds(library.conn):
                    problem = NO_FEEDS
                else:
                    report = refresh_feeds(library, force=force, settings=self.feed_settings, progress=progress, stop=stop)
        except (LibraryError, OSError, sqlite3.Error) as exc:
            problem = f"Refresh failed: {sanitize(str(exc))}"
        if not worker.is_cancelled:
            self._post(self._refresh_done, report, problem)

    def _post(self, callback, *args) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:  # the app has gone
            pass

    def on_unmount(self) -> None:
        if self._feed_stop is not None:
            self._feed_stop.set()

    def _refresh_progress(self, done: int, total: int, result: FeedResult | None) -> None:
        new, errors = self._feed_progress
        if result is not None:
            new, errors = new + len(result.new), errors + (result.status == "error")
            self._feed_progress = (new, errors)
        for bar in self.query(RefreshProgress):
            bar.show(done, total, new, result.name if result else "", errors)
        if result is not None and result.new:  # this feed's articles show at once, unread
            self.stats = {}
            self.reload(keep=self.open_id)

    def _refresh_done(self, report: RefreshReport | None, problem: str) -> None:
        self.refreshing = False
        for bar in self.query(RefreshProgress):
            bar.remove()
        if report is None:
            self.notify(problem, severity="warning", timeout=8, markup=False)
            return
        counts = {s: sum(r.status == s for r in report.feeds) for s in ("updated", "unchanged", "skipped", "error")}
        parts = [f"{counts['updated']} updated", f"{counts['unchanged']} unchanged"]
        if counts["skipped"]:
            parts.append(f"{counts['skipped']} checked recently (skipped)")
        if counts["error"]:
            parts.append(f"{counts['error']} failed")
        self.notify(", ".join(parts), title=f"Feeds: {report.new:,} new article{'s' * (report.new != 1)}",
                    severity="warning" if counts["error"] else "information", timeout=8, markup=False)
        for result in report.errors[:ERRORS_SHOWN]:
            self.notify(f"{sanitize(result.name)[:60]}: {sanitize(result.error or '')[:200]}", title="Feed failed",
                        severity="error", timeout=12, markup=False)
        if len(report.errors) > ERRORS_SHOWN:
            self.notify(f"… and {len(report.errors) - ERRORS_SHOWN} more feeds failed ('evnews-tui feeds list' shows each)",
                        severity="error", timeout=12, markup=False)

    # -- f: feed / tag filter -------------------------------------------------------------------
    def action_pick_feed(self) -> None:
        from ..core.feeds import list_feeds
        from ..core.feeds.store import all_tags

        try:
            with Library.open(self.db_path, create=False) as library:
                feeds, tags = list_feeds(library.conn), all_tags(library.conn)
        except LibraryError as exc:
            self.notify(sanitize(str(exc)), severity="error", markup=False)
            return
        if not feeds:
            self.notify(NO_FEEDS, severity="warning", timeout=8, markup=False)
            return
        from .feed_picker import FeedPicker

        self.app.push_screen(FeedPicker(feeds, tags, self.filters.feed), self._feed_chosen)

    def _feed_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice is not None:
            self.filters.feed, self.filters.feed_name = choice
            self.reload(keep=self.open_id)
