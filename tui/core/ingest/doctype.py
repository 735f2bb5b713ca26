"""Entity declarations never reach a parser: a DOCTYPE with an internal subset is cut out first.

XML entities are how files pull in other files (``<!ENTITY x SYSTEM "file:///etc/passwd">``)
or blow up in memory ("billion laughs", quadratic blow-up). feedparser, expat and lxml each
defend against some of this, differently per version; removing the declarations before any
of them sees the document makes the guarantee ours: references such as ``&x;`` then stay
literal text (or are dropped as unknown), and nothing is fetched or expanded.
"""

from __future__ import annotations

import re

# The prolog ends where the root element starts; DOCTYPEs can only appear before it.
_ROOT = re.compile(r"<[A-Za-z_]")
_SUBSET_START = re.compile(r"<!DOCTYPE[^\[>]*\[", re.IGNORECASE)
_SUBSET_END = re.compile(r"\]\s*>")
# Unterminated declarations run to the end, so each character is looked at a bounded number of times.
_DECLARATION = re.compile(r"<!(?:ENTITY|ATTLIST|ELEMENT|NOTATION)\b[^>]*(?:>|\Z)", re.IGNORECASE)
_ENCODING = re.compile(r"(<\?xml[^>]*?)\s+encoding\s*=\s*(['\"])[^'\"]*\2", re.IGNORECASE)


def prolog(text: str) -> str:
    """Everything before the root element."""
    m = _ROOT.search(text)
    return text[: m.start()] if m else text


def _subset(head: str) -> tuple[int, int] | None:
    """Where the (first) DOCTYPE with an internal subset starts and ends in ``head``."""
    start = head.lower().find("<!doctype")
    if start < 0 or not _SUBSET_START.match(head, start):
        return None
    end = _SUBSET_END.search(head, start)
    return start, end.end() if end else len(head)


def has_declarations(text: str) -> bool:
    """True when the prolog has an internal DTD subset or declares entities."""
    head = prolog(text)
    return "<!" in head and (_subset(head) is not None or _DECLARATION.search(head) is not None)


def strip_declarations(text: str) -> str:
    """``text`` without a DOCTYPE internal subset or stray declarations before the root."""
    head = prolog(text)
    if "<!" not in head:
        return text
    clean = head
    if (span := _subset(head)) is not None:
        clean = head[: span[0]] + head[span[1]:]
    return _DECLARATION.sub("", clean) + text[len(head):]


def utf8_xml(text: str) -> bytes:
    """Decoded XML as UTF-8 bytes whose declaration no longer names the original encoding."""
    head, rest = text[:512], text[512:]  # the declaration comes first
    return (_ENCODING.sub(r"\1", head, count=1) + rest).encode("utf-8")
