"""Fuzz inputs: seed documents rendered in every format, then mutated as text and as bytes.

Everything is drawn from a ``random.Random`` seeded per input, so input ``i`` of seed ``s``
is the same on every run (``python -m tui.fuzz --only i --seed s`` reproduces it).
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Callable
from dataclasses import dataclass

from ..core.entities.keys import transliterate
from ..core.ingest import display_path
from .hostile import SAMPLES, long_line

MAX_BYTES = 300_000  # per input, so 10,000 inputs run in minutes
EXTENSIONS = {"text": ".txt", "markdown": ".md", "html": ".html", "jsonl": ".jsonl", "rss": ".rss", "atom": ".atom"}
ENCODINGS = ["utf-8"] * 6 + ["utf-8-sig", "cp1251", "koi8-r", "utf-16", "utf-16-le", "latin-1", "cp1252"]
MAGIC = [b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"\x1f\x8b\x08", b"SQLite format 3\x00", b"\xef\xbb\xbf", b"\xff\xfe"]
BOMB = ('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
        '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
FRAGMENTS = [t for _, t in SAMPLES] + [
    "<", ">", "&", "&amp;", "&#27;", "&#x9b;", "&lol;", "]]>", "<![CDATA[", "<p>", "</div>", "<script>", '"', "\\", "{", "}",
    "\n", "\r", "\r\n", "\t", "\x00", "\ufeff", "\u2028", "\x85", "\ud800", "[/]", "[bold]", "# ", "---", "Source: ", "Автор: ",
    "2024-13-45", "31.02.2024", "Tesla", "КАМАЗ", "Когогин", "Москвич", BOMB,
]
QUERY_SYNTAX = ['"', "-", "lang:", "lang:ru", "lang:xx", "entity:", 'entity:"', "after:", "before:2024-12-31", "after:junk",
                "*", "(", ")", "NEAR(", "AND", "OR", "NOT", ":", "^", "{title body}", "ze1"]


@dataclass(slots=True)
class Doc:
    """A seed document: what a news article has."""

    title: str
    text: str
    lang: str = "en"


@dataclass(slots=True)
class Case:
    """One fuzz input: a file's name, its bytes, and how it was made (for the report)."""

    name: str
    data: bytes
    recipe: str


def _paras(doc: Doc) -> list[str]:
    return [p for p in doc.text.split("\n") if p.strip()] or [doc.text]


def render(doc: Doc, fmt: str, rng: random.Random, docs: list[Doc]) -> str:
    """``doc`` as a file of format ``fmt`` (feeds and JSONL get a few more documents)."""
    esc = html.escape if rng.random() < 0.8 else (lambda s: s)  # sometimes raw text inside markup: tag soup
    if fmt == "markdown":
        return f"# {doc.title}\n\n" + "\n\n".join(_paras(doc))
    if fmt == "html":
        body = "".join(f"<p>{esc(p)}</p>" for p in _paras(doc))
        return (f'<!doctype html><html lang="{doc.lang}"><head><title>{esc(doc.title)}</title></head><body><nav>Home</nav>'
                f"<article><h1>{esc(doc.title)}</h1>{body}</article><footer>(c) 2024</footer></body></html>")
    more = [doc] + [rng.choice(docs) for _ in range(rng.randint(0, 3))]
    if fmt == "jsonl":
        return "\n".join(json.dumps({"id": str(i), "title": d.title, "text": d.text, "lang": d.lang, "date": f"2024-05-0{i + 1}"},
                                    ensure_ascii=rng.random() < 0.3) for i, d in enumerate(more))
    if fmt in ("rss", "atom"):
        wrap = (lambda s: f"<![CDATA[{s}]]>") if rng.random() < 0.3 else esc
        if fmt == "rss":
            items = "".join(f"<item><title>{wrap(d.title)}</title><guid>g{i}</guid><description>{wrap(d.text)}</description></item>"
                            for i, d in enumerate(more))
            return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed</title>{items}</channel></rss>'
        entries = "".join(f"<entry><title>{wrap(d.title)}</title><id>e{i}</id><content type=\"html\">{wrap(d.text)}</content></entry>"
                          for i, d in enumerate(more))
        return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{entries}</feed>'
    return f"{doc.title}\n\n{doc.text}"


