"""Refreshing feeds: fetch every due feed in parallel, turn new entries into articles through
the import pipeline (cleaning, dedupe, entities, search index), remember what was seen.

A failing feed becomes an error in its own result; the others go on. Each feed is stored in
its own transactions, so an interrupted refresh keeps the feeds it finished.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..importer import import_articles
from ..models import RawArticle, Skip
from ..parallel import Preparer
from ..store import Library
from ..text import word_count
from .fetch import FetchError, Fetched, Fetcher, FetchSettings
from .fulltext import fetch_full_text
from .parse import Entry, FeedDoc, NotAFeed, parse_feed
from .store import Feed, list_feeds, record_items, seen_guids


@dataclass(slots=True)
class FeedResult:
    """What one feed's refresh did."""

    id: int
    name: str
    url: str
    status: str = "updated"  # updated | unchanged | skipped | error
    new: list[int] = field(default_factory=list)  # ids of the articles added
    duplicates: int = 0  # new entries whose article was already in the library
    entries: int = 0  # entries in the feed document
    full_text: int = 0  # entries whose text came from the linked page
    skipped: list[str] = field(default_factory=list)  # entries not imported, with reasons
    notes: list[str] = field(default_factory=list)  # worth knowing, not errors
    error: str | None = None

    def to_json(self) -> dict:
        keys = ("id", "name", "url", "status", "new", "duplicates", "entries", "full_text", "skipped", "notes", "error")
        return {key: getattr(self, key) for key in keys}


@dataclass(slots=True)
class RefreshReport:
    feeds: list[FeedResult] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(len(r.new) for r in self.feeds)

    @property
    def errors(self) -> list[FeedResult]:
        return [r for r in self.feeds if r.status == "error"]

    def to_json(self) -> dict:
        return {"new": self.new, "errors": len(self.errors), "feeds": [r.to_json() for r in self.feeds]}


_NOTES = 5  # full-text notes listed per feed

#: progress(feeds done, feeds total, the result just finished or None at the start)
Progress = Callable[[int, int, FeedResult | None], None]


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _age(feed: Feed, now: datetime) -> float | None:
    if not feed.last_fetched:
        return None
    try:
        return (now - datetime.fromisoformat(feed.last_fetched.replace("Z", "+00:00"))).total_seconds()
    except ValueError:
        return None


def refresh_feeds(library: Library, feeds: list[Feed] | None = None, *, force: bool = False,
                  settings: FetchSettings | None = None, progress: Progress | None = None,
                  stop: threading.Event | None = None, now: datetime | None = None) -> RefreshReport:
    """Refresh ``feeds`` (default: all). Feeds checked less than their minimum interval ago are
    skipped unless ``force``. Setting ``stop`` ends the refresh after the feed in hand."""
    settings = settings or FetchSettings()
    now = now or datetime.now(timezone.utc)
    feeds = list_feeds(library.conn) if feeds is None else feeds
    report = RefreshReport()
    due = []
    for feed in feeds:
        interval = feed.min_interval if feed.min_interval is not None else settings.min_interval
        age = _age(feed, now)
        if force or age is None or age < 0 or age >= interval:
            due.append(feed)
        else:
            wait = max(1, round((interval - age) / 60))
            report.feeds.append(FeedResult(feed.id, feed.label, feed.url, status="skipped", notes=[
                f"checked {round(age / 60)} min ago; next check in {wait} min (or force it)"]))
    total, done = len(feeds), len(report.feeds)
    if progress:
        progress(done, total, None)
    if due:
        _preload()
    # Entries are prepared in-process: a refresh brings at most max_entries per feed, and a process
    # pool costs more to start (each worker loads the NER models) than it saves on batches this small.
    with Fetcher(settings) as fetcher, ThreadPoolExecutor(settings.max_parallel) as pool, Preparer(workers=1) as preparer:
        if stop is not None:
            fetcher.stop = stop  # retries waiting on a backoff give up at once
        futures: dict[Future, Feed] = {pool.submit(_fetch, fetcher, f): f for f in due}
        job = _Job(library, fetcher, pool, preparer, settings, now)
        try:
            for future in as_completed(futures):
                if fetcher.stop.is_set():
                    break
                feed = futures[future]
                try:
                    result = job.run(feed, future.result())
                except Exception as exc:  # a bug or a storage problem costs this feed, not the refresh
                    result = FeedResult(feed.id, feed.label, feed.url, status="error",
                                        error=f"could not be stored ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})")
                report.feeds.append(result)
                done += 1
                if progress:
                    progress(done, total, result)
        except BaseException:  # Ctrl+C: queued requests are dropped, retries stop waiting
            fetcher.stop.set()
            raise
        finally:
            for future in futures:
                future.cancel()
    report.feeds.sort(key=lambda r: r.id)
    return report


def _preload() -> None:
    """Import what the fetching threads use before they start: Python imports racing between
    threads (pages extracted there, entity models loading here) can leave a module half made."""
    import feedparser  # noqa: F401
    import lxml.html  # noqa: F401
    import trafilatura  # noqa: F401


def _fetch(fetcher: Fetcher, feed: Feed) -> Fetched | FetchError:
    try:
        return fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as exc:
        return exc


