"""Preparing articles on every core for bulk imports.

Small imports stay in-process (a worker pool costs more to start than it saves); large
batches are spread over a spawn-context process pool, which is safe to use from threaded
programs such as the app.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

from .models import Article, Mention, RawArticle, Skip
from .prepare import prepare

#: batches smaller than this are prepared in-process
PARALLEL_THRESHOLD = 64
#: articles per task: entity extraction batches the Russian NER over them
CHUNK = 16


def _warm_up(entities: bool) -> None:
    """Load the extraction models once per worker, as it starts, in parallel with the others."""
    if entities:
        from .entities import extract_batch

        extract_batch([("", "Warm-up.", "en"), ("", "Прогрев.", "ru")])


def prepare_or_skip(raw: RawArticle) -> Article | Skip:
    """``prepare`` that turns an unexpected failure into a skip for this one article."""
    try:
        return prepare(raw)
    except Exception as exc:  # a bug on odd text must cost one article, not the import
        return Skip(raw.path, "parse error", f"{type(exc).__name__}: {exc}"[:200])


def prepare_chunk(raws: list[RawArticle], entities: bool = True) -> list[Article | Skip]:
    """Prepare a few articles: clean, index streams, and entities together (NER runs in batches)."""
    from .search.index import streams

    items = [prepare_or_skip(raw) for raw in raws]
    articles = [a for a in items if isinstance(a, Article)]
    for article in articles:
        article.search = streams(article.title, article.text)
    if entities:
        add_mentions(articles)
    return items


def extract_chunk(items: list[tuple[str, str, str]]) -> list[list[Mention] | None]:
    """Entity mentions for a few stored articles; None for each if extraction fails."""
    from .entities import extract_batch

    try:
        return list(extract_batch(items))
    except Exception:
        return [None] * len(items)


def streams_chunk(items: list[tuple[str, str, str]]) -> list[tuple[None, tuple[str, str]]]:
    """Only the search streams for a few stored articles (``reindex --search``)."""
    from .search.index import streams

    return [(None, streams(title, text)) for title, text, _ in items]


def reindex_chunk(items: list[tuple[str, str, str]]) -> list[tuple[list[Mention] | None, tuple[str, str]]]:
    """Mentions and search streams for a few stored articles (``reindex``)."""
    from .search.index import streams

    return list(zip(extract_chunk(items), (streams(title, text) for title, text, _ in items)))


def add_mentions(articles: list[Article]) -> None:
    """Fill ``article.mentions``; a failure costs those articles their entities, not the import."""
    # On failure the mentions stay None: the articles are kept and `reindex` retries.
    for article, mentions in zip(articles, extract_chunk([(a.title, a.text, a.lang) for a in articles])):
        article.mentions = mentions


_TRACKER_LOCK = threading.Lock()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker where ``sys.stderr`` has no descriptor.

    The tracker (started with the first pool) is handed ``sys.stderr.fileno()``; inside a
    full-screen app (Textual) ``sys.stderr`` is a stand-in whose fileno() is -1, and the
    pool fails with "bad value(s) in fds_to_keep". There, the tracker gets /dev/null.
    """
    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = True  # the tracker leaves out a stderr it cannot ask; nothing to fix
    if usable:
        return
    from multiprocessing import resource_tracker

    with _TRACKER_LOCK, open(os.devnull, "w", encoding="utf-8") as devnull:
        saved, sys.stderr = sys.stderr, devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


class Preparer:
    """``with Preparer() as p: p.map(batch)``; the pool starts on the first large batch."""

    def __init__(self, workers: int | None = None, entities: bool = True) -> None:
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self.entities = entities
        self._pool: ProcessPoolExecutor | None = None

    def map(self, batch: list[RawArticle]) -> Iterator[Article | Skip]:
        """Prepared articles in input order, yielded as they are ready so storing overlaps work."""
        chunks = [batch[i:i + CHUNK] for i in range(0, len(batch), CHUNK)]
        if self.workers < 2 or len(batch) < PARALLEL_THRESHOLD:
            results: Iterator[list[Article | Skip]] = (prepare_chunk(c, self.entities) for c in chunks)
        else:
            results = self._executor().map(prepare_chunk, chunks, [self.entities] * len(chunks))
        return (item for chunk in results for item in chunk)

    def extract(self, items: list[tuple[str, str, str]], *, with_streams: bool = False,
                only_streams: bool = False) -> Iterator:
        """Mentions (and with ``with_streams``, ``(mentions, streams)``; with ``only_streams``,
        ``(None, streams)``) for stored ``(title, text, lang)`` items, in order."""
        task = streams_chunk if only_streams else reindex_chunk if with_streams else extract_chunk
        chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
        if self.workers < 2 or len(items) < PARALLEL_THRESHOLD:
            results: Iterator[list] = map(task, chunks)
        else:
            results = self._executor().map(task, chunks)
        return (item for chunk in results for item in chunk)

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            _start_resource_tracker()
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm_up, initargs=(self.entities,))
        return self._pool

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=exc is not None)
            self._pool = None
