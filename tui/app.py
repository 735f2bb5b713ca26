"""EvNewsApp: the Textual application. It only sets up the theme and pushes the main screen."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from . import __version__
from .screens.library import LibraryScreen


class EvNewsApp(App[None]):
    """The evnews-tui reader."""

    TITLE = "evnews-tui"
    SUB_TITLE = f"v{__version__}"
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("ctrl+q", "quit", "Quit", show=False)]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.db_path))
