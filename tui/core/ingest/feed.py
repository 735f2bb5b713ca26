"""RSS/Atom feed files (feedparser): one article per entry."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..detect import parse_struct_time
from ..models import RawArticle, Skip
from .doctype import has_declarations, strip_declarations, utf8_xml
from .errors import ParseError
from .html import html_to_text


def read_feed(data: bytes, path: str, encoding: str, text: str | None = None) -> Iterator[RawArticle | Skip]:
    """Full ``content`` where the entry has it, else its summary. The feed title is the fallback source.

    ``text`` is ``data`` decoded; when its prolog declares entities, the feed is parsed from
    that text without the declarations (see doctype.py), so no entity is ever resolved.
    """
    import feedparser

    if text is not None and has_declarations(text):
        data = utf8_xml(strip_declarations(text))
    # A file-like object: given bytes, feedparser first tries to open them as a file name
    # (a feed file holding "/dev/zero" would hang the import).
    parsed = feedparser.parse(io.BytesIO(data))
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        detail = f": {type(problem).__name__}" if problem else ""
        raise ParseError(f"not a readable RSS/Atom feed{detail}")
    site = parsed.get("feed", {}).get("title")
    encoding = parsed.get("encoding") or encoding
    for number, entry in enumerate(entries, start=1):
        body = _entry_body(entry)
        where = f"{path}#{number}"
        if not body.strip():
            yield Skip(where, "empty", "feed entry has no content or summary")
            continue
        yield RawArticle(
            text=body,
            path=where,
            format="feed",
            encoding=encoding,
            title=entry.get("title"),
            date=parse_struct_time(entry.get("published_parsed") or entry.get("updated_parsed")),
            author=entry.get("author"),
            url=entry.get("link"),
            ext_id=entry.get("id"),
            site=site,
        )


def _entry_body(entry: dict) -> str:
    for item in entry.get("content") or []:
        if item.get("value", "").strip():
            return _as_text(item["value"], item.get("type", ""))
    return _as_text(entry.get("summary", ""), entry.get("summary_detail", {}).get("type", "text/html"))


def _as_text(value: str, mime: str) -> str:
    return html_to_text(value) if "html" in mime or "<" in value else value
