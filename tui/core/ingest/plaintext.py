"""Plain text and Markdown files: the whole file is one article."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import RawArticle

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)


def read_text(text: str, path: str, encoding: str, fmt: str = "text") -> Iterator[RawArticle]:
    """One article; Markdown headings lose their ``#`` marks so the title reads cleanly."""
    if fmt == "markdown":
        text = _MD_HEADING.sub("", text)
    yield RawArticle(text=text, path=path, format=fmt, encoding=encoding)
