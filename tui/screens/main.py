"""The main screen: search bar, article list, reader and entity sidebar.

It composes the widgets, routes their messages and owns the workers; the widgets never
talk to each other or to the library. Data flows one way: library → worker → widgets.
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.worker import Worker

from ..core import versions, views
from ..core.store import Library
from ..widgets.article_list import ArticleList
from ..widgets.entity_sidebar import EntityRow, EntitySidebar
from ..widgets.key_bar import KeyBar
from ..widgets.reader import Reader, ReaderContent
from ..widgets.search_bar import SearchBar
from ..widgets.status_line import StatusLine
from .article_actions import ArticleActions
from .feed_actions import FeedActions
from .import_actions import ImportActions
from .list_loader import ListLoader
from .panes import Panes
from .state import load_state, save_state

if TYPE_CHECKING:
    from ..core.search import Searcher  # imported on the first search, not at start

LANGS = (None, "en", "ru")


class MainScreen(ListLoader, Panes, ImportActions, FeedActions, ArticleActions, Screen[None]):
    BINDINGS = [
        Binding("question_mark,f1", "app.help", "Help"),  # first in the footer: it lists every key
        Binding("slash", "focus_search", "Search"),
        Binding("enter", "first_result", "First result", priority=True),  # shown in the search bar only
        Binding("tab", "cycle(1)", "Next pane", show=False, priority=True),
        Binding("shift+tab", "cycle(-1)", "Prev pane", show=False, priority=True),
        Binding("1", "pane('list')", "List", show=False),
        Binding("2", "pane('reader')", "Reader", show=False),
        Binding("3", "pane('sidebar')", "Entities", show=False),
        Binding("e", "toggle_sidebar", "Entities"),
        Binding("l", "cycle_lang", "Language"),
        Binding("s", "cycle_sort", "Sort"),
        Binding("r", "toggle_read", "Read"),
        Binding("asterisk", "toggle_star", "Star"),
        Binding("o", "open_url", "Open URL", show=False),
        Binding("a", "add_files", "Add files"),
        Binding("escape", "escape", "Cancel import / clear search", show=False),
        Binding("R", "refresh_feeds", "Refresh feeds", show=False), Binding("f", "pick_feed", "Feed filter", show=False),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("n", "reader('hit', 1)", "Next hit", show=False),
        Binding("N", "reader('hit', -1)", "Prev hit", show=False),
        Binding("right_square_bracket", "reader('mention', 1)", "Next mention", show=False),
        Binding("left_square_bracket", "reader('mention', -1)", "Prev mention", show=False),
        Binding("c", "reader('toggle_raw')", "Original text", show=False),
    ]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path
        self.filters = views.Filters()
        self.open_id: int | None = None
        self.scope = "article"
        self.stats: dict[str, int] = {}
        self._searcher: Searcher | None = None
        self._library: Library | None = None  # the workers' connection (under _lock)
        self._ui_library: Library | None = None  # the main thread's, for the list's pages
        self._warm = False  # warm-up started
        self._warmed = threading.Event()  # and done
        self._lock = threading.Lock()

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        with Horizontal(id="panes"):
            yield ArticleList(id="list")
            yield Reader(id="reader")
            yield EntitySidebar(id="sidebar")
        yield KeyBar()

    def on_mount(self) -> None:
        self.filters, self.open_id = load_state(self.db_path)
        self.query_one(SearchBar).value = self.filters.query
        self.query_one(ArticleList).focus()
        if self.needs_seeding():  # first launch: on screen at once, the articles come in a worker
            self.seed()
            return
        self.load_first(keep=self.open_id)
        if self.open_id is not None:
            self.open_article(self.open_id, mark_read=False)

    @on(Worker.StateChanged)
    def _worker_state(self, event: Worker.StateChanged) -> None:
        self.app.worker_failed(event)  # a failed worker (e.g. a damaged library) is reported, not silent

    def on_unmount(self) -> None:
        save_state(self.db_path, self.filters, self.open_id)  # filters and sort changed since the last article
        for library in {self._library, self._ui_library, self._searcher and self._searcher.library} - {None}:
            library.close()

    def library(self) -> Library:
        """A connection for the calling thread (each worker opens its own)."""
        return Library.open(self.db_path, create=False)

    # -- workers -------------------------------------------------------------------------------
    def shared_library(self) -> Library:
        """The workers' library connection, used under ``self._lock``."""
        if self._library is None:
            self._library = self.library()
        return self._library

    def shared(self) -> tuple[Library, Searcher]:
        """The workers' connection and searcher, used under ``self._lock``: the searcher
        keeps the vocabulary and entity aliases in memory between keystrokes."""
        if self._searcher is None:
            from ..core.search import Searcher

            self._searcher = Searcher(self.shared_library())
        return self.shared_library(), self._searcher

    @work(thread=True, group="warm", exit_on_error=False)
    def warm_up(self) -> None:
        """Load the search vocabulary and the concept lexicon (seconds: the list and reader
        must not wait for them) on a connection of its own, then hand the searcher over.
        Searches wait for this rather than load the same things at the same time."""
        try:
            from ..core.search import Searcher
            from ..core.search.lexicon import load_lexicon

            searcher = Searcher(self.library())
            searcher.warm_up()
            if stale := versions.stale(searcher.library.conn):  # an upgrade left the library behind
                message = versions.advice(stale)
                self.app.call_from_thread(self.notify, message[0].upper() + message[1:], title="Library",
                                          severity="warning", timeout=12)
            load_lexicon()
            with self._lock:
                self._searcher = searcher
            # Millions of long-lived objects now (vocabulary, lexicon, morphology): kept out of
            # the garbage collector's full passes, which would stall a keystroke by 50–100 ms;
            # those passes now run when the list has been still for a while (ListLoader).
            gc.freeze()
            gc.set_threshold(*gc.get_threshold()[:2], 1_000_000)
        finally:
            self._warmed.set()

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False)
    def open_article(self, article_id: int, mark_read: bool = True) -> None:
        if self.filters.query.strip():  # its hits are marked
            self.wait_for_searcher()
        with self._lock:
            library = self.shared_library()
            article = library.get(article_id)
            if article is None:
                return
            if mark_read and not article.read:
                library.set_flag(article_id, "read", True)
                article.read = True
            content = ReaderContent(article, views.mentions(library, article_id), [], views.related(library, article_id))
            if self.filters.query.strip():
                searcher = self.shared()[1]
                content.hits = views.article_hits(searcher, article_id, views.query_units(searcher, self.filters.query))
            entities = views.sidebar_entities(library, [article_id]) if self.scope == "article" else None
        self.app.call_from_thread(self._apply_article, content, entities)

    def _apply_article(self, content: ReaderContent, entities) -> None:
        self.open_id = content.article.id
        self.query_one(Reader).show(content)
        self.query_one(ArticleList).update_row(content.article.id, read=content.article.read)
        if entities is not None:
            self._show_entities(entities)
        save_state(self.db_path, self.filters, self.open_id)
        self.collect_later()  # the last article's widgets are garbage now

    def _show_entities(self, rows) -> None:
        entity_rows = [EntityRow(i, t, n, ru if n != ru else en, c) for i, t, n, en, ru, c in rows]
        self.query_one(EntitySidebar).set_rows(entity_rows, self.scope)

    def status(self, busy: bool = False) -> None:
        shown = len(self.query_one(ArticleList).rows)
        self.query_one(StatusLine).show(self.stats, shown, self.filters.describe(), self.filters.sort, busy)

    # -- messages ------------------------------------------------------------------------------
    @on(SearchBar.QueryChanged)
    def _query_changed(self, event: SearchBar.QueryChanged) -> None:
        if event.query == self.filters.query:  # e.g. the restored query set at start
            return
        self.filters.query = event.query
        if event.query.strip() and self.filters.sort == "date":
            self.filters.sort = "relevance"
        elif not event.query.strip() and self.filters.sort == "relevance":
            self.filters.sort = "date"
        self.reload()

    @on(SearchBar.Done)
    def _search_done(self) -> None:
        self.set_focus(self.query_one(ArticleList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is "first result" only in the search bar (elsewhere it opens, in the list)."""
        return isinstance(self.focused, SearchBar) if action == "first_result" else True

    def action_first_result(self) -> None:
        """Enter in the search bar: to the list, on its first result. Focus moves now, within
        the key's handling, so a second Enter typed at once reaches the list and opens it."""
        article_list = self.query_one(ArticleList)
        self.set_focus(article_list)
        if self.filters.query.strip() and article_list.rows:
            article_list.action_jump(0)

    @on(ArticleList.Selected)
    def _selected(self, event: ArticleList.Selected) -> None:
        self.open_article(event.article_id)
        if self.size.width < 70:
            self.action_pane("reader")

    @on(Reader.OpenArticle)
    def _open_related(self, event: Reader.OpenArticle) -> None:
        self.open_article(event.article_id)

    @on(EntitySidebar.Selected)
    def _entity_selected(self, event: EntitySidebar.Selected) -> None:
        if isinstance(event, EntitySidebar.Details):
            from .entity_details import EntityDetailsScreen

            self.app.push_screen(EntityDetailsScreen(self.db_path, event.entity_id))
            return
        self.filters.entity, self.filters.entity_name = event.entity_id, event.name
        self.query_one(Reader).entity = event.entity_id
        self.reload()

    @on(EntitySidebar.ScopeToggled)
    def _scope(self) -> None:
        self.scope = "all" if self.scope == "article" else "article"
        if self.scope == "article" and self.open_id is not None:
            self.open_article(self.open_id, mark_read=False)
        else:
            self.reload(keep=self.open_id)

    # -- actions -------------------------------------------------------------------------------
    def action_escape(self) -> None:
        """Esc outside the search bar: cancel a running import, else clear the search."""
        if self.importing:
            self.action_cancel_import()
        elif self.filters.query:
            self.query_one(SearchBar).action_clear()

    def action_focus_search(self) -> None:
        self.query_one(SearchBar).focus()

    def action_cycle_lang(self) -> None:
        self.filters.lang = LANGS[(LANGS.index(self.filters.lang) + 1) % len(LANGS)]
        self.reload(keep=self.open_id)

    def action_cycle_sort(self) -> None:
        sorts = [s for s in views.SORTS if s != "relevance" or self.filters.query.strip()]
        current = self.filters.sort if self.filters.sort in sorts else sorts[0]
        self.filters.sort = sorts[(sorts.index(current) + 1) % len(sorts)]
        self.reload(keep=self.open_id)

    def action_remove_filter(self, key: str) -> None:
        if key == "lang":
            self.filters.lang = None
        elif key == "entity":
            self.filters.entity, self.filters.entity_name = None, ""
            self.query_one(Reader).entity = None
        elif key == "feed":
            self.filters.feed, self.filters.feed_name = "", ""
        elif key == "query":
            self.query_one(SearchBar).action_clear()
            return
        self.reload(keep=self.open_id)

    def action_clear_filters(self) -> None:
        for key in ("lang", "entity", "feed"):
            self.action_remove_filter(key)
