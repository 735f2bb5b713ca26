"""Cleaning on the bundled seeds: how much of each file is article text and how much goes."""

from __future__ import annotations

from typing import Any

from ..core.ingest import read_path
from ..core.paths import bundled_articles_dir
from ..core.prepare import prepare
from ..core.text import paragraphs, word_count


def run() -> list[dict[str, Any]]:
    rows = []
    for path in sorted(bundled_articles_dir().glob("*.txt")):
        (raw,) = read_path(path)
        article = prepare(raw)
        before = paragraphs(raw.text)
        kept = article.text.split("\n\n")
        rows.append({
            "seed": path.name,
            "lang": article.lang,
            "paragraphs": len(before),
            "kept": len(kept),
            "removed": len(before) - len(kept),
            "words_raw": word_count(raw.text),
            "words_clean": article.words,
        })
    return rows
