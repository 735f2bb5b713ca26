"""Feed subscriptions in the library: adding, finding, removing, tags, and the entries seen.

Functions take the library's connection; writes that belong together run in the caller's
transaction. Removing a feed keeps its articles (they are the user's, with their read state).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from ..text import sanitize

MAX_TAG = 60
MAX_NAME = 200


class FeedError(ValueError):
    """A feed request the user can fix (bad URL, unknown feed); the message is one line."""


@dataclass(slots=True)
class Feed:
    """One subscription, with counts for listing."""

    id: int
    url: str
    name: str | None = None
    title: str | None = None
    site_url: str | None = None
    tags: list[str] = field(default_factory=list)
    added_at: str = ""
    min_interval: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_fetched: str | None = None
    last_ok: str | None = None
    last_error: str | None = None
    errors: int = 0
    articles: int = 0
    unread: int = 0

    @property
    def label(self) -> str:
        """What the user calls it: the given name, else the feed's own title, else its host."""
        return self.name or self.title or (urlsplit(self.url).hostname or self.url)

    def to_json(self) -> dict:
        keys = ("id", "url", "name", "title", "site_url", "tags", "added_at", "min_interval", "last_fetched",
                "last_ok", "last_error", "errors", "articles", "unread")
        return {key: getattr(self, key) for key in keys}


def normalize_url(url: str) -> str:
    """A feed URL as stored: http(s) only, scheme and host lower-case, no fragment.

    A bare ``host/path`` gets ``https://``. Anything else raises :class:`FeedError`.
    """
    text = sanitize(url or "").strip()
    if not text or any(ch.isspace() for ch in text):
        raise FeedError(f"not a URL: {url!r}")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise FeedError(f"only http and https feeds are supported, not {parts.scheme}:")
    try:
        host, _ = parts.hostname, parts.port  # .port raises ValueError on a bad port
    except ValueError:
        raise FeedError(f"not a valid URL: {url!r}") from None
    if not host:
        raise FeedError(f"the URL has no host name: {url!r}")
    userinfo, at, hostport = parts.netloc.rpartition("@")
    return urlunsplit((parts.scheme.lower(), f"{userinfo}{at}{hostport.lower()}", parts.path or "/", parts.query, ""))


def clean_tags(tags: list[str] | None) -> list[str]:
    """Tags as stored: no control characters or commas, spaces collapsed, unique, in order."""
    out: list[str] = []
    for tag in tags or []:
        for part in str(tag).split(","):
            value = " ".join(sanitize(part).split())[:MAX_TAG]
            if value and value.casefold() not in {t.casefold() for t in out}:
                out.append(value)
    return out


def clean_name(name: str | None) -> str | None:
    value = " ".join(sanitize(name or "").split())[:MAX_NAME]
    return value or None


_SELECT = (
    "SELECT f.id, f.url, f.name, f.title, f.site_url, f.added_at, f.min_interval, f.etag, f.last_modified,"
    " f.last_fetched, f.last_ok, f.last_error, f.errors,"
    " (SELECT count(DISTINCT i.article_id) FROM feed_items i WHERE i.feed_id = f.id AND i.article_id IS NOT NULL),"
    " (SELECT count(DISTINCT i.article_id) FROM feed_items i JOIN articles a ON a.id = i.article_id"
    "  WHERE i.feed_id = f.id AND a.read = 0)"
    " FROM feeds f"
)


_COLUMNS = ("id", "url", "name", "title", "site_url", "added_at", "min_interval", "etag", "last_modified",
            "last_fetched", "last_ok", "last_error", "errors", "articles", "unread")


def list_feeds(conn: sqlite3.Connection) -> list[Feed]:
    """Every subscription, in the order it was added."""
    tags: dict[int, list[str]] = {}
    for feed_id, tag in conn.execute("SELECT feed_id, tag FROM feed_tags ORDER BY rowid"):
        tags.setdefault(feed_id, []).append(tag)
    feeds = []
    for row in conn.execute(_SELECT + " ORDER BY f.id"):
        feed = Feed(**dict(zip(_COLUMNS, row, strict=True)))
        feed.tags = tags.get(feed.id, [])
        feeds.append(feed)
    return feeds


