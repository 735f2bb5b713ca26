"""The feed refresh bar: feeds done of all, new articles so far, and the feed just finished.

Shown at the bottom while ``R`` refreshes feeds; the screen feeds it progress from the
refresh worker (it never touches the network or the library itself)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from ..core.text import sanitize


class RefreshProgress(Horizontal):
    DEFAULT_CSS = """
    RefreshProgress { dock: bottom; height: 1; padding: 0 1; background: $boost; }
    RefreshProgress > #refresh-label { width: 1fr; height: 1; }
    RefreshProgress > ProgressBar { width: auto; height: 1; }
    """

    def compose(self) -> ComposeResult:
        yield Static(Text("Refreshing feeds…", style="bold"), id="refresh-label")
        yield ProgressBar(total=None, show_eta=False, id="refresh-bar")

    def show(self, done: int, total: int, new: int, last: str, errors: int) -> None:
        """``done`` of ``total`` feeds, ``new`` articles so far, the ``last`` feed finished."""
        text = Text.assemble(("Refreshing feeds", "bold"), f"  {done}/{total} · {new:,} new",
                             (f" · {errors} failed" if errors else "", "red"), (f" · {sanitize(last)[:40]}" if last else "", "dim"))
        text.no_wrap, text.overflow = True, "ellipsis"
        self.query_one("#refresh-label", Static).update(text)
        self.query_one(ProgressBar).update(total=total or None, progress=done)
