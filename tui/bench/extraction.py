"""Entity extraction speed on typical 3 KB news articles, both languages, all cores."""

from __future__ import annotations

import json
import os
import time
from typing import Any

from ..core.parallel import Preparer
from . import corpora_dir

SOURCES = (("ru_news_ng/ng_articles.jsonl", "ru"), ("en_news_bbc/bbc_articles.jsonl", "en"))
SIZE = 3000  # characters: a typical news article


def _sample(n: int) -> list[tuple[str, str, str]]:
    items = []
    for relative, lang in SOURCES:
        with (corpora_dir() / relative).open(encoding="utf-8") as lines:
            for line, _ in zip(lines, range(n // 2)):
                record = json.loads(line)
                items.append((record.get("title") or "", record["text"][:SIZE], lang))
    return items


def run(n: int = 400) -> list[dict[str, Any]]:
    items = _sample(n)
    rows = []
    for workers in (1, os.cpu_count() or 1):
        with Preparer(workers) as preparer:
            list(preparer.extract(items[:100]))  # warm-up: start the workers, load their models
            start = time.perf_counter()
            results = list(preparer.extract(items))
            seconds = time.perf_counter() - start
        mentions = sum(len(r or []) for r in results)
        rows.append({"workers": workers, "articles": len(items), "chars_each": SIZE, "seconds": round(seconds, 2),
                     "articles_per_s": round(len(items) / seconds, 1), "mentions_per_article": round(mentions / len(items), 1)})
    return rows


if __name__ == "__main__":
    print(run())
