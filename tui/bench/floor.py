"""The floor for ``python -m tui.bench app``: a bare three-pane Textual app.

Same frame as evnews-tui (search bar, status line, list / reader / sidebar, footer) but
no library, no search and no data: whatever it costs is what Textual and the terminal
cost on this machine. It draws the same status line as the real app, so the benchmark
times both with the same patterns. Run: ``python -m tui.bench.floor``.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Input, Static, Tree

ROWS = ["Kamaz unveils an electric truck", "Москвич начал сборку электромобилей", "Charging stations double"]


class FloorApp(App[None]):
    AUTO_FOCUS = None  # like the real app, "/" focuses the search bar
    CSS = """
    #search { dock: top; height: 3; }
    #status { dock: top; height: 1; }
    #list { width: 5fr; } #reader { width: 6fr; } #sidebar { width: 32; }
    """
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", priority=True), Binding("escape", "clear", "Clear", priority=True),
                Binding("slash", "focus('search')", "Search")]

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search", id="search")
        yield Static(id="status")
        with Horizontal():
            yield Static(id="list")
            yield Static("Select an article", id="reader")
            yield Tree("Entities", id="sidebar")
        yield Footer()

    def on_mount(self) -> None:
        self.show("")

    def show(self, query: str) -> None:
        """The list and the status line for ``query`` (a plain substring filter)."""
        rows = [r for r in ROWS if query.strip().casefold() in r.casefold()]
        self.query_one("#list", Static).update("\n".join(rows))
        chip = f"    “{query.strip()}”  ✕   x clears filters" if query.strip() else ""
        self.query_one("#status", Static).update(f"showing {len(rows)} · sort: date{chip}")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.show(event.value)

    def action_focus(self, widget_id: str) -> None:
        self.query_one(f"#{widget_id}").focus()

    def action_clear(self) -> None:
        self.query_one(Input).value = ""
        self.set_focus(None)


if __name__ == "__main__":
    FloorApp().run()
