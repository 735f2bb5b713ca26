"""Readers for the gold data sets, all mapped to PER / LOC / ORG character spans.

* factRuEval-2016, test set: the mention extent (lowest to highest span offset) of each
  object in ``factrueval2016_objects.jsonl`` with ``split == "testset"``; Person→PER,
  Org→ORG, Location and LocOrg→LOC; Project and Facility are ignored.
* NEREL v1.1, test split (brat): PERSON→PER, ORGANIZATION→ORG, COUNTRY / CITY /
  STATE_OR_PROVINCE / LOCATION / DISTRICT→LOC. Discontinuous spans are skipped (none of
  the test set's are of these types).
* CoNLL-2003 English test (IOB2): each document's text is its tokens joined by single
  spaces and its sentences by newlines; MISC is ignored.

By default gold is limited to *names* (``strict=False``), as NER systems are scored: for
factRuEval the extent of an object's name spans (name/surname/patronymic/nickname,
org_name, loc_name), skipping objects that are only a descriptor («компания»,
«правительство») or a geo adjective («российский»); for NEREL, mentions that start with
a lowercase letter (adjectives and common nouns such as «американский», «полиция») are
skipped. ``strict=True`` keeps every gold mention.

Both Russian sets nest entities («Эха Москвы» holds «Москвы»). Our extractor's mentions
never overlap, so by default a gold mention lying inside another kept gold mention is
dropped (flat, outermost-only scoring); ``nested=True`` keeps them all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("PER", "LOC", "ORG")

FACTRU_TYPES = {"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}
NEREL_TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "COUNTRY": "LOC", "CITY": "LOC",
               "STATE_OR_PROVINCE": "LOC", "LOCATION": "LOC", "DISTRICT": "LOC"}
CONLL_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}

_TERMINAL = tuple('.!?"”\':')


@dataclass(frozen=True)
class Span:
    """One gold mention: type (PER/LOC/ORG) and character offsets into the document text."""

    type: str
    start: int
    end: int
    surface: str


@dataclass
class Doc:
    """A gold document: its text, language ("ru"/"en") and mentions."""

    id: str
    lang: str
    text: str
    spans: list[Span]
    dropped_nested: int = 0


@dataclass
class Pair:
    """One aligned WMT sentence pair."""

    id: str
    testset: str
    direction: str
    en: str
    ru: str


@dataclass
class PairDoc:
    """Consecutive pairs of one (testset, direction) from one headline to the next."""

    testset: str
    direction: str
    pairs: list[Pair] = field(default_factory=list)


def _flatten(doc: Doc, nested: bool) -> Doc:
    """Sort spans, drop exact duplicates and (unless ``nested``) spans inside another span."""
    spans = sorted(set(doc.spans), key=lambda s: (s.start, -s.end, s.type))
    if not nested:
        kept: list[Span] = []
        for span in spans:
            if any(k.start <= span.start and span.end <= k.end for k in kept):
                doc.dropped_nested += 1
            else:
                kept.append(span)
        spans = kept
    doc.spans = spans
    return doc


_FACTRU_NAME_SPANS = {"name", "surname", "patronymic", "nickname", "org_name", "loc_name"}


def _factru_span(entity: dict, text: str, strict: bool) -> Span | None:
    kind = FACTRU_TYPES[entity["type"]]
    if strict:
        return Span(kind, entity["start"], entity["end"], text[entity["start"]:entity["end"]])
    names = [s for s in entity.get("spans", []) if s["type"] in _FACTRU_NAME_SPANS]
    if not names:
        return None
    start, end = min(s["start"] for s in names), max(s["end"] for s in names)
    return Span(kind, start, end, text[start:end])


#: split name -> each corpus's folder or file for it ("train" falls back to factRuEval's devset,
#: the only split it has besides test)
SPLITS = {"test": ("testset", "test", "test"), "dev": ("devset", "dev", "valid"),
          "train": ("devset", "train", "train")}


def factrueval(root: Path, nested: bool = False, strict: bool = False, split: str = "test") -> list[Doc]:
    """The 132 factRuEval-2016 test documents (or the 122 of the devset)."""
    wanted = SPLITS[split][0]
    docs = []
    path = root / "factrueval2016" / "factrueval2016_objects.jsonl"
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["split"] != wanted:
                continue
            text = row["text"]
            spans = [span for e in row["entities"] if e["type"] in FACTRU_TYPES
                     if (span := _factru_span(e, text, strict)) is not None]
            docs.append(_flatten(Doc(row["id"], "ru", text, spans), nested))
    return docs


def nerel(root: Path, nested: bool = False, strict: bool = False, split: str = "test") -> list[Doc]:
    """The 93 NEREL v1.1 test documents (or the dev / train split)."""
    docs = []
    folder = root / "nerel" / "NEREL-v1.1" / SPLITS[split][1]
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        spans = []
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T") or line.count("\t") < 2:
                continue
            kind, _, ranges = line.split("\t")[1].partition(" ")
            if kind not in NEREL_TYPES or ";" in ranges:
                continue
            start, end = map(int, ranges.split())
            if strict or text[start:start + 1].isupper() or text[start:start + 1].isdigit():
                spans.append(Span(NEREL_TYPES[kind], start, end, text[start:end]))
        docs.append(_flatten(Doc(ann.stem, "ru", text, spans), nested))
    return docs


def conll(root: Path, nested: bool = False, split: str = "test") -> list[Doc]:
    """The 231 CoNLL-2003 English test documents (testb), or the valid (testa) / train split."""
    docs: list[Doc] = []
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []

    def close_sentence() -> None:
        nonlocal current
        if current:
            sentences.append(current)
        current = []

    def close_doc() -> None:
        close_sentence()
        if sentences:
            docs.append(_flatten(_conll_doc(f"{split}-{len(docs) + 1}", sentences), nested))
        sentences.clear()

    with (root / "conll2003_en" / f"{SPLITS[split][2]}.txt").open(encoding="utf-8") as lines:
        for line in lines:
            parts = line.split()
            if not parts:
                close_sentence()
            elif parts[0] == "-DOCSTART-":
                close_doc()
            else:
                current.append((parts[0], parts[-1]))
    close_doc()
    return docs


def _conll_doc(doc_id: str, sentences: list[list[tuple[str, str]]]) -> Doc:
    text_parts: list[str] = []
    spans: list[Span] = []
    offset = 0
    for n, sentence in enumerate(sentences):
        if n:
            text_parts.append("\n")
            offset += 1
        open_span: tuple[str, int, int] | None = None
        for i, (token, tag) in enumerate(sentence):
            if i:
                text_parts.append(" ")
                offset += 1
            start, end = offset, offset + len(token)
            text_parts.append(token)
            offset = end
            prefix, _, kind = tag.partition("-")
            if open_span and prefix == "I" and kind == open_span[0]:
                open_span = (open_span[0], open_span[1], end)
                continue
            if open_span:
                spans.append(Span(open_span[0], open_span[1], open_span[2], ""))
            open_span = (kind, start, end) if prefix in ("B", "I") else None
        if open_span:
            spans.append(Span(open_span[0], open_span[1], open_span[2], ""))
    text = "".join(text_parts)
    kept = [Span(CONLL_TYPES[s.type], s.start, s.end, text[s.start:s.end]) for s in spans if s.type in CONLL_TYPES]
    return Doc(doc_id, "en", text, kept)


def load(root: Path, nested: bool = False, strict: bool = False) -> dict[str, list[Doc]]:
    """All three entity test sets, by name."""
    return {"factrueval": factrueval(root, nested, strict), "nerel": nerel(root, nested, strict),
            "conll_en": conll(root, nested)}


def wmt_pairs(root: Path) -> Iterator[Pair]:
    """The aligned WMT newstest EN↔RU sentence pairs, in file order."""
    with (root / "wmt_newstest_en_ru" / "newstest_en_ru_pairs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            yield Pair(row["id"], row["testset"], row["direction"], row["en"], row["ru"])


def is_headline(english: str) -> bool:
    """No terminal sentence punctuation and at most 20 words: a headline starts a document."""
    text = english.strip()
    return bool(text) and not text.endswith(_TERMINAL) and len(text.split()) <= 20


def group_documents(pairs: list[Pair]) -> list[PairDoc]:
    """Split pairs into documents per (testset, direction), starting one at each headline."""
    docs: list[PairDoc] = []
    for pair in pairs:
        last = docs[-1] if docs else None
        if last is None or (last.testset, last.direction) != (pair.testset, pair.direction) or is_headline(pair.en):
            last = PairDoc(pair.testset, pair.direction)
            docs.append(last)
        last.pairs.append(pair)
    return docs


_WS = re.compile(r"\s+")


def one_line(text: str) -> str:
    """Whitespace collapsed, for display."""
    return _WS.sub(" ", text).strip()
