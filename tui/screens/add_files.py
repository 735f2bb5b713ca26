"""``a``: the path prompt. Type a file or folder (``~`` works); the rest of a matching
name is suggested as you type (→ or Tab accepts it); Enter checks the path exists and
closes with it, Esc closes without. The import itself runs on the main screen."""

from __future__ import annotations

import os
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Static

from ..core.text import sanitize

MAX_ENTRIES = 5000  # a folder bigger than this is not scanned for suggestions


class PathSuggester(Suggester):
    """Suggests the first entry (folders end in ``/``) whose name starts with what is typed
    after the last ``/``; hidden entries only when a dot is typed."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        folder, prefix = os.path.split(os.path.expanduser(value))
        try:
            with os.scandir(folder or ".") as entries:
                names = []
                for count, entry in enumerate(entries):
                    if count >= MAX_ENTRIES:
                        return None
                    if entry.name.startswith(prefix) and (prefix.startswith(".") or not entry.name.startswith(".")):
                        names.append(entry.name + ("/" if entry.is_dir() else ""))
        except OSError:
            return None
        if not names:
            return None
        completion = min(names, key=lambda n: (n.casefold(), n))[len(prefix):]
        return value + completion if completion else None


def resolve(text: str) -> tuple[Path | None, str]:
    """The path typed (``~`` expanded) if it exists, else None and why not."""
    text = text.strip()
    if not text:
        return None, "Type the path of a file or a folder"
    path = Path(os.path.expanduser(text))
    try:
        if path.exists():
            return path, ""
    except OSError as exc:  # e.g. a name too long
        return None, f"Cannot use {sanitize(text)}: {exc.strerror or exc}"
    return None, f"No such file or folder: {sanitize(str(path))}"


class AddFilesScreen(ModalScreen[Path | None]):
    """Dismisses with the chosen path, or None on Esc."""

    DEFAULT_CSS = """
    AddFilesScreen { align: center middle; }
    #add-files { width: 90%; max-width: 96; height: auto; border: round $accent; background: $surface; padding: 0 1; }
    #add-error { height: auto; color: $error; }
    """

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel"),
        Binding("tab", "complete", "Complete", priority=True),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-files"):
            yield Static(Text("Add files", style="bold"))
            yield Static(Text("A file or a folder (read recursively): .txt .md .html .jsonl, RSS/Atom", style="dim"))
            yield Input(placeholder="~/news  or  /path/to/articles.jsonl", suggester=PathSuggester(), id="add-path")
            yield Static("", id="add-error")
            yield Static(Text("Enter imports · → or Tab completes · Esc cancels", style="dim"))

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_complete(self) -> None:
        path_input = self.query_one(Input)
        path_input.action_end()
        path_input.action_cursor_right()  # at the end, this accepts the suggestion

    def on_input_changed(self) -> None:
        self.query_one("#add-error", Static).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path, problem = resolve(event.value)
        if path is None:
            self.query_one("#add-error", Static).update(Text(problem, style="bold"))
            self.notify(problem, severity="error", timeout=4)
            return
        self.dismiss(path)
