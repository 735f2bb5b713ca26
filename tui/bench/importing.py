"""Import throughput: read, decode, clean and store real news, without entity extraction."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from ..core.importer import import_paths
from ..core.store import Library
from . import corpora_dir

FILES = ("ru_news_ng/ng_articles.jsonl", "en_news_bbc/bbc_articles.jsonl")


def measure(path: Path, workers: int | None, repeats: int) -> dict[str, Any]:
    """Median over ``repeats`` fresh imports of ``path``."""
    seconds, read = [], 0
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp, Library.open(Path(tmp) / "bench.sqlite3") as library:
            start = time.perf_counter()
            report = import_paths(library, [path], workers=workers, entities=False)
            seconds.append(time.perf_counter() - start)
            read = len(report.added) + len(report.duplicates)
    median = statistics.median(seconds)
    return {
        "file": path.name,
        "workers": workers or "all cores",
        "articles": read,
        "mb": round(path.stat().st_size / 1e6, 1),
        "seconds": round(median, 2),
        "articles_per_s": round(read / median),
    }


def run(repeats: int = 3) -> list[dict[str, Any]]:
    root = corpora_dir()
    rows = []
    for relative in FILES:
        path = root / relative
        if not path.is_file():
            continue
        for workers in (1, None):
            rows.append(measure(path, workers, repeats))
    return rows