def add_feed(conn: sqlite3.Connection, url: str, name: str | None = None, tags: list[str] | None = None,
             min_interval: int | None = None) -> tuple[Feed, bool]:
    """Subscribe; return ``(feed, True)``, or ``(existing feed, False)`` when already
    subscribed (its name and tags are updated with what was given)."""
    url = normalize_url(url)
    name, tags = clean_name(name), clean_tags(tags)
    row = conn.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
    created = row is None
    if created:
        feed_id = conn.execute("INSERT INTO feeds (url, name, min_interval) VALUES (?, ?, ?)",
                               (url, name, min_interval)).lastrowid
    else:
        feed_id = row[0]
        if name:
            conn.execute("UPDATE feeds SET name = ? WHERE id = ?", (name, feed_id))
        if min_interval is not None:
            conn.execute("UPDATE feeds SET min_interval = ? WHERE id = ?", (min_interval, feed_id))
    conn.executemany("INSERT OR IGNORE INTO feed_tags (feed_id, tag) VALUES (?, ?)", [(feed_id, t) for t in tags])
    return get_feed(conn, feed_id), created


def get_feed(conn: sqlite3.Connection, feed_id: int) -> Feed:
    return next(f for f in list_feeds(conn) if f.id == feed_id)


def find_feeds(conn: sqlite3.Connection, selectors: list[str]) -> tuple[list[Feed], list[str]]:
    """Feeds named by id, URL, name/title (any case) or tag; also the selectors matching none."""
    feeds = list_feeds(conn)
    chosen: dict[int, Feed] = {}
    unknown: list[str] = []
    for selector in selectors:
        text = selector.strip()
        key = text.casefold()
        try:
            url = normalize_url(text)
        except FeedError:
            url = None
        found = [f for f in feeds if (text.isdigit() and f.id == int(text)) or f.url == url or f.url == text
                 or key in {(f.name or "").casefold(), (f.title or "").casefold()}
                 or key in {t.casefold() for t in f.tags}]
        if not found:
            unknown.append(selector)
        chosen.update((f.id, f) for f in found)
    return sorted(chosen.values(), key=lambda f: f.id), unknown


def remove_feed(conn: sqlite3.Connection, feed_id: int) -> None:
    """Unsubscribe: the feed, its tags and entry records go; its articles stay."""
    conn.execute("DELETE FROM feed_items WHERE feed_id = ?", (feed_id,))
    conn.execute("DELETE FROM feed_tags WHERE feed_id = ?", (feed_id,))
    conn.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """(tag, feeds with it), most used first."""
    return conn.execute("SELECT tag, count(*) AS n FROM feed_tags GROUP BY tag ORDER BY n DESC, tag COLLATE NOCASE").fetchall()


def article_ids(conn: sqlite3.Connection, spec: str) -> set[int]:
    """Articles of one feed (``feed:ID``) or of every feed with a tag (``tag:NAME``)."""
    kind, _, value = spec.partition(":")
    if kind == "feed" and value.isdigit():
        rows = conn.execute("SELECT article_id FROM feed_items WHERE feed_id = ? AND article_id IS NOT NULL", (int(value),))
    elif kind == "tag":
        rows = conn.execute("SELECT i.article_id FROM feed_items i JOIN feed_tags t ON t.feed_id = i.feed_id"
                            " WHERE t.tag = ? AND i.article_id IS NOT NULL", (value,))
    else:
        return set()
    return {r[0] for r in rows}


def seen_guids(conn: sqlite3.Connection, feed_id: int) -> set[str]:
    return {r[0] for r in conn.execute("SELECT guid FROM feed_items WHERE feed_id = ?", (feed_id,))}


def record_items(conn: sqlite3.Connection, feed_id: int, items: list[tuple[str, int | None, str | None, str, str, str | None]]) -> None:
    """Remember entries: (guid, article id or None, url, summary, shown, note)."""
    conn.executemany(
        "INSERT OR IGNORE INTO feed_items (feed_id, guid, article_id, url, summary, shown, note) VALUES (?,?,?,?,?,?,?)",
        [(feed_id, *item) for item in items],
    )


def article_origin(conn: sqlite3.Connection, article_id: int) -> dict | None:
    """Which feed an article came from and which text it shows (``content``, ``full`` or ``summary``)."""
    row = conn.execute(
        "SELECT i.feed_id, coalesce(f.name, f.title, f.url), i.shown, i.note, i.summary FROM feed_items i"
        " JOIN feeds f ON f.id = i.feed_id WHERE i.article_id = ? ORDER BY i.rowid LIMIT 1", (article_id,)).fetchone()
    if row is None:
        return None
    return {"feed_id": row[0], "feed": row[1], "shown": row[2], "note": row[3], "summary": row[4]}
