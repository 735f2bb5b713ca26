"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("Everywhere", [("/", "search"), ("Tab / Shift+Tab", "next / previous pane"), ("1 / 2 / 3", "list / reader / entities"),
                    ("e", "show or hide the entity sidebar"), ("l", "language filter: all → en → ru"),
                    ("s", "sort: date → relevance (searching) → title → source"), ("x", "clear language, feed and entity filters"),
                    ("R", "refresh feeds (new articles arrive unread)"), ("f", "feed / tag filter"),
                    ("a", "add files or a folder (Tab completes the path; Esc cancels a running import)"),
                    ("? or F1", "this help"), ("Ctrl+P", "command palette"), ("q / Ctrl+Q", "quit")]),
    ("Search bar", [("typing", "results update as you type"), ("Enter", "go to the first result"), ("Esc", "clear the search"),
                    ("syntax", 'words  "exact phrase"  -exclude  lang:ru  entity:KAMAZ  after:2024-01-01  before:…')]),
    ("Article list", [("j / k, ↓ / ↑", "move"), ("g / G", "top / bottom"), ("PgUp / PgDn", "page"), ("Enter", "open"),
                      ("r", "toggle read"), ("*", "toggle star")]),
    ("Reader", [("j / k", "scroll"), ("n / N", "next / previous search hit"), ("] / [", "next / previous mention of the chosen entity"),
                ("c", "cleaned / original text"), ("o", "open the article's URL")]),
    ("Entity sidebar", [("Enter", "show every article that mentions it"), ("t", "this article / all results"),
                        ("d", "details: aliases, languages, neighbours"), ("/", "filter entities (any script)")]),
]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, pad_edge=False, expand=True)
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for group, keys in KEYS:
            table.add_row(Text(group, style="bold underline"), "")
            for key, what in keys:
                table.add_row(Text(key), Text(what))
            table.add_row("", "")
        with VerticalScroll(id="help"):
            yield Static(table)
