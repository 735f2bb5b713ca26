"""``add``: walk paths, read, prepare and store articles, with a progress callback and an import log."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import entity_store, versions
from .entities.link import Linker
from .ingest import DEFAULT_MAX_BYTES, display_path, iter_files, read_path
from .models import Article, ImportReport, RawArticle, Skip
from .parallel import Preparer
from .paths import bundled_articles_dir
from .search import index as search_index
from .store import Library

#: progress(files_done, files_total, current_path, articles_added_so_far)
Progress = Callable[[int, int, str, int], None]
_BATCH = 200  # articles per transaction inside one large file


def import_paths(
    library: Library,
    paths: Sequence[Path | str],
    *,
    progress: Progress | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    entities: bool = True,
) -> ImportReport:
    """Import every article under ``paths``. Bad inputs become skips; nothing raises for them.

    Each file is committed on its own (large files every few hundred articles), so an
    interrupted import keeps what it finished and a re-run adds only the rest.
    ``workers`` caps the processes used for large batches (default: the CPU count, up to 4);
    ``entities=False`` skips entity extraction (``reindex`` can add it later).
    """
    library.verify()  # never write into a damaged file
    report = ImportReport()
    targets = list(iter_files(Path(p) for p in paths))
    own = _library_files(library)
    files = [t for t in targets if isinstance(t, Path) and t.absolute() not in own]
    report.skipped.extend(t for t in targets if isinstance(t, Skip))
    report.files = len(files)
    with library.transaction() as conn:
        log_id = conn.execute(
            "INSERT INTO imports (paths) VALUES (?)", (json.dumps([display_path(p) for p in paths]),)
        ).lastrowid
    session = _Session(library, report, log_id, entity_store.make_linker(library.conn) if entities else None)
    with Preparer(workers, entities) as preparer:
        for done, path in enumerate(files):
            if progress:
                progress(done, len(files), display_path(path), len(report.added))
            _import_file(session, preparer, display_path(path), read_path(path, max_bytes))
    if progress:
        progress(len(files), len(files), "", len(report.added))
    _finish_log(library, report, log_id)
    return report


def import_articles(
    library: Library,
    name: str,
    items: Iterable[RawArticle | Skip],
    *,
    preparer: Preparer | None = None,
    entities: bool = True,
) -> tuple[ImportReport, dict[str, int]]:
    """Import articles that do not come from files (feed entries): the same preparing,
    dedupe, entities, search index and import log as :func:`import_paths`, logged as ``name``.

    Also returns ``raw.path -> article id`` for every article stored or already present.
    """
    library.verify()
    report = ImportReport(files=1)
    with library.transaction() as conn:
        log_id = conn.execute("INSERT INTO imports (paths) VALUES (?)", (json.dumps([name]),)).lastrowid
    session = _Session(library, report, log_id, entity_store.make_linker(library.conn) if entities else None)
    session.stored = {}
    if preparer is None:
        with Preparer(None, entities) as own:
            _import_file(session, own, name, items)
    else:
        _import_file(session, preparer, name, items)
    _finish_log(library, report, log_id)
    return report, session.stored


def _finish_log(library: Library, report: ImportReport, log_id: int) -> None:
    with library.transaction() as conn:
        conn.executemany(
            "INSERT INTO import_items (import_id, path, status, reason) VALUES (?, ?, 'skipped', ?)",
            [(log_id, s.path, s.message()) for s in report.skipped],
        )
        conn.execute(
            "UPDATE imports SET finished_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), added = ?,"
            " duplicates = ?, skipped = ? WHERE id = ?",
            (len(report.added), len(report.duplicates), len(report.skipped), log_id),
        )


def _library_files(library: Library) -> set[Path]:
    """The library's own database files, never imported even when inside an imported folder."""
    db = library.path.absolute()
    return {db} | {db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")}


class _Session:
    """What one import carries from file to file."""

    def __init__(self, library: Library, report: ImportReport, log_id: int, linker: Linker | None) -> None:
        self.library, self.report, self.log_id, self.linker = library, report, log_id, linker
        #: raw path -> article id (new or duplicate), kept only when a caller asks for it
        self.stored: dict[str, int] | None = None


def _import_file(session: _Session, preparer: Preparer, name: str, items: Iterable[RawArticle | Skip]) -> None:
    batch: list[RawArticle] = []
    for item in items:
        if isinstance(item, Skip):
            session.report.skipped.append(item)
            continue
        batch.append(item)
        if len(batch) >= _BATCH:
            _store_batch(session, preparer.map(batch), name)
            batch = []
    if batch:
        _store_batch(session, preparer.map(batch), name)


def _store_batch(session: _Session, items: Iterable[Article | Skip], name: str) -> None:
    library, report = session.library, session.report
    added = duplicates = failed = 0
    touched: set[int] = set()
    # Prepared first, stored after: the write lock is held for the inserts only, not for the
    # seconds that cleaning and entity extraction take (other processes write meanwhile).
    items = list(items)
    with library.transaction() as conn:
        versions.claim_if_empty(conn)
        if session.linker is not None:  # entities another process created since the last batch
            entity_store.learn_keys(conn, session.linker)
        for article in items:
            if isinstance(article, Skip):
                report.skipped.append(article)
                continue
            article_id, is_new = library.insert(article)
            if session.stored is not None:
                session.stored[article.path] = article_id
            if not is_new:
                duplicates += 1
                report.duplicates.append(article.path)
                continue
            added += 1
            report.added.append(article_id)
            entity_ids: set[int] = set()
            if session.linker is not None:
                if article.mentions is None:
                    failed += 1
                else:
                    entity_ids = entity_store.save_mentions(conn, article_id, article.lang, article.mentions, session.linker)
                    touched |= entity_ids
            if article.search is not None:
                search_index.index_article(conn, article_id, article.search, entity_ids)
        if session.linker is not None:
            entity_store.flush_keys(conn, session.linker)
            entity_store.refresh_names(conn, touched)
        if added:
            library.bump_generation()
        conn.execute(
            "INSERT INTO import_items (import_id, path, status, reason) VALUES (?, ?, 'stored', ?)",
            (session.log_id, name, f"{added} added, {duplicates} duplicates"),
        )
    if failed:
        report.warnings.append(f"{name}: entities could not be extracted for {failed} articles (run 'evnews-tui reindex')")


def ensure_seeded(library: Library) -> ImportReport | None:
    """Import the bundled corpus into a library that has never been seeded and is empty."""
    if library.get_meta("seeded") or library.count():
        return None
    report = import_paths(library, [bundled_articles_dir()])
    library.set_meta("seeded", "1")
    return report
