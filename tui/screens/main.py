"""The main screen: search bar, article list, reader and entity sidebar.

It composes the widgets, routes their messages and owns the workers; the widgets never
talk to each other or to the library. Data flows one way: library → worker → widgets.
"""

from __future__ import annotations

import threading
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Tree

from ..core import views
from ..core.search import Searcher
from ..core.store import Library
from ..widgets.article_list import ArticleList, Row
from ..widgets.entity_sidebar import EntityRow, EntitySidebar
from ..widgets.reader import Reader, ReaderContent
from ..widgets.search_bar import SearchBar
from ..widgets.status_line import StatusLine
from .article_actions import ArticleActions
from .feed_actions import FeedActions
from .state import load_state, save_state

LANGS = (None, "en", "ru")


class MainScreen(FeedActions, ArticleActions, Screen[None]):
    BINDINGS = [
        Binding("slash", "focus_search", "Search"),
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
        Binding("o", "open_url", "Open URL"),
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
        self._lock = threading.Lock()

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        with Horizontal(id="panes"):
            yield ArticleList(id="list")
            yield Reader(id="reader")
            yield EntitySidebar(id="sidebar")
        yield Footer()

    def on_mount(self) -> None:
        self.filters, self.open_id = load_state(self.db_path)
        self.query_one(SearchBar).value = self.filters.query
        self.query_one(ArticleList).focus()
        self.reload(keep=self.open_id)
        if self.open_id is not None:
            self.open_article(self.open_id, mark_read=False)
        self.warm_up()

    def on_unmount(self) -> None:
        if self._searcher is not None:
            self._searcher.library.close()

    def on_resize(self) -> None:
        width = self.size.width
        self.set_class(70 <= width < 110, "-narrow")
        self.set_class(width < 70, "-single")

    def library(self) -> Library:
        """A connection for the calling thread (each worker opens its own)."""
        return Library.open(self.db_path, create=False)

    # -- workers -------------------------------------------------------------------------------
    def reload(self, keep: int | None = None) -> None:
        self.status(busy=True)
        self.load_list(views.Filters(**vars(self.filters)), keep)

    def shared(self) -> tuple[Library, Searcher]:
        """One library connection and searcher for the workers, used under ``self._lock``:
        the searcher keeps the vocabulary and entity aliases in memory between keystrokes."""
        if self._searcher is None:
            self._searcher = Searcher(self.library())
        return self._searcher.library, self._searcher

    @work(thread=True, group="warm")
    def warm_up(self) -> None:
        with self._lock:
            self.shared()[1].warm_up()

    @work(thread=True, exclusive=True, group="list")
    def load_list(self, filters: views.Filters, keep: int | None) -> None:
        with self._lock:
            library, searcher = self.shared()
            searcher = searcher if filters.query.strip() else None
            rows = views.list_rows(library, searcher, filters)
            if searcher is not None:  # the rows a screen can show get their title hits
                spans = views.title_spans(searcher, [r.id for r in rows[:60]], filters.query)
                for row in rows[:60]:
                    row.spans = spans[row.id]
            stats = self.stats or library.stats()  # counts change only on import: not per keystroke
            ids = [r.id for r in rows[:2000]]
            entities = views.sidebar_entities(library, ids) if self.scope == "all" else None
        self.app.call_from_thread(self._apply_list, filters, rows, stats, keep, entities)

    def _apply_list(self, filters: views.Filters, rows: list, stats: dict, keep: int | None, entities) -> None:
        if filters.query != self.filters.query:  # a newer query is on its way: drop stale results
            return
        self.stats = stats
        self.query_one(ArticleList).set_rows([Row(**vars(r)) for r in rows], keep=keep)
        if entities is not None:
            self._show_entities(entities)
        self.status()

    @work(thread=True, exclusive=True, group="reader")
    def open_article(self, article_id: int, mark_read: bool = True) -> None:
        with self._lock:
            library, searcher = self.shared()
            article = library.get(article_id)
            if article is None:
                return
            if mark_read and not article.read:
                library.set_flag(article_id, "read", True)
                article.read = True
            content = ReaderContent(article, views.mentions(library, article_id), [], views.related(library, article_id))
            query = self.filters.query
            if query.strip():
                from ..core.search.highlight import hit_matches
                from ..core.search.query import parse

                content.hits = [(m.field, m.start, m.end) for m in hit_matches(searcher, article_id, searcher.units(parse(query)))]
            entities = views.sidebar_entities(library, [article_id]) if self.scope == "article" else None
        self.app.call_from_thread(self._apply_article, content, entities)

    def _apply_article(self, content: ReaderContent, entities) -> None:
        self.open_id = content.article.id
        self.query_one(Reader).show(content)
        self.query_one(ArticleList).update_row(content.article.id, read=content.article.read)
        if entities is not None:
            self._show_entities(entities)
        save_state(self.db_path, self.filters, self.open_id)

    def _show_entities(self, rows) -> None:
        entity_rows = [EntityRow(i, t, n, ru if n != ru else en, c) for i, t, n, en, ru, c in rows]
        self.query_one(EntitySidebar).set_rows(entity_rows, self.scope)

    def status(self, busy: bool = False) -> None:
        shown = len(self.query_one(ArticleList).rows)
        self.query_one(StatusLine).show(self.stats, shown, self.filters.describe(), self.filters.sort, busy)

    # -- messages ------------------------------------------------------------------------------
    @on(SearchBar.QueryChanged)
    def _query_changed(self, event: SearchBar.QueryChanged) -> None:
        self.filters.query = event.query
        if event.query.strip() and self.filters.sort == "date":
            self.filters.sort = "relevance"
        elif not event.query.strip() and self.filters.sort == "relevance":
            self.filters.sort = "date"
        self.reload()

    @on(SearchBar.Done)
    def _search_done(self, event: SearchBar.Done) -> None:
        article_list = self.query_one(ArticleList)
        article_list.focus()
        if event.query.strip() and article_list.rows:
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
    def action_focus_search(self) -> None:
        self.query_one(SearchBar).focus()

    def action_pane(self, name: str) -> None:
        target = {"list": ArticleList, "reader": Reader, "sidebar": EntitySidebar}[name]
        widget = self.query_one(target)
        if name == "sidebar":
            self.set_class(False, "-hide-sidebar")
            if self.has_class("-narrow"):
                self.set_class(True, "-show-sidebar")
            widget = self.query_one("#entity-tree", Tree)
        self.set_class(True, f"-show-{name}")
        for other in ("list", "reader", "sidebar"):
            if other != name:
                self.set_class(False, f"-show-{other}")
        widget.focus()

    def action_cycle(self, step: int) -> None:
        if isinstance(self.focused, SearchBar):
            self.query_one(ArticleList).focus()
            return
        order = ["list", "reader"] + (["sidebar"] if not self.has_class("-hide-sidebar") else [])
        current = next((n for n in order if self._pane_has_focus(n)), "list")
        self.action_pane(order[(order.index(current) + step) % len(order)])

    def _pane_has_focus(self, name: str) -> bool:
        pane = self.query_one({"list": ArticleList, "reader": Reader, "sidebar": EntitySidebar}[name])
        focused = self.focused
        return focused is not None and (focused is pane or pane in focused.ancestors)

    def action_toggle_sidebar(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-show-sidebar")
        else:
            self.toggle_class("-hide-sidebar")

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
