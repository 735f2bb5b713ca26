"""The library screen: every article in the library, newest first.

This is the Foundation's minimal screen; the three-pane reader replaces it.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header

from ..core.models import Article
from ..core.store import Library
from ..core.text import sanitize


class LibraryScreen(Screen[None]):
    """A table of articles: date, language, source, title."""

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(cursor_type="row", zebra_stripes=True, id="articles")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Lang", "Source", "Title")
        table.loading = True
        self.load_articles()

    @work(thread=True, exclusive=True)
    def load_articles(self) -> None:
        """Read the list off the UI thread; post the result back."""
        with Library.open(self.db_path) as library:
            articles = library.list_articles()
            stats = library.stats()
        self.app.call_from_thread(self.show_articles, articles, stats)

    def show_articles(self, articles: list[Article], stats: dict[str, int]) -> None:
        table = self.query_one(DataTable)
        for a in articles:
            title = Text(sanitize(a.title), no_wrap=True, overflow="ellipsis")
            table.add_row(a.date or "—", a.lang, Text(sanitize(a.source or "—")), title, key=str(a.id))
        table.loading = False
        self.sub_title = f"{stats['total']} articles · EN {stats['en']} · RU {stats['ru']}"
