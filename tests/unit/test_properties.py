"""Property-based tests (Hypothesis): any Unicode text or any bytes go through ingestion, cleaning,
language detection, query parsing, search and normalisation without an exception, and what comes
out keeps the promises the rest of the program relies on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tui.core.clean import clean_paragraphs
from tui.core.detect import detect_lang, parse_date
from tui.core.entities.keys import link_key, transliterate
from tui.core.ingest import FORMATS, read_bytes
from tui.core.ingest.decode import DecodeError, decode_bytes
from tui.core.ingest.doctype import prolog, strip_declarations
from tui.core.models import RawArticle, Skip
from tui.core.prepare import MAX_TITLE, prepare
from tui.core.search.query import MAX_WORDS, parse
from tui.core.search.terms import words
from tui.core.text import content_hash, fold, paragraphs, sanitize, storable
from tui.fuzz.hostile import SAMPLES

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
#: what sanitize promises never to return: escapes and controls (not tab or newline), bidi, zero-width, surrogates
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")
COMBINING = re.compile(r"[\u0300-\u036f]{4}")

# Any code point (surrogates and controls included), and the same mixed with news words and attacks.
ANY = st.text(st.characters(exclude_categories=()), max_size=200)
PIECES = st.sampled_from([t for _, t in SAMPLES] + ["Tesla", "КАМАЗ", "электробус", "\n", "\n\n", " ", "\r\n",
                                                    "[bold]", "\x1b]8;;", "\x1b[", "\u0301", "\ud83d", '"', "-", ":"])
TEXT = st.one_of(ANY, st.lists(st.one_of(PIECES, ANY), max_size=12).map("".join))
NAMES = st.one_of(st.text(max_size=30), st.binary(max_size=30).map(lambda b: b.decode("utf-8", "surrogateescape")))
SKIP_REASONS = {"empty", "binary", "invalid text", "parse error", "unknown format", "unreadable", "too large", "symlink loop"}


@FAST
@given(TEXT)
def test_sanitize_removes_every_unsafe_character_and_is_idempotent(text: str) -> None:
    clean = sanitize(text)
    assert not UNSAFE.search(clean)
    assert not COMBINING.search(clean) and "\r" not in clean
    assert sanitize(clean) == clean


@FAST
@given(st.text(st.characters(categories=("L", "N", "P", "Zs")), max_size=200))
def test_sanitize_leaves_ordinary_text_alone(text: str) -> None:
    assume(not UNSAFE.search(text))
    assert sanitize(text) == text


@FAST
@given(TEXT)
def test_normalisation(text: str) -> None:
    assert not re.search("[\ud800-\udfff]", storable(text))
    folded = fold(text)
    assert folded == folded.strip() and "  " not in folded and "ё" not in folded
    assert content_hash(text, "Body") == content_hash(f"  {text.upper()} ", "body")
    key = link_key(text)
    assert re.fullmatch("[a-z0-9]*", key)
    transliterate(text)
    for para in paragraphs(text):
        assert para and para == " ".join(para.split())


@FAST
@given(TEXT, st.text("абвгдеёжзийклмнопрстуфхцчшщъыьэюя ", min_size=6, max_size=40))
def test_link_keys_ignore_spacing_and_script(text: str, russian: str) -> None:
    if len(text) > 5:  # (five letters or fewer in capitals are acronyms, keyed letter by letter)
        assert link_key(f"  {text}\n") == link_key(text)
    assert link_key(russian) == link_key(transliterate(russian))


@FAST
@given(TEXT)
def test_language_detection_and_dates(text: str) -> None:
    assert detect_lang(text) in ("en", "ru", "other")
    date = parse_date(text)
    assert date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)


@FAST
@given(st.lists(TEXT, max_size=12), st.one_of(st.none(), TEXT))
def test_cleaning_keeps_only_input_paragraphs(paras: list[str], title: str | None) -> None:
    paras = [p for p in (" ".join(t.split()) for t in paras) if p]
    kept = clean_paragraphs(paras, title)
    assert all(any(p.startswith(k) or k in p for p in paras) for k in kept)


@FAST
@given(TEXT, st.one_of(st.none(), TEXT), st.sampled_from(["text", "markdown", "html", "jsonl", "feed"]))
def test_prepare_never_raises_and_its_output_is_terminal_safe(text: str, title: str | None, fmt: str) -> None:
    article = prepare(RawArticle(text=text, path="p", format=fmt, encoding="utf-8", title=title, author=title, source=title))
    for value in (article.title, article.text, article.source or "", article.author or ""):
        assert not UNSAFE.search(value)
    assert 0 < len(article.title) <= MAX_TITLE and article.lang in ("en", "ru", "other")
    assert len(article.content_hash) == 32 and storable(article.raw_text) == article.raw_text


@FAST
@given(TEXT)
def test_query_parsing(text: str) -> None:
    query = parse(text)
    assert len(query.words) <= MAX_WORDS
    assert query.lang in (None, "en", "ru", "other")
    for date in (query.after, query.before):
        assert date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", date)
    for word in words(text):
        assert text[word.start:word.end] == word.surface and word.key


@SLOW
@given(st.binary(max_size=3000), NAMES, st.sampled_from([None, *sorted(set(FORMATS.values()))]))
def test_read_bytes_takes_any_bytes_and_any_name(data: bytes, name: str, fmt: str | None) -> None:
    for item in read_bytes(data, name, fmt):
        assert isinstance(item, (RawArticle, Skip))
        assert item.path.startswith(name)
        if isinstance(item, Skip):
            assert item.reason in SKIP_REASONS and item.message()
        else:
            assert re.search(r"[^\W_]", item.text + (item.title or ""))


@SLOW
@given(TEXT, st.sampled_from(["utf-8", "utf-16", "cp1251", "koi8-r", "latin-1"]),
       st.sampled_from([None, "text", "html", "jsonl", "feed"]))
def test_read_bytes_of_encoded_text(text: str, encoding: str, fmt: str | None) -> None:
    data = text.encode(encoding, "replace") if encoding != "utf-8" else text.encode("utf-8", "surrogatepass")
    items = list(read_bytes(data, "x", fmt))
    assert items and all(isinstance(i, (RawArticle, Skip)) for i in items)
    try:
        decoded, _ = decode_bytes(data)
        assert isinstance(decoded, str)
    except DecodeError as exc:
        assert exc.reason in SKIP_REASONS


@FAST
@given(st.lists(st.sampled_from(["<!DOCTYPE x [", "]>", "<!ENTITY a 'b'>", "<!ENTITY", "<rss>", "&a;", "<?xml ?>", ">", "["]),
                max_size=12).map("".join))
def test_no_declaration_survives_in_the_prolog(doc: str) -> None:
    assert "<!ENTITY" not in prolog(strip_declarations(doc)).upper()


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory):
    from tui.core.importer import ensure_seeded
    from tui.core.search import Searcher
    from tui.core.store import Library

    library = Library.open(Path(tmp_path_factory.mktemp("search")) / "library.sqlite3")
    ensure_seeded(library)
    yield Searcher(library)
    library.close()


@SLOW
@given(query=TEXT)
def test_any_query_searches_without_error(searcher, query: str) -> None:
    hits = searcher.search(query, limit=5)
    assert len(hits) <= 5
    for hit in hits:
        assert hit.snippet == sanitize(hit.snippet)
        assert all(0 <= m.start <= m.end for m in hit.matches)
