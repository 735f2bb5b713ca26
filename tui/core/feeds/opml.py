"""OPML in and out: subscription lists other feed readers import and export.

Reading is done with expat directly and refuses any DOCTYPE, so entity declarations (the
"billion laughs" bomb) and external entities (local file disclosure) never get expanded;
the file size, the nesting depth and the number of outlines are bounded too. Folders
(outlines without ``xmlUrl``) and the ``category`` attribute become tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import format_datetime
from xml.etree import ElementTree as ET
from xml.parsers import expat

from ..text import sanitize
from .store import Feed

MAX_OPML_BYTES = 5 * 1024 * 1024
MAX_OUTLINES = 20_000
MAX_DEPTH = 40
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class OpmlError(ValueError):
    """The file is not a usable OPML subscription list; the message is one line."""


@dataclass(slots=True)
class OpmlFeed:
    url: str
    name: str | None = None
    tags: list[str] = field(default_factory=list)
    site_url: str | None = None


def _refuse(*_: object) -> int:
    raise OpmlError("refused: the file declares a DOCTYPE or entities, which an OPML file never needs "
                    "(entity expansion and external entities are not allowed)")


def read_opml(data: bytes) -> list[OpmlFeed]:
    """The feeds an OPML document lists, in document order; raises :class:`OpmlError`."""
    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"the file is too large for an OPML list ({len(data) / 1e6:.1f} MB, limit {MAX_OPML_BYTES / 1e6:.0f} MB)")
    if not data.strip():
        raise OpmlError("the file is empty")
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    feeds: list[OpmlFeed] = []
    stack: list[str | None] = []  # one per open element: the folder title, or None
    count = 0

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        if not stack and name != "opml":
            raise OpmlError(f"not an OPML file (the document is <{name[:40]}>, not <opml>)")
        if len(stack) >= MAX_DEPTH:
            raise OpmlError(f"outlines nested deeper than {MAX_DEPTH} levels")
        if name != "outline":
            stack.append(None)
            return
        count += 1
        if count > MAX_OUTLINES:
            raise OpmlError(f"more than {MAX_OUTLINES} outlines")
        a = {k.lower(): v for k, v in attrs.items()}
        title = (a.get("title") or a.get("text") or "").strip() or None
        url = (a.get("xmlurl") or "").strip()
        if not url:
            stack.append(title)  # a folder: its title tags the feeds inside
            return
        categories = [c.strip("/ ") for c in (a.get("category") or "").split(",")]
        tags = list(dict.fromkeys([t for t in stack if t] + [c for c in categories if c]))
        feeds.append(OpmlFeed(url, title, tags, (a.get("htmlurl") or "").strip() or None))
        stack.append(None)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: stack.pop()
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise OpmlError(f"not well-formed XML: {expat.ErrorString(exc.code)} at line {exc.lineno}") from None
    return feeds


def _attr(value: str | None) -> str:
    return _NOT_XML.sub("", sanitize(value or ""))


def write_opml(feeds: list[Feed], *, now: datetime | None = None) -> bytes:
    """OPML 2.0: feeds grouped in a folder per first tag, every tag in ``category``."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = "evnews-tui subscriptions"
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(timezone.utc), usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            tag = _attr(feed.tags[0])
            if tag not in folders:
                folders[tag] = ET.SubElement(body, "outline", text=tag, title=tag)
            parent = folders[tag]
        attrs = {"type": "rss", "text": _attr(feed.label), "title": _attr(feed.label), "xmlUrl": _attr(feed.url)}
        if feed.site_url:
            attrs["htmlUrl"] = _attr(feed.site_url)
        if feed.tags:
            attrs["category"] = ",".join(_attr(t) for t in feed.tags)
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8") + b"\n"
