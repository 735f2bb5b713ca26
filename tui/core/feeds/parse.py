"""A fetched feed document to entries (feedparser), after checking it is a feed at all.

The document is decoded here (HTTP charset, then the XML declaration, then detection) and
handed to feedparser as UTF-8, so a cp1251 feed declared only in the HTTP header reads right.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from ..detect import parse_struct_time
from ..ingest.decode import DecodeError
from ..ingest.errors import ParseError
from ..ingest.feed import entry_content, entry_summary, feedparser_result
from .charset import as_utf8_xml, decode_document

#: Content types that are never a feed, whatever the body looks like.
_NOT_FEEDS = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip", "application/gzip",
              "application/x-gzip", "application/msword", "application/vnd.")
_ALTERNATE = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")


class NotAFeed(ValueError):
    """The response is not an RSS/Atom feed; the message says what it is instead."""


@dataclass(slots=True)
class Entry:
    """One feed entry, as plain text."""

    guid: str
    title: str | None
    link: str | None
    date: str | None
    author: str | None
    content: str  # the entry's full content, '' when it has only a summary
    summary: str


@dataclass(slots=True)
class FeedDoc:
    title: str | None
    site_url: str | None
    encoding: str
    entries: list[Entry] = field(default_factory=list)


def media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def parse_feed(data: bytes, content_type: str, url: str) -> FeedDoc:
    """Entries of the feed at ``url``; raises :class:`NotAFeed` with a reason."""

    mime = media_type(content_type)
    if mime.startswith(_NOT_FEEDS):
        raise NotAFeed(f"not a feed: the server sent {mime}")
    if not data.strip():
        raise NotAFeed("not a feed: the server sent an empty response")
    try:
        text, encoding = decode_document(data, content_type)
    except DecodeError as exc:
        raise NotAFeed(f"not a feed: {exc}") from None
    head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if head.startswith(("<!doctype html", "<html")) or (mime in ("text/html", "application/xhtml+xml") and "<rss" not in head
                                                         and "<feed" not in head and "<rdf" not in head):
        found = discover(text, url)
        hint = f"; the page links to a feed: {found[0]}" if found else ""
        raise NotAFeed(f"not a feed: the server sent an HTML page ({mime or 'no content type'}){hint}")
    headers = {"content-type": "application/xml; charset=utf-8", "content-location": url}
    try:
        parsed = feedparser_result(as_utf8_xml(text), response_headers=headers)
    except ParseError as exc:
        raise NotAFeed(f"not an RSS or Atom feed ({exc})") from None
    if not parsed.get("version") and not parsed.get("entries"):
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())[:120]})" if problem else ""
        raise NotAFeed(f"not an RSS or Atom feed{detail}")
    info = parsed.get("feed", {})
    doc = FeedDoc(title=info.get("title") or None, site_url=info.get("link") or None, encoding=encoding)
    doc.entries = [_entry(e, url) for e in parsed.get("entries") or []]
    return doc


def _entry(entry: dict, base: str) -> Entry:
    content, summary = entry_content(entry), entry_summary(entry)
    link = entry.get("link") or None
    if link:
        link = urljoin(base, link)
    title = entry.get("title") or None
    guid = entry.get("id") or link or hashlib.sha1(f"{title}\n{summary}".encode()).hexdigest()
    return Entry(
        guid=str(guid)[:500], title=title, link=link,
        date=parse_struct_time(entry.get("published_parsed") or entry.get("updated_parsed")),
        author=entry.get("author") or None, content=content.strip(), summary=summary.strip(),
    )



def discover(html: str, base: str) -> list[str]:
    """Feed URLs an HTML page advertises with ``<link rel="alternate" type="application/rss+xml">``."""
    found = []
    for tag in _ALTERNATE.findall(html[:200_000]):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(tag)}
        if "alternate" in attrs.get("rel", "").lower().split() and attrs.get("type", "").lower() in (
                "application/rss+xml", "application/atom+xml", "application/rdf+xml") and attrs.get("href"):
            found.append(urljoin(base, attrs["href"]))
    return found
