"""Loading the article list: a worker per change of query, filters or sort, with stale
lists dropped, then the titles' search hits. Mixed into the main screen.

The search bar posts every edit; typing faster than the search runs costs nothing extra:
a list still waiting for the lock when a newer one is asked for is skipped (its worker is
cancelled), so at most one search runs and one waits. The list itself holds only ids;
rows are fetched a page at a time by the main thread as they are drawn.
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer
from textual.worker import Worker, get_current_worker

from ..core import views
from ..core.listing import ListRow, Rows, fetch_rows
from ..core.store import Library
from ..widgets.article_list import ArticleList

if TYPE_CHECKING:
    from ..core.search import Searcher

BUSY_AFTER = 0.15  # seconds: a list that takes longer shows "searching…"
SPANS_AFTER = 0.15  # seconds of no typing before the titles' search hits are marked
COLLECT_AFTER = 3.0  # seconds after the list last changed: the garbage collector's full pass


class ListLoader:
    """Needs the screen's ``filters``, ``stats``, ``scope``, ``_lock``, ``shared()``,
    ``shared_library()``, ``library()``, ``status()``, ``_show_entities()`` and ``warm_up()``."""

    _collect: Timer | None = None
    _asked = 0  # lists asked for (reload), numbered
    _shown = 0  # the newest of them on screen (or failed)

    def reload(self, keep: int | None = None) -> None:
        self._asked += 1  # lists are numbered: the newest one asked for is the one that counts
        number = self._asked
        self.set_timer(BUSY_AFTER, lambda: self._show_busy(number))  # fast lists never flash "searching…"
        self.load_list(views.Filters(**vars(self.filters)), keep, number)

    def load_first(self, keep: int | None = None) -> None:
        """The list at start, before the first paint, when it is the plain list (no search):
        one query by index (2 ms for 3 articles, 0.1 s for 100k), where a worker would start
        while the first frame is drawn and wait for it, and the screen would be painted
        twice, empty and then filled. Anything unexpected goes to the worker, which reports it."""
        if self.filters.query.strip():
            self.reload(keep)
            return
        filters = views.Filters(**vars(self.filters))
        try:
            with self._lock:
                library = self.shared_library()
                rows = views.list_rows(library, None, filters)
                stats = library.stats()
                entities = views.sidebar_entities(library, rows.ids[:2000]) if self.scope == "all" else None
        except Exception:  # e.g. a damaged library: the worker's error becomes a notification
            self.reload(keep)
            return
        self._asked += 1
        self._apply_list(filters, rows, stats, keep, entities, self._asked)

    def _show_busy(self, number: int) -> None:
        """List ``number`` is not on screen yet, nor any newer one."""
        if self._shown < number:
            self.status(busy=True)

    @work(thread=True, exclusive=True, group="list", exit_on_error=False)
    def load_list(self, filters: views.Filters, keep: int | None, number: int = 0) -> None:
        try:
            self._load_list(filters, keep, number)
        except Exception:
            self.app.call_from_thread(self._list_failed, number)  # the app shows the error itself
            raise

    def _list_failed(self, number: int) -> None:
        self._shown = max(self._shown, number)
        self.status()

    def _load_list(self, filters: views.Filters, keep: int | None, number: int) -> None:
        worker = get_current_worker()
        if filters.query.strip():
            self.wait_for_searcher()
        with self._lock:
            if worker.is_cancelled:  # typed on: a newer list is queued behind this one
                return
            library, searcher = self.shared() if filters.query.strip() else (self.shared_library(), None)
            rows = views.list_rows(library, searcher, filters)
            stats = self.stats or library.stats()  # counts change only on import: not per keystroke
            ids = rows.ids[:2000]
            entities = views.sidebar_entities(library, ids) if self.scope == "all" else None
        painted = threading.Event()
        self.app.call_from_thread(self._apply_list, filters, rows, stats, keep, entities, number, painted)
        # Title hits once the results are on screen and typing pauses: finding them means
        # lemmatising every title word, which would slow the paint and the next key's search.
        if searcher is not None and len(rows) and painted.wait(1.0) and not worker.cancelled_event.wait(SPANS_AFTER):
            self._title_spans(worker, searcher, filters.query, rows.ids[:max(10, self.size.height)])

    def _title_spans(self, worker: Worker, searcher: Searcher, query: str, ids: list[int]) -> None:
        """Search hits in the titles on screen; stops as soon as a newer list is asked for."""
        with self._lock:
            if worker.is_cancelled:
                return
            units = views.query_units(searcher, query)
        spans: dict[int, list[tuple[int, int]]] = {}
        for article_id in ids:  # one title per turn of the lock: a key typed meanwhile waits for one title at most
            with self._lock:
                if worker.is_cancelled:
                    return
                spans[article_id] = views.title_spans(searcher, article_id, units)
        self.app.call_from_thread(self._apply_spans, query, spans)

    def _apply_spans(self, query: str, spans: dict[int, list[tuple[int, int]]]) -> None:
        if query == self.filters.query:
            self.query_one(ArticleList).update_rows({article_id: {"spans": found} for article_id, found in spans.items()})

    def _apply_list(self, filters: views.Filters, rows: Rows, stats: dict, keep: int | None, entities,
                    number: int, painted: threading.Event | None = None) -> None:
        if painted is not None:
            self.call_after_refresh(painted.set)
        if number < self._asked:  # a newer list (query, filter or sort) is on its way: drop this one
            return
        self._shown = number
        self.stats = stats
        rows.fetch = self._fetch_rows
        article_list = self.query_one(ArticleList)
        article_list.empty_text = ("No results: Esc clears the search" if filters.query.strip() else
                                   "No articles match: x clears the filters" if filters.lang or filters.entity is not None or filters.feed
                                   else "The library is empty: press a to add files")
        article_list.set_rows(rows, keep=keep)
        if entities is not None:
            self._show_entities(entities)
        self.status()
        self.collect_later()
        if not self._warm:  # after the first paint: load the search vocabulary in the background
            self.call_after_refresh(self.start_warm_up)

    def start_warm_up(self) -> None:
        """(Main thread.) Load the search vocabulary and lexicon in the background, once."""
        if not self._warm:
            self._warm = True
            self.warm_up()

    def wait_for_searcher(self) -> None:
        """(A worker, outside the lock.) Searches wait for the warm-up, starting it if a search
        comes first (a query restored at start, typed during the first import), rather than
        load the same vocabulary again on their own."""
        if not self._warm:
            self.app.call_from_thread(self.start_warm_up)
        self._warmed.wait(60)

    def collect_later(self) -> None:
        """The garbage collector's full pass (switched off while typing, see warm_up), a few
        seconds after the list or the reader last changed: while the reader reads."""
        if self._collect is not None:
            self._collect.stop()
        self._collect = self.set_timer(COLLECT_AFTER, gc.collect)

    def ui_library(self) -> Library:
        """The main thread's connection: list pages and flags, quick queries by primary key."""
        if self._ui_library is None:
            self._ui_library = self.library()
        return self._ui_library

    def _fetch_rows(self, ids: list[int]) -> list[ListRow]:
        return fetch_rows(self.ui_library(), ids)  # a page of rows as the list draws them
