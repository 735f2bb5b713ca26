"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..models import RawArticle
from ..text import sanitize
from .doctype import strip_declarations
from .errors import ParseError


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment (feed summaries), one paragraph per block element."""
    import lxml.html

    try:
        # Made safe first: lxml refuses to set text holding control characters (ValueError).
        root = lxml.html.fragment_fromstring(safe_markup(markup), create_parent="div")
    except Exception:  # lxml raises several unrelated types on junk input
        return markup
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"):
        block.tail = "\n\n" + (block.tail or "")
    return root.text_content()


# Numeric character references to control characters (&#27; is ESC); 128-159 are Windows-1252 in HTML.
_CONTROL_REF = re.compile(r"&#(?:[xX](0*[0-9a-fA-F]{1,6})|(0*[0-9]{1,7}));?")


def _control(match: re.Match[str]) -> str:
    code = int(match[1], 16) if match[1] else int(match[2])
    if 0x80 <= code <= 0x9F:  # HTML reads these as Windows-1252 ("1990&#150;2000" has a dash); the rest stay controls
        return html.unescape(f"&#{code};")
    return chr(code) if code < 0x20 and code not in (9, 10, 13) or code == 0x7F else match[0]


def safe_markup(text: str) -> str:
    """HTML without entity declarations, escape sequences or control characters (written raw or as
    ``&#27;`` references): lxml cannot serialise those, and trafilatura would find no text at all."""
    text = strip_declarations(text)  # entities declared in the page are never resolved
    if "&#" in text:
        text = _CONTROL_REF.sub(_control, text)
    return sanitize(text)


def read_html(text: str, path: str, encoding: str) -> Iterator[RawArticle]:
    """One article per page. Pages with no extractable main text are a parse error."""
    import trafilatura

    text = safe_markup(text)
    try:
        doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura/lxml: many failure types on malformed markup
        raise ParseError(f"unreadable HTML ({type(exc).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise ParseError("no article text found in the HTML")
    yield RawArticle(
        text=doc.text,
        path=path,
        format="html",
        encoding=encoding,
        title=doc.title,
        date=doc.date,
        author=doc.author,
        url=doc.url,
        site=doc.sitename or doc.hostname,
    )