def _random_text(rng: random.Random, size: int) -> str:
    pools = [(0x20, 0x7E), (0x400, 0x4FF), (0x0, 0x1F), (0x80, 0x9F), (0x300, 0x36F), (0x2000, 0x206F), (0x4E00, 0x4FFF),
             (0x1F300, 0x1F64F), (0xD800, 0xDFFF), (0xFFF0, 0xFFFF), (0x10000, 0x10FFFF)]
    out = []
    for _ in range(size):
        lo, hi = rng.choice(pools)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def mutate_text(text: str, rng: random.Random, docs: list[Doc]) -> tuple[str, str]:
    """One text-level mutation; returns the new text and its name."""
    at = rng.randint(0, len(text))
    span = rng.randint(1, 200)
    ops: list[tuple[str, Callable[[], str]]] = [
        ("fragment", lambda: text[:at] + rng.choice(FRAGMENTS) + text[at:]),
        ("random-unicode", lambda: text[:at] + _random_text(rng, rng.randint(1, 50)) + text[at + span:]),
        ("delete", lambda: text[:at] + text[at + span:]),
        ("duplicate", lambda: text[:at] + text[at:at + span] * rng.randint(2, 200) + text[at:]),
        ("splice", lambda: text[:at] + rng.choice(docs).text[: rng.randint(0, 2000)]),
        ("bomb", lambda: BOMB + text if rng.random() < 0.5 else text.replace(">", ">" + BOMB, 1)),
        ("entity-refs", lambda: text[:at] + "&xxe; &d; &#0; &#x1b;[2J &#xd800; &#99999999;" + text[at:]),
        ("case", lambda: text.upper() if rng.random() < 0.5 else text.swapcase()),
        ("newlines", lambda: text.replace(" ", rng.choice(["\n", "\r", "\r\n", "\n\n\n", "\u2029", "\x0b"]), rng.randint(1, 50))),
        ("translit", lambda: transliterate(text)),
        ("no-spaces", lambda: text.replace(" ", "")),
        ("zalgo", lambda: text[:at] + "\u0301" * rng.randint(10, 5000) + text[at:]),
        ("long-line", lambda: text[:at] + long_line(rng.randint(10_000, 250_000)) + text[at:]),
    ]
    name, op = rng.choice(ops)
    return op(), name


def mutate_bytes(data: bytes, rng: random.Random, other: bytes) -> tuple[bytes, str]:
    """One byte-level mutation; returns the new bytes and its name."""
    buf = bytearray(data)
    at = rng.randint(0, len(buf))
    if not buf:
        return bytes(rng.randbytes(rng.randint(0, 64))), "random"
    choice = rng.randrange(9)
    if choice == 0:
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        return bytes(buf), "byte-flips"
    if choice == 1:
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
        return bytes(buf), "bit-flips"
    if choice == 2:
        return bytes(buf[:at]), "truncate"
    if choice == 3:
        return bytes(buf[:at] + rng.randbytes(rng.randint(1, 64)) + buf[at:]), "insert-random"
    if choice == 4:
        return bytes(buf[:at]) + other[rng.randint(0, len(other)):], "splice-bytes"
    if choice == 5:
        return rng.choice(MAGIC) + bytes(buf), "magic"
    if choice == 6:
        return bytes(buf[:at] + b"\x00" * rng.randint(1, 4000) + buf[at:]), "nul-bytes"
    if choice == 7:  # cut inside a multi-byte UTF-8 character
        cut = next((i for i in range(at, len(buf)) if buf[i] >= 0xC0), len(buf))
        return bytes(buf[: cut + 1]), "cut-utf8"
    return b"", "empty"


def _name(rng: random.Random, index: int, fmt: str) -> str:
    ext = EXTENSIONS.get(fmt, "")
    if rng.random() < 0.1:
        ext = rng.choice([".TXT", ".Html", ".xml", ".ndjson", ".text", ".htm", ""])  # other spellings, or sniffed
    odd = rng.choice(["", "", "", " [bold]x[/]", "\x1b]0;t\x07", "\udcff\udcfe", "\u202e", "émigré ", "新闻"])
    # As ``add`` names a file: bytes that are not UTF-8 written as \xNN (ingest.display_path).
    return display_path(f"{index:05}-{odd}{fmt}{ext}")


def make_case(seed: int, index: int, docs: list[Doc]) -> Case:
    """Input ``index`` of run ``seed``."""
    rng = random.Random(f"{seed}:{index}")
    fmt = rng.choice(["text", "text", "markdown", "html", "html", "jsonl", "jsonl", "rss", "atom"])
    doc = rng.choice(docs)
    text = render(doc, fmt, rng, docs)
    recipe = [fmt]
    for _ in range(rng.choice([0, 1, 1, 2, 3])):
        text, step = mutate_text(text, rng, docs)
        recipe.append(step)
    encoding = rng.choice(ENCODINGS)
    data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace")
    if encoding != "utf-8":
        recipe.append(encoding)
    other = rng.choice(docs).text.encode("utf-8", "surrogatepass")
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        data, step = mutate_bytes(data, rng, other)
        recipe.append(step)
    return Case(_name(rng, index, fmt), data[:MAX_BYTES], "+".join(recipe))


def make_query(seed: int, index: int, docs: list[Doc]) -> str:
    """Query ``index`` of run ``seed``: words from the seeds with typos, syntax and attacks."""
    rng = random.Random(f"q{seed}:{index}")
    words = [w for w in rng.choice(docs).title.split() if w] or ["tesla"]
    parts = []
    for _ in range(rng.randint(1, 6)):
        r = rng.random()
        word = rng.choice(words)
        if r < 0.35:
            parts.append(word)
        elif r < 0.5 and len(word) > 2:
            i = rng.randrange(len(word) - 1)
            parts.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # a typo
        elif r < 0.6:
            parts.append(transliterate(word))
        elif r < 0.8:
            parts.append(rng.choice(QUERY_SYNTAX) + (word if rng.random() < 0.5 else ""))
        elif r < 0.9:
            parts.append(rng.choice(FRAGMENTS))
        else:
            parts.append(_random_text(rng, rng.randint(1, 30)))
    query = rng.choice([" ", "", "  ", "\t"]).join(parts)
    return query * rng.randint(50, 500) if rng.random() < 0.01 else query
