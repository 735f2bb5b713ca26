"""Bytes from the web to text: the charset the server or the document declares, else detection.

Order: a byte-order mark; the ``charset`` of the HTTP ``Content-Type``; the XML declaration's
``encoding`` or the HTML ``<meta charset>`` / ``http-equiv`` in the first few kilobytes;
then the library's own detection (UTF-8 first, then charset-normalizer). A declared
charset that Python does not know, or that does not fit the bytes, is passed over.
"""

from __future__ import annotations

import codecs
import re

from ..ingest.decode import decode_bytes

_HEAD = 4096
_XML_DECL = re.compile(rb"""^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def header_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header."""
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def document_charset(data: bytes) -> str | None:
    """The charset an XML declaration or an HTML meta tag declares near the start."""
    head = data[:_HEAD]
    match = _XML_DECL.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_document(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; raises :class:`tui.core.ingest.decode.DecodeError` for
    bytes that are not text at all."""
    if data.startswith(_BOMS):  # a byte-order mark outranks any declaration
        return decode_bytes(data)
    for declared in (header_charset(content_type), document_charset(data)):
        codec = _codec(declared)
        if codec is None:
            continue
        if codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32") and b"\x00" not in data[:200]:
            continue  # an ASCII-compatible document cannot be UTF-16 whatever it says
        try:
            return data.decode(codec), codec.replace("_", "-")
        except UnicodeDecodeError:
            continue
    return decode_bytes(data)


def as_utf8_xml(text: str) -> bytes:
    """XML text re-encoded as UTF-8 with the declaration's encoding removed, so a parser reads
    the characters we decoded instead of re-guessing from the original declaration."""
    text = text.lstrip("\ufeff")
    text = re.sub(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""", r"\1", text, count=1)
    return text.encode("utf-8")