class _Job:
    """What every feed of one refresh shares."""

    def __init__(self, library: Library, fetcher: Fetcher, pool: ThreadPoolExecutor, preparer: Preparer,
                 settings: FetchSettings, now: datetime) -> None:
        self.library, self.fetcher, self.pool, self.preparer = library, fetcher, pool, preparer
        self.settings, self.stamp = settings, _iso(now)

    def run(self, feed: Feed, outcome: Fetched | FetchError) -> FeedResult:
        result = FeedResult(feed.id, feed.label, feed.url)
        if isinstance(outcome, FetchError):
            return self._failed(feed, result, str(outcome), outcome.contacted)
        if outcome.not_modified:
            result.status = "unchanged"
            self._succeeded(feed, result, outcome, None)
            return result
        try:
            doc = parse_feed(outcome.content, outcome.content_type, outcome.url)
        except NotAFeed as exc:
            return self._failed(feed, result, str(exc), True)
        result.entries = len(doc.entries)
        seen = seen_guids(self.library.conn, feed.id)
        fresh, unique = [], set()
        for entry in doc.entries:
            if entry.guid not in seen and entry.guid not in unique:
                unique.add(entry.guid)
                fresh.append(entry)
        if len(fresh) > self.settings.max_entries:
            result.notes.append(f"{len(fresh)} new entries; took the first {self.settings.max_entries}")
            fresh = fresh[:self.settings.max_entries]
        self._import(feed, doc, fresh, result)
        self._succeeded(feed, result, outcome, doc)
        return result

    def _import(self, feed: Feed, doc: FeedDoc, entries: list[Entry], result: FeedResult) -> None:
        pages = {}
        if self.settings.full_text:
            wanted = [e for e in entries if not e.content and e.link]
            futures = {e.guid: self.pool.submit(fetch_full_text, self.fetcher, e.link) for e in wanted}
            pages = {guid: future.result() for guid, future in futures.items()}
        raws: list[RawArticle | Skip] = []
        records: dict[str, tuple] = {}
        paths: set[str] = set()
        kept: list[str] = []
        for entry in reversed(entries):  # oldest first: the newest gets the highest id
            path = entry.link if entry.link and entry.link not in paths else f"{feed.url}#{entry.guid}"
            paths.add(path)
            page, note = pages.get(entry.guid, (None, None))
            raw, shown, note = _raw_article(entry, path, doc, feed, page, note)
            if raw is None:
                raws.append(Skip(path, "empty", note or "the entry has no text"))
                if not entry.link:
                    records[path] = (entry.guid, None, entry.link, entry.summary, "none", note)
                continue
            result.full_text += shown == "full"
            if note:
                kept.append(f"kept the summary of “{(entry.title or path)[:60]}”: {note}")
            raws.append(raw)
            records[path] = (entry.guid, None, entry.link, entry.summary, shown, note)
        result.notes.extend(kept[:_NOTES])
        if len(kept) > _NOTES:
            result.notes.append(f"… and {len(kept) - _NOTES} more entries kept their summary")
        if not raws:
            return
        report, stored = import_articles(self.library, f"feed:{feed.id} {feed.url}", raws, preparer=self.preparer)
        result.new = list(report.added)
        result.duplicates = len(report.duplicates)
        result.skipped = [s.message() for s in report.skipped]
        result.notes.extend(report.warnings)
        with self.library.transaction() as conn:
            record_items(conn, feed.id, [(g, stored.get(p), u, s, shown, n) for p, (g, _, u, s, shown, n) in records.items()])

    def _succeeded(self, feed: Feed, result: FeedResult, fetched: Fetched, doc: FeedDoc | None) -> None:
        if doc is not None and doc.title and not feed.name:
            result.name = doc.title
        with self.library.transaction() as conn:
            conn.execute(
                "UPDATE feeds SET etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), last_fetched = ?,"
                " last_ok = ?, last_error = NULL, errors = 0, title = coalesce(?, title), site_url = coalesce(?, site_url)"
                " WHERE id = ?",
                (fetched.etag, fetched.last_modified, self.stamp, self.stamp, doc.title if doc else None,
                 doc.site_url if doc else None, feed.id))
            if fetched.moved_to and fetched.moved_to != feed.url:
                taken = conn.execute("SELECT id FROM feeds WHERE url = ?", (fetched.moved_to,)).fetchone()
                if taken is None:
                    conn.execute("UPDATE feeds SET url = ? WHERE id = ?", (fetched.moved_to, feed.id))
                    result.notes.append(f"moved permanently to {fetched.moved_to}; the subscription now uses it")
                else:
                    result.notes.append(f"moved permanently to {fetched.moved_to}, which is feed #{taken[0]}")

    def _failed(self, feed: Feed, result: FeedResult, message: str, contacted: bool) -> FeedResult:
        result.status, result.error = "error", message
        with self.library.transaction() as conn:
            conn.execute("UPDATE feeds SET last_error = ?, errors = errors + 1,"
                         " last_fetched = CASE WHEN ? THEN ? ELSE last_fetched END WHERE id = ?",
                         (message, int(contacted), self.stamp, feed.id))
        return result


def _raw_article(entry: Entry, path: str, doc: FeedDoc, feed: Feed, page: RawArticle | None,
                 note: str | None) -> tuple[RawArticle | None, str, str | None]:
    """The article for an entry, which text it shows (content, full, summary) and a note."""
    site = feed.name or doc.title
    if entry.content:
        text, shown, fmt, encoding = entry.content, "content", "feed", doc.encoding
    elif page is not None and word_count(page.text) >= word_count(entry.summary):
        text, shown, fmt, encoding = page.text, "full", "html", page.encoding
        site = site or page.site
    elif entry.summary:
        if page is not None:
            note = "the linked page had less text than the summary"
        text, shown, fmt, encoding = entry.summary, "summary", "feed", doc.encoding
    else:
        return None, "none", note
    return RawArticle(
        text=text, path=path, format=fmt, encoding=encoding,
        title=entry.title or (page.title if page else None),
        date=entry.date or (page.date if page else None),
        author=entry.author or (page.author if page else None),
        url=entry.link, ext_id=entry.guid, site=site,
    ), shown, note
