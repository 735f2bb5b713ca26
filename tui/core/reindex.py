"""``reindex``: re-extract every article's entities and rebuild the search index, e.g. after
a gazetteer or lexicon change."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from . import entity_store
from .parallel import Preparer
from .search import index as search_index
from .store import Library

_BATCH = 200


def _batches(library: Library) -> Iterator[tuple[list[tuple], int, int]]:
    """``(rows of (id, title, text, lang), articles done after this batch, all articles)``."""
    ids = [row[0] for row in library.conn.execute("SELECT id FROM articles ORDER BY id")]
    for offset in range(0, len(ids), _BATCH):
        batch = ids[offset:offset + _BATCH]
        marks = ",".join("?" * len(batch))
        rows = library.conn.execute(f"SELECT id, title, text, lang FROM articles WHERE id IN ({marks}) ORDER BY id",
                                    batch).fetchall()
        yield rows, offset + len(batch), len(ids)


def reindex(library: Library, *, progress: Callable[[int, int], None] | None = None,
            workers: int | None = None) -> tuple[int, int]:
    """Rebuild all entities; return ``(articles processed, articles that failed)``.

    Work is committed in batches, so an interrupted reindex leaves the articles done so
    far complete; the rest have no entities until the next reindex.
    """
    library.verify()  # never rewrite a damaged file
    with library.transaction() as conn:
        entity_store.clear_entities(conn)
        search_index.clear(conn)
    linker = entity_store.make_linker(library.conn)
    failed = total = 0
    with Preparer(workers) as preparer:
        for rows, done, total in _batches(library):
            # Computed before the write lock is taken: other processes write meanwhile.
            results = list(preparer.extract([(title, text, lang) for _, title, text, lang in rows], with_streams=True))
            with library.transaction() as conn:
                touched: set[int] = set()
                for (article_id, _, _, lang), (mentions, streams) in zip(rows, results):
                    entity_ids: set[int] = set()
                    if mentions is None:
                        failed += 1
                    else:
                        entity_ids = entity_store.save_mentions(conn, article_id, lang, mentions, linker)
                        touched |= entity_ids
                    search_index.index_article(conn, article_id, streams, entity_ids)
                entity_store.flush_keys(conn, linker)
                entity_store.refresh_names(conn, touched)
                library.bump_generation()
            if progress:
                progress(done, total)
    return total, failed


def reindex_search(library: Library, *, progress: Callable[[int, int], None] | None = None,
                   workers: int | None = None) -> int:
    """Rebuild only the search index (entities are kept), e.g. after an upgrade changed how
    words are keyed. Returns the number of articles indexed."""
    library.verify()
    with library.transaction() as conn:
        search_index.clear(conn)
    total = 0
    with Preparer(workers, entities=False) as preparer:
        for rows, done, total in _batches(library):
            results = list(preparer.extract([(title, text, lang) for _, title, text, lang in rows], only_streams=True))
            with library.transaction() as conn:
                for (article_id, *_), (_, streams) in zip(rows, results):
                    entity_ids = [e for (e,) in conn.execute("SELECT DISTINCT entity_id FROM mentions WHERE article_id = ?",
                                                             (article_id,))]
                    search_index.index_article(conn, article_id, streams, entity_ids)
                library.bump_generation()
            if progress:
                progress(done, total)
    return total
