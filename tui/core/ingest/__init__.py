"""Reading article files: walking paths, picking a reader per format, decoding.

Everything here yields :class:`RawArticle` or :class:`Skip`; nothing raises for bad input.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..models import RawArticle, Skip
from .decode import DecodeError, decode_bytes
from .errors import ParseError
from .feed import read_feed
from .html import read_html
from .jsonl import decode_lines, read_jsonl
from .plaintext import read_text

FORMATS = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def display_path(path: os.PathLike[str] | str) -> str:
    """A printable, storable path even when the file name is not valid UTF-8."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def iter_files(paths: Iterable[Path]) -> Iterator[Path | Skip]:
    """Files under ``paths``, directories walked recursively in name order.

    Hidden entries inside directories are skipped, symlink loops are reported once,
    and an unreadable directory becomes a Skip rather than an error.
    """
    seen_dirs: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield Skip(display_path(path), "unreadable", "no such file or directory")


def _walk(directory: Path, seen: set[tuple[int, int]]) -> Iterator[Path | Skip]:
    try:
        st = directory.stat()
    except OSError as exc:
        yield Skip(display_path(directory), "unreadable", exc.strerror or type(exc).__name__)
        return
    if (st.st_dev, st.st_ino) in seen:
        yield Skip(display_path(directory), "symlink loop", "directory already visited")
        return
    seen.add((st.st_dev, st.st_ino))
    try:
        entries = sorted(os.scandir(directory), key=lambda e: os.fsencode(e.name))
    except OSError as exc:
        yield Skip(display_path(directory), "unreadable", exc.strerror or type(exc).__name__)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen)
        else:
            yield path


def _sniff(text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if head.startswith(("<?xml", "<rss", "<feed", "<rdf")):
        return "feed"
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def read_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawArticle | Skip]:
    """Articles in one file, or a single Skip explaining why there are none."""
    name = display_path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None and path.suffix:
        yield Skip(name, "unknown format", f"'{path.suffix}' files are not articles")
        return
    try:
        if not path.is_file():
            yield Skip(name, *_not_a_file(path))
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield Skip(name, "too large", f"{size / 1e6:.1f} MB, limit {max_bytes / 1e6:.1f} MB")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(name, "unreadable", exc.strerror or type(exc).__name__)
        return
    yield from read_bytes(data, name, fmt)


def _not_a_file(path: Path) -> tuple[str, str]:
    """The skip reason and detail for a path that is not a readable regular file."""
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop", "too many levels of symbolic links"
        if path.is_symlink():
            return "unreadable", "broken symbolic link"
        return "unreadable", exc.strerror or type(exc).__name__
    return "unreadable", "a device, pipe or socket, not a regular file"


def read_bytes(data: bytes, name: str, fmt: str | None) -> Iterator[RawArticle | Skip]:
    """Articles in ``data`` of format ``fmt`` (sniffed when None); articles without a single
    word (punctuation, stray markup) are skips too."""
    found = False
    for item in _read(data, name, fmt):
        if isinstance(item, RawArticle) and not _WORD.search(item.text) and not _WORD.search(item.title or ""):
            item = Skip(item.path, "empty", "no words in the text")
        found = True
        yield item
    if not found:  # e.g. only a byte-order mark, or JSON Lines that are all blank
        yield Skip(name, "empty", "no articles in the file")


_WORD = re.compile(r"[^\W_]")


def _read(data: bytes, name: str, fmt: str | None) -> Iterator[RawArticle | Skip]:
    try:
        if fmt == "jsonl" and (split := decode_lines(data)) is not None:
            text, bad = split
            yield from (Skip(f"{name}:{n}", "invalid text", "line is not valid UTF-8") for n in bad)
            yield from read_jsonl(text, name, "utf-8")
            return
        text, encoding = decode_bytes(data)
        fmt = fmt or _sniff(text)
        if fmt == "feed":
            yield from read_feed(data, name, encoding, text)
        elif fmt == "html":
            yield from read_html(text, name, encoding)
        elif fmt == "jsonl":
            yield from read_jsonl(text, name, encoding)
        else:
            yield from read_text(text, name, encoding, fmt)
    except DecodeError as exc:
        yield Skip(name, exc.reason, exc.detail)
    except ParseError as exc:
        yield Skip(name, "parse error", str(exc))
    except Exception as exc:  # a parser's bug on odd input must cost this file, not the import
        yield Skip(name, "parse error", f"{type(exc).__name__}: {exc}"[:200])
