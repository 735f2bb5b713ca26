"""The search bar: it posts the query as you type; Esc clears it.

There is no timer: the screen debounces by coalescing. A query typed while a search runs
waits for that search, and a query that is already out of date when its turn comes is
dropped, so at most one search runs and one waits however fast the typing. Results come
one search after the key instead of a fixed pause after the last key.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input


class SearchBar(Input):
    """Every edit posts :class:`SearchBar.QueryChanged`; Esc posts :class:`SearchBar.Done`."""

    BINDINGS = [Binding("escape", "clear", "Clear search")]
    # Input resets its virtual size to the text's width at every key, and by default that
    # re-lays out the whole screen (a repaint of every pane, before the results can be
    # drawn). A search bar's height never changes with its text: repainting it is enough.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class QueryChanged(Message):
        def __init__(self, bar: SearchBar, query: str) -> None:
            super().__init__()
            self.bar = bar
            self.query = query

        @property
        def control(self) -> SearchBar:
            return self.bar

    class Done(QueryChanged):
        """Esc: the user is done with the search (the query is cleared). Enter, "first result",
        is the screen's key: it moves focus at once."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Search  (/)  —  words, \"phrase\", -word, lang:ru, entity:KAMAZ, after:2024-01-01",
                         **kwargs)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(self, event.value))

    def action_clear(self) -> None:
        self.value = ""  # posts QueryChanged("") through on_input_changed
        self.post_message(self.Done(self, ""))
