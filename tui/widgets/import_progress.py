"""The import bar: what is being imported, a progress bar over the files, the new articles
so far, and how to cancel.

Shown above the footer while ``a`` (add files) or the first launch's seeding runs; the
screen feeds it progress (it never reads files itself)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from ..core.text import sanitize


class ImportProgress(Horizontal):
    DEFAULT_CSS = """
    ImportProgress { dock: bottom; height: 1; padding: 0 1; background: $boost; }
    ImportProgress > #import-label { width: 1fr; height: 1; }
    ImportProgress > ProgressBar { width: auto; height: 1; }
    """

    def __init__(self, title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.title = title
        self.done, self.total, self.path, self.added = 0, 0, "", 0

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title, style="bold"), id="import-label")
        yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="import-bar")

    def show(self, done: int, total: int, path: str, added: int) -> None:
        """Progress as the importer reports it, file by file: files done of ``total``, the
        file being read, and the new articles so far."""
        self.done, self.total, self.path = done, total, path
        self.added = max(self.added, added)
        self._draw()
        # One file (say a big JSONL) has no steps to count: the bar pulses until it is done.
        self.query_one(ProgressBar).update(total=total if total > 1 else None, progress=done)

    def show_added(self, added: int) -> None:
        """New articles counted in the library meanwhile (a big file commits as it goes)."""
        if added > self.added:
            self.added = added
            self._draw()

    def _draw(self) -> None:
        name = sanitize(self.path.rsplit("/", 1)[-1])[:40]
        total = self.total
        files = f"file {min(self.done + 1, total)}/{total}" if total > 1 else "1 file" if total == 1 else "looking for files"
        text = Text.assemble((self.title, "bold"), f"  {files} · {self.added:,} new", (f" · {name}" if name else "", "dim"),
                             ("   Esc cancels", "dim italic"))
        text.no_wrap, text.overflow = True, "ellipsis"
        self.query_one("#import-label", Static).update(text, layout=False)
