"""The full text of an entry that has only a summary: fetch the linked page, extract its main
text with trafilatura (the same reader as ``add`` uses for HTML files)."""

from __future__ import annotations

from ..ingest.decode import DecodeError
from ..ingest.errors import ParseError
from ..ingest.html import read_html
from ..models import RawArticle
from .charset import decode_document
from .fetch import FetchError, Fetcher
from .parse import media_type

_PAGE_TYPES = ("", "text/html", "application/xhtml+xml", "text/plain")


def fetch_full_text(fetcher: Fetcher, url: str) -> tuple[RawArticle | None, str | None]:
    """``(article read from the page, None)`` or ``(None, why not)``; never raises."""
    try:
        page = fetcher.get(url, page=True)
        mime = media_type(page.content_type)
        if mime not in _PAGE_TYPES:
            return None, f"the linked page is {mime}, not HTML"
        text, encoding = decode_document(page.content, page.content_type)
        return next(read_html(text, page.url, encoding)), None
    except FetchError as exc:
        return None, f"linked page: {exc}"
    except DecodeError as exc:
        return None, f"linked page: {exc}"
    except ParseError as exc:
        return None, f"linked page: {exc}"
    except Exception as exc:  # extraction bugs on odd pages cost the full text, not the entry
        return None, f"linked page: {type(exc).__name__}"
