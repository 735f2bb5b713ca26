"""Text hygiene shared by every stage: terminal-safe text, paragraphs, hashing keys."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Whole escape sequences first (CSI, OSC incl. OSC 8 / OSC 52, DCS/SOS/PM/APC, two-byte ESC x),
# so their payload does not survive as visible garbage once ESC itself is removed. An unterminated
# string sequence ends at the end of its line, so one stray ESC ] cannot swallow the rest of an article.
_ESCAPE_SEQUENCES = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI ... final byte
    | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
    | (?:\x1b\]|\x9d)[^\n]*?(?:\x07|\x1b\\|\x9c|(?=\n)|\Z)      # OSC ... BEL or ST
    | (?:\x1b[P^_X]|[\x90\x98\x9e\x9f])[^\n]*?(?:\x1b\\|\x9c|(?=\n)|\Z)   # DCS/SOS/PM/APC ... ST
    | \x1b[ -/]*[0-~]                  # other ESC sequences
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE_START = re.compile("[\x1b\x90-\x9f]")
# C0 controls except \t \n, DEL, C1 controls, bidi embeddings/overrides/isolates, BOM, zero-width chars
# (but not ZWJ U+200D, which emoji sequences need).
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]"
)
# Bound runs of combining marks ("zalgo") so one glyph cannot grow without limit.
_COMBINING_RUN = re.compile(r"([\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{3})[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")

# Lone UTF-16 surrogates: JSON can spell them ("\ud800"), but UTF-8 (SQLite, the terminal) cannot.
_SURROGATES = re.compile("[\ud800-\udfff]")

_FOLDS = (
    (re.compile("[«»“”„‟″]"), '"'),
    (re.compile("[‘’‚‛′]"), "'"),
    (re.compile("[‐‑‒–—―−]"), "-"),
)


def storable(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD, so it can be stored and printed as UTF-8."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def sanitize(text: str) -> str:
    """Make text safe to put on a terminal: no escape sequences, controls, bidi tricks or zalgo.

    Newlines and tabs survive; ``\\r\\n`` and lone ``\\r`` become ``\\n``; lone surrogates become U+FFFD.
    """
    text = storable(text).replace("\r\n", "\n").replace("\r", "\n")
    if _ESCAPE_START.search(text):
        text = _ESCAPE_SEQUENCES.sub("", text)
    text = _UNSAFE_CHARS.sub("", text)
    return _COMBINING_RUN.sub(r"\1", text)


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs: blank lines separate them, and so do single newlines.

    News files use both conventions; each non-empty line is treated as its own paragraph,
    with inner whitespace collapsed.
    """
    return [" ".join(words) for line in text.split("\n") if (words := line.split())]


def fold(text: str) -> str:
    """A comparison key: casefolded (Unicode's canonical caseless form, NFC), ё→е, typographic
    quotes and dashes unified, spaces collapsed."""
    if text.isascii():
        text = text.casefold()
    else:  # casefolding can un-normalise (Greek ῒ, İ): NFD first and NFC after, as Unicode's caseless match does
        text = unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).casefold())
    text = text.replace("ё", "е")
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def content_hash(title: str, body: str) -> str:
    """Dedupe key that ignores encoding, whitespace, case and quote style."""
    # surrogatepass: a lone surrogate (from a JSON escape) must not make hashing raise
    return hashlib.sha256(fold(f"{title}\n{body}").encode("utf-8", "surrogatepass")).hexdigest()[:32]


_DASHES = ("-", "–", "—", "•", "|", "/")


def word_count(text: str) -> int:
    """Words as ``wc -w`` counts them, less stand-alone dashes and separators."""
    tokens = text.split()
    return len(tokens) - sum(tokens.count(dash) for dash in _DASHES)
