"""RawArticle → Article: sanitise, find metadata, clean boilerplate, hash."""

from __future__ import annotations

from .clean import clean_paragraphs
from .detect import detect_lang, find_author, find_dateline, find_source, find_title, parse_date
from .models import Article, RawArticle
from .text import content_hash, fold, paragraphs, sanitize, storable, word_count

LANGS = ("en", "ru", "other")
#: longer titles (a feed's 1 MB <title>, a file that is one long line) are shortened with "…";
#: a long first paragraph taken as the title also stays in the body
MAX_TITLE = 300


def prepare(raw: RawArticle) -> Article:
    """Turn what a reader produced into a stored article. Never raises on odd text."""
    original = sanitize(raw.text)
    paras = paragraphs(original)
    date = parse_date(raw.date) if raw.date else None
    dateline, dateline_at = find_dateline(paras)
    skip = {dateline_at} if dateline_at is not None else set()
    date = date or dateline

    title = " ".join(sanitize(raw.title or "").split())
    if title:
        # Formats with a separate title often repeat it as the first line of the body.
        title_at = next((i for i in range(min(3, len(paras))) if fold(paras[i]) == fold(title)), None)
    else:
        title_at = find_title(paras, skip)
        title = paras[title_at] if title_at is not None else ""
    if title_at is not None and len(title) <= MAX_TITLE:
        skip.add(title_at)
    title = _shorten(title, MAX_TITLE)
    body_paras = [p for i, p in enumerate(paras) if i not in skip]

    author = _clean_meta(raw.author) or find_author(body_paras)
    source = _clean_meta(raw.source) or find_source(body_paras) or _clean_meta(raw.site)
    body = "\n\n".join(clean_paragraphs(body_paras, title))
    if not title:
        title = (body.split("\n", 1)[0][:120] or "(untitled)")
    lang = raw.lang if raw.lang in LANGS else detect_lang(f"{title}\n{body}")
    return Article(
        title=title,
        text=body,
        raw_text=storable(raw.text),
        lang=lang,
        words=word_count(body),
        content_hash=content_hash(title, "\n".join(body_paras)),
        path=raw.path,
        format=raw.format,
        encoding=raw.encoding,
        date=date,
        source=source,
        author=author,
        url=_clean_meta(raw.url),
        ext_id=_clean_meta(raw.ext_id),
    )


def _shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


def _clean_meta(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(sanitize(str(value)).split())
    return text[:300] or None
