"""EvNewsApp: theme, global keys, the command palette, and worker errors as notifications.
It pushes the main screen, which does the rest."""

from __future__ import annotations

import os
from pathlib import Path

from . import MAX_FPS, __version__

# Textual reads its frame-rate cap when it is imported (see MAX_FPS).
os.environ.setdefault("TEXTUAL_FPS", str(MAX_FPS))
# Worker processes (a big import or feed refresh) share the terminal: no warnings over the screen.
os.environ.setdefault("PYTHONWARNINGS", "ignore")

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from .core.store import LibraryError
from .core.text import sanitize
from .screens.help import HelpScreen
from .screens.main import MainScreen

#: (title, action on the main screen, key) for the command palette
COMMANDS = [
    ("Search", "focus_search", "/"), ("Add files or a folder", "add_files", "a"), ("Toggle entity sidebar", "toggle_sidebar", "e"),
    ("Cycle language filter (all/en/ru)", "cycle_lang", "l"), ("Cycle sort", "cycle_sort", "s"),
    ("Toggle read", "toggle_read", "r"), ("Toggle star", "toggle_star", "*"), ("Open article URL", "open_url", "o"),
    ("Clear filters", "clear_filters", "x"), ("Go to list", "pane('list')", "1"), ("Go to reader", "pane('reader')", "2"),
    ("Go to entities", "pane('sidebar')", "3"), ("Refresh feeds", "refresh_feeds", "R"),
    ("Refresh feeds, even those checked recently", "refresh_feeds(True)", "palette only"), ("Filter by feed or tag", "pick_feed", "f"),
]


class EvNewsApp(App[None]):
    """The evnews-tui reader."""

    TITLE = "evnews-tui"
    SUB_TITLE = f"v{__version__}"
    CSS_PATH = "app.tcss"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("question_mark,f1", "help", "Help"),
    ]

    def __init__(self, db_path: Path) -> None:
        super().__init__()
        self.db_path = db_path

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.db_path))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen):
        yield from super().get_system_commands(screen)
        if isinstance(screen, MainScreen):
            for title, action, key in COMMANDS:
                yield SystemCommand(f"{title}  ·  {key}", f"Key: {key}", lambda a=action: self.run_action(f"screen.{a}"))
        yield SystemCommand("Help  ·  ? or F1", "Every key", self.action_help)

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """Errors in background work become notifications, never a crash. Worker messages do not
        bubble, so screens with workers pass theirs on to here."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            error = event.worker.error
            text = str(error) if isinstance(error, LibraryError) else f"{type(error).__name__}: {error}"
            message = " ".join(sanitize(text).split())[:400]
            # markup=False: the message can quote a path or article text with "[...]" in it.
            self.notify(message, title="Something went wrong", severity="error", markup=False)
