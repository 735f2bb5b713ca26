"""The search bar: debounced, it posts the query as you type; Esc clears it."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

DEBOUNCE = 0.12  # seconds after the last keystroke


class SearchBar(Input):
    """Typing waits ``DEBOUNCE`` seconds, then posts :class:`SearchBar.QueryChanged`."""

    BINDINGS = [Binding("escape", "clear", "Clear search"), Binding("enter", "submit", "First result")]

    class QueryChanged(Message):
        def __init__(self, bar: SearchBar, query: str) -> None:
            super().__init__()
            self.bar = bar
            self.query = query

        @property
        def control(self) -> SearchBar:
            return self.bar

    class Done(QueryChanged):
        """Enter or Esc: the user is done typing (Esc also cleared the query)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Search  (/)  —  words, \"phrase\", -word, lang:ru, entity:KAMAZ, after:2024-01-01",
                         **kwargs)
        self._timer: Timer | None = None

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, lambda: self.post_message(self.QueryChanged(self, self.value)))

    def action_clear(self) -> None:
        self.value = ""
        if self._timer is not None:
            self._timer.stop()
        self.post_message(self.QueryChanged(self, ""))
        self.post_message(self.Done(self, ""))

    def action_submit(self) -> None:
        self.post_message(self.Done(self, self.value))
