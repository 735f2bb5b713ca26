"""Entity extraction scored against gold PER / LOC / ORG, per type and micro-averaged.

Two levels:

* ``doc``: per document, the set of ``(type, link_key(normal_form(surface, kind)))`` items,
  built the same way from gold and predicted surfaces (English drops a trailing 's);
* ``mention``: exact ``(start, end, type)`` matches.

Our types map PERSON→PER, PLACE→LOC, ORG→ORG; PRODUCT and FIGURE are ignored.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.core.entities import extract_batch
from tui.core.entities.keys import link_key
from tui.core.entities.morph import normal_form
from tui.core.models import Mention

from .gold import TYPES, Doc

OURS = {"PERSON": "PER", "PLACE": "LOC", "ORG": "ORG"}
KIND = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
CHUNK = 16


@dataclass
class Extraction:
    """Mentions per item (``None`` where the extractor raised), failure count, first traceback."""

    mentions: list[list[Mention] | None]
    failures: int = 0
    first_traceback: str = ""


def extract_safely(items: Sequence[tuple[str, str, str]], chunk: int = CHUNK) -> Extraction:
    """``extract_batch`` in chunks; a failing chunk is retried item by item so only the bad
    items are lost."""
    result = Extraction([])
    for i in range(0, len(items), chunk):
        part = list(items[i:i + chunk])
        try:
            result.mentions.extend(extract_batch(part))
            continue
        except Exception:
            pass
        for item in part:
            try:
                result.mentions.extend(extract_batch([item]))
            except Exception:
                result.failures += 1
                result.first_traceback = result.first_traceback or traceback.format_exc()
                result.mentions.append(None)
    return result


def doc_item(kind: str, surface: str, lang: str) -> tuple[str, str] | None:
    """The document-level item of a mention: ``(PER|LOC|ORG, key)``, or None if the key is empty."""
    if lang == "en":
        for tail in ("'s", "’s"):
            if surface.endswith(tail):
                surface = surface[: -len(tail)]
        surface = surface.strip()
    key = link_key(normal_form(surface, KIND[kind]))
    return (kind, key) if key else None


@dataclass
class Counts:
    """gold / predicted / correct per type."""

    gold: Counter = field(default_factory=Counter)
    predicted: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)

    def add(self, gold: set[tuple], predicted: set[tuple]) -> None:
        """Items are tuples whose first element is the type."""
        for name, items in (("gold", gold), ("predicted", predicted), ("correct", gold & predicted)):
            counter = getattr(self, name)
            for item in items:
                counter[item[0]] += 1

    def rows(self, dataset: str, level: str) -> list[dict]:
        """One row per type plus the micro-average ``ALL``."""
        rows = []
        for kind in (*TYPES, "ALL"):
            g, p, c = ((sum(x[t] for t in TYPES) if kind == "ALL" else x[kind])
                       for x in (self.gold, self.predicted, self.correct))
            precision = c / p if p else 0.0
            recall = c / g if g else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            rows.append({"dataset": dataset, "level": level, "type": kind, "precision": round(precision, 4),
                         "recall": round(recall, 4), "f1": round(f1, 4), "gold": g, "predicted": p, "correct": c})
        return rows


@dataclass
class Report:
    """Scores and error lists for one data set."""

    dataset: str
    docs: int
    rows: list[dict]
    failures: int
    first_traceback: str
    dropped_nested: int
    false_positives: list[tuple[str, str, int]]  # (type key, example surfaces, count)
    false_negatives: list[tuple[str, str, int]]


def predicted_spans(mentions: list[Mention]) -> list[tuple[str, int, int, str]]:
    """``(PER|LOC|ORG, start, end, surface)`` of the mentions in the text field."""
    return [(OURS[m.type], m.start, m.end, m.surface) for m in mentions if m.type in OURS and m.field == "text"]


def evaluate(dataset: str, docs: list[Doc], errors: int = 0) -> Report:
    """Run the extractor over ``docs`` and score both levels."""
    extraction = extract_safely([("", doc.text, doc.lang) for doc in docs])
    doc_counts, mention_counts = Counts(), Counts()
    fp: Counter = Counter()
    fn: Counter = Counter()
    surfaces: dict[tuple, Counter] = {}
    for doc, mentions in zip(docs, extraction.mentions):
        if mentions is None:
            continue  # counted as a failure, left out of the scores
        predicted = predicted_spans(mentions)
        mention_counts.add({(s.type, s.start, s.end) for s in doc.spans}, {(t, s, e) for t, s, e, _ in predicted})
        gold_items, pred_items = set(), set()
        for items, pairs in ((gold_items, [(s.type, s.surface) for s in doc.spans]),
                             (pred_items, [(t, surface) for t, _, _, surface in predicted])):
            for kind, surface in pairs:
                item = doc_item(kind, surface, doc.lang)
                if item:
                    items.add(item)
                    surfaces.setdefault(item, Counter())[surface] += 1
        doc_counts.add(gold_items, pred_items)
        gold_keys = {key: kind for kind, key in gold_items}
        pred_keys = {key: kind for kind, key in pred_items}
        for item in pred_items - gold_items:
            fp[(item, gold_keys.get(item[1]))] += 1
        for item in gold_items - pred_items:
            fn[(item, pred_keys.get(item[1]))] += 1
    return Report(
        dataset, len(docs), doc_counts.rows(dataset, "doc") + mention_counts.rows(dataset, "mention"),
        extraction.failures, extraction.first_traceback, sum(d.dropped_nested for d in docs),
        _top(fp, surfaces, errors, "gold"), _top(fn, surfaces, errors, "ours"),
    )


def _top(counter: Counter, surfaces: dict[tuple, Counter], n: int, other: str) -> list[tuple[str, str, int]]:
    """The ``n`` most frequent error items, with example surfaces and any type confusion."""
    out = []
    for ((kind, key), other_kind), count in counter.most_common(n):
        examples = ", ".join(s for s, _ in surfaces.get((kind, key), Counter()).most_common(3))
        note = f" [{other}: {other_kind}]" if other_kind else ""
        out.append((f"{kind} {key}{note}", examples, count))
    return out
