"""RSS/Atom feed files (feedparser): one article per entry."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

from ..detect import parse_struct_time
from ..models import RawArticle, Skip
from .doctype import has_declarations, strip_declarations, utf8_xml
from .errors import ParseError
from .html import html_to_text

_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,16})|([0-9]{1,16}));")


def _charref(match: re.Match[bytes]) -> bytes:
    """References to surrogates or past U+10FFFF (feedparser's loose parser raises on them) become U+FFFD."""
    code = int(match[1], 16) if match[1] else int(match[2])
    return b"&#xfffd;" if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match[0]


def read_feed(data: bytes, path: str, encoding: str, text: str | None = None) -> Iterator[RawArticle | Skip]:
    """Full ``content`` where the entry has it, else its summary. The feed title is the fallback source.

    ``text`` is ``data`` decoded; when its prolog declares entities, the feed is parsed from
    that text without the declarations (see doctype.py), so no entity is ever resolved.
    """

    if text is not None and has_declarations(text):
        data = utf8_xml(strip_declarations(text))
    parsed = feedparser_result(data)
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


def feedparser_result(data: bytes, **options) -> dict:
    """feedparser's result for ``data``, safe on junk (for files and feed refreshes alike):
    references to surrogates become U+FFFD, and its own exceptions a ParseError."""
    import feedparser

    if b"&#" in data:
        data = _CHARREF.sub(_charref, data)
    # A file-like object: given bytes, feedparser first tries to open them as a file name
    # (a feed file holding "/dev/zero" would hang the import).
    try:
        return feedparser.parse(io.BytesIO(data), **options)
    except Exception as exc:  # feedparser's loose parser raises on some junk (it is a bug there, not here)
        raise ParseError(f"unreadable feed ({type(exc).__name__})") from None


def entry_content(entry: dict) -> str:
    """An entry's full content as text ("" without one)."""
    # feedparser leaves None where broken markup had a value: every field is coerced to text.
    for item in entry.get("content") or []:
        value = item.get("value") or ""
        if value.strip():
            return _as_text(value, item.get("type") or "")
    return ""


def entry_summary(entry: dict) -> str:
    """An entry's summary as text."""
    return _as_text(entry.get("summary") or "", (entry.get("summary_detail") or {}).get("type") or "text/html")


def _entry_body(entry: dict) -> str:
    return entry_content(entry) or entry_summary(entry)


def _as_text(value: str, mime: str) -> str:
    return html_to_text(value) if "html" in mime or "<" in value else value
