"""Importing from the app: ``a`` (add files) and the first launch's seeding. Mixed into the
main screen.

The import runs in a thread worker with its own library connection, reporting progress
to a bar above the footer; the list stays usable meanwhile. Esc cancels between files
(what was finished is kept, as with an interrupted ``evnews-tui add``). At the end a
notification sums it up and the list reloads with the new articles.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.worker import get_current_worker

from ..core.models import ImportReport
from ..core.paths import bundled_articles_dir
from ..core.store import Library, LibraryError
from ..core.text import sanitize
from ..widgets.article_list import ArticleList
from ..widgets.import_progress import ImportProgress
from ..widgets.status_line import StatusLine

SKIPS_SHOWN = 3


def import_paths(*args, **kwargs) -> ImportReport:
    """:func:`tui.core.importer.import_paths`, imported on first use: the importer pulls in
    most of the core (entity linking, preparing, indexing), which the app needs only then."""
    from ..core.importer import import_paths as run

    return run(*args, **kwargs)


class ImportCancelled(Exception):
    """Raised from the progress callback to stop an import between files."""


class ImportActions:
    """Needs ``db_path``, ``notify``, ``reload``, ``stats``, ``open_id``, ``mount`` and ``app``."""

    importing: bool = False
    _import_cancelled: bool = False  # by the user (Esc), not by the app closing

    def needs_seeding(self) -> bool:
        """A library that was never seeded and is empty gets the bundled articles."""
        try:
            with Library.open(self.db_path, create=False) as library:
                return not library.get_meta("seeded") and not library.count()
        except LibraryError:
            return False

    def seed(self) -> None:
        """First launch: import the bundled articles while the app is already on screen."""
        self.query_one(ArticleList).empty_text = "Importing the bundled articles (first launch)…"
        self.query_one(StatusLine).show({}, 0, [], self.filters.sort, note="first launch: importing the bundled articles…")
        self._start_import([bundled_articles_dir()], "First launch: importing the bundled articles", seed=True)

    def action_add_files(self) -> None:
        if self.importing:
            self.notify("An import is already running (Esc cancels it)", timeout=3)
            return
        from .add_files import AddFilesScreen

        self.app.push_screen(AddFilesScreen(), self._path_chosen)

    def _path_chosen(self, path: Path | None) -> None:
        if path is not None:
            self._start_import([path], f"Importing {sanitize(path.name or str(path))}")

    def action_cancel_import(self) -> None:
        if self.importing and not self._import_cancelled:
            self._import_cancelled = True
            self.workers.cancel_group(self, "import")
            self.notify("Cancelling the import after the current file…", timeout=3)

    def _start_import(self, paths: list[Path], title: str, seed: bool = False) -> None:
        self.importing, self._import_cancelled = True, False
        for old in self.query(ImportProgress):
            old.remove()
        self.mount(ImportProgress(title, id="import-progress"))
        base = self.ui_library().count()
        self._import_poll = self.set_interval(1.0, lambda: self._count_new(base))
        self.run_import(paths, seed)

    def _count_new(self, base: int) -> None:
        """The new articles as they are committed (a file reports progress only when done)."""
        for bar in self.query(ImportProgress):
            bar.show_added(self.ui_library().count() - base)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, paths: list[Path], seed: bool) -> None:
        worker = get_current_worker()
        added = [0, 0]  # files done, articles added: what a cancelled import still kept

        def progress(done: int, total: int, path: str, new: int) -> None:
            if worker.is_cancelled:
                raise ImportCancelled
            added[:] = [done, new]
            self.app.call_from_thread(self._progress, done, total, path, new)

        report: ImportReport | None = None
        problem = ""
        try:
            with Library.open(self.db_path, create=False) as library:
                report = import_paths(library, paths, progress=progress)
                if seed:
                    library.set_meta("seeded", "1")
        except ImportCancelled:
            problem = f"Import cancelled after {added[0]} files; the {added[1]:,} new articles so far were kept"
        except LibraryError as exc:
            problem = f"Import failed: {sanitize(str(exc))}"
        except Exception as exc:  # a bug must not leave the bar up and the app thinking it imports
            problem = f"Import failed: {type(exc).__name__}: {sanitize(str(exc))}"
        if worker.is_cancelled and not self._import_cancelled:
            return  # the app is closing: nobody to tell
        try:
            self.app.call_from_thread(self._import_done, report, problem, seed)
        except RuntimeError:  # the app has gone
            pass

    def _progress(self, done: int, total: int, path: str, added: int) -> None:
        for bar in self.query(ImportProgress):
            bar.show(done, total, path, added)

    def _import_done(self, report: ImportReport | None, problem: str, seed: bool) -> None:
        self.importing = False
        self._import_poll.stop()
        for bar in self.query(ImportProgress):
            bar.remove()
        if report is not None and not seed:
            message, title, severity, timeout = summary(report)
            self.notify(message, title=title, severity=severity, timeout=timeout, markup=False)
        elif problem:
            self.notify(problem, severity="warning", timeout=6, markup=False)
        self.stats = {}  # counts changed: recount once
        self.reload(keep=self.open_id)


def summary(report: ImportReport) -> tuple[str, str, str, float]:
    """(message, title, severity, timeout) for the notification after an import."""
    read = len(report.added) + len(report.duplicates)
    counts = f"{len(report.added):,} new, {len(report.duplicates):,} duplicates, {len(report.skipped):,} skipped"
    lines = [f"{counts} ({report.files:,} files)"]
    lines += [f"skipped {sanitize(s.message())[:160]}" for s in report.skipped[:SKIPS_SHOWN]]
    if len(report.skipped) > SKIPS_SHOWN:
        lines.append(f"… and {len(report.skipped) - SKIPS_SHOWN} more ('evnews-tui add --json' lists them)")
    lines += [sanitize(w)[:160] for w in report.warnings[:2]]
    if report.ok:
        return "\n".join(lines), f"Imported {read:,} articles", "information", 8.0
    return "\n".join(lines), "Nothing was imported", "warning", 10.0
