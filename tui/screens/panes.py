"""Panes: which of list, reader and sidebar show and have focus. Mixed into the main screen.

Below 110 columns the sidebar folds away (``e`` or ``3`` shows it, taking the list's
place); below 70 one pane shows at a time, the one focused with ``1``/``2``/``3`` or Tab.
"""

from __future__ import annotations

from textual.widgets import Tree

from ..widgets.article_list import ArticleList
from ..widgets.entity_sidebar import EntitySidebar
from ..widgets.reader import Reader
from ..widgets.search_bar import SearchBar

PANES = {"list": ArticleList, "reader": Reader, "sidebar": EntitySidebar}


class Panes:
    """Needs the screen's ``size``, ``focused``, ``query_one`` and CSS class methods."""

    def on_resize(self) -> None:
        width = self.size.width
        self.set_class(70 <= width < 110, "-narrow")
        self.set_class(width < 70, "-single")

    def action_pane(self, name: str) -> None:
        target = PANES[name]
        widget = self.query_one(target)
        if name == "sidebar":
            self.set_class(False, "-hide-sidebar")
            if self.has_class("-narrow"):
                self.set_class(True, "-show-sidebar")
            widget = self.query_one("#entity-tree", Tree)
        self.set_class(True, f"-show-{name}")
        for other in PANES:
            if other != name:
                self.set_class(False, f"-show-{other}")
        self.set_focus(widget)  # now, not after the queue: "3" then Enter at once goes to the sidebar

    def action_cycle(self, step: int) -> None:
        if isinstance(self.focused, SearchBar):
            self.set_focus(self.query_one(ArticleList))
            return
        order = ["list", "reader"] + (["sidebar"] if not self.has_class("-hide-sidebar") else [])
        current = next((n for n in order if self._pane_has_focus(n)), "list")
        self.action_pane(order[(order.index(current) + step) % len(order)])

    def _pane_has_focus(self, name: str) -> bool:
        pane = self.query_one(PANES[name])
        focused = self.focused
        return focused is not None and (focused is pane or pane in focused.ancestors)

    def action_toggle_sidebar(self) -> None:
        if self.has_class("-narrow"):
            self.toggle_class("-show-sidebar")
        else:
            self.toggle_class("-hide-sidebar")
