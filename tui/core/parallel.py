"""Preparing articles on every core for bulk imports.

Small imports stay in-process (a worker pool costs more to start than it saves); large
batches are spread over a spawn-context process pool, which is safe to use from threaded
programs such as the app.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

from .models import Article, RawArticle, Skip
from .prepare import prepare

#: batches smaller than this are prepared in-process
PARALLEL_THRESHOLD = 64


def prepare_or_skip(raw: RawArticle) -> Article | Skip:
    """``prepare`` that turns an unexpected failure into a skip for this one article."""
    try:
        return prepare(raw)
    except Exception as exc:  # a bug on odd text must cost one article, not the import
        return Skip(raw.path, "parse error", f"{type(exc).__name__}: {exc}"[:200])


class Preparer:
    """``with Preparer() as p: p.map(batch)``; the pool starts on the first large batch."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self._pool: ProcessPoolExecutor | None = None

    def map(self, batch: list[RawArticle]) -> Iterator[Article | Skip]:
        """Prepared articles in input order, yielded as they are ready so storing overlaps work."""
        if self.workers < 2 or len(batch) < PARALLEL_THRESHOLD:
            return map(prepare_or_skip, batch)
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        chunk = max(1, min(16, len(batch) // (self.workers * 4)))
        return self._pool.map(prepare_or_skip, batch, chunksize=chunk)

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=exc is not None)
            self._pool = None
