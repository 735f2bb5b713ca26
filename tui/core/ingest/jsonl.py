"""JSON Lines: one article per line with ``title`` and ``text`` (or ``body``)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..models import RawArticle, Skip

_TEXT_KEYS = ("text", "body", "content")


def decode_lines(data: bytes) -> tuple[str, list[int]] | None:
    """JSON Lines are UTF-8 (RFC 8259): when a few lines are not, the text of the others with
    those lines blanked, and the bad line numbers. None when the file decodes whole, when
    most lines fail, or for UTF-16 (NUL bytes): those are left to decode_bytes."""
    if b"\x00" in data[:8192]:
        return None
    try:
        data.decode("utf-8")
        return None  # (decoded again by decode_bytes: a few ms for a large file, once)
    except UnicodeDecodeError:
        pass
    lines, bad = data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), []
    for number, line in enumerate(lines, start=1):
        try:
            lines[number - 1] = line.decode("utf-8")
        except UnicodeDecodeError:
            lines[number - 1] = ""
            bad.append(number)
    if 2 * len(bad) >= sum(1 for line in lines if line.strip()) + len(bad):
        return None
    return "\n".join(lines), bad


def read_jsonl(text: str, path: str, encoding: str) -> Iterator[RawArticle | Skip]:
    """Good lines become articles; each bad line becomes a Skip that names its line number."""
    # Split on "\n" only: str.splitlines() would also split inside records at U+2028, \x1c, \x85.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield Skip(where, "parse error", f"invalid JSON: {getattr(exc, 'msg', 'nested too deeply')}")
            continue
        if not isinstance(record, dict):
            yield Skip(where, "parse error", "line is not a JSON object")
            continue
        body = next((record[k] for k in _TEXT_KEYS if isinstance(record.get(k), str) and record[k].strip()), None)
        if body is None:
            yield Skip(where, "parse error", "no 'text' or 'body' field")
            continue
        yield RawArticle(
            text=body,
            path=where,
            format="jsonl",
            encoding=encoding,
            title=_str(record.get("title")),
            date=_str(record.get("date")),
            lang=_str(record.get("lang")),
            source=_str(record.get("source")),
            author=_author(record),
            url=_str(record.get("url")),
            ext_id=_str(record.get("id")),
        )


def _str(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _author(record: dict) -> str | None:
    value = record.get("author", record.get("authors"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return _str(value)
