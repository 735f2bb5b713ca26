"""The entity sidebar: a tree by type with counts, a fuzzy filter that works across scripts,
and a scope switch between the open article and the current result set."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Tree

from ..core.text import sanitize
from .styles import ENTITY_LABELS, entity_styles


@dataclass(slots=True)
class EntityRow:
    id: int
    type: str
    name: str
    other: str | None  # the name in the other language, if known
    articles: int


class EntitySidebar(Vertical):
    BINDINGS = [
        Binding("t", "toggle_scope", "Article/all"),
        Binding("d", "details", "Details"),
        Binding("slash", "focus_filter", "Filter", show=False),
    ]

    class Selected(Message):
        """Enter on an entity: filter the list to the articles that mention it."""

        def __init__(self, sidebar: EntitySidebar, entity_id: int, name: str) -> None:
            super().__init__()
            self.sidebar = sidebar
            self.entity_id = entity_id
            self.name = name

        @property
        def control(self) -> EntitySidebar:
            return self.sidebar

    class Details(Selected):
        """``d`` on an entity: show its aliases, languages and neighbours."""

    class ScopeToggled(Message):
        """``t``: switch between the open article's entities and the whole result set."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[EntityRow] = []
        self.scope = "article"
        self._given = False  # rows were given at least once (an article was opened)

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter (any script)", id="entity-filter")
        yield Tree("Entities", id="entity-tree")

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        tree.show_root = False
        tree.guide_depth = 2
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._fill())
        self._fill()

    def set_rows(self, rows: list[EntityRow], scope: str) -> None:
        self.rows, self.scope, self._given = rows, scope, True
        self._fill()

    def _fill(self) -> None:
        tree = self.query_one(Tree)
        tree.clear()
        typed = self.query_one(Input).value
        needle = _key(typed) if typed.strip() else ""
        shown = [r for r in self.rows if not needle or _matches(needle, r)]
        scope = "this article" if self.scope == "article" else "all results"
        tree.root.set_label(f"Entities — {scope}")
        styles = entity_styles(self.app.current_theme.dark)  # the reader's colours, in this theme's shade
        for kind, label in ENTITY_LABELS.items():
            group = [r for r in shown if r.type == kind]
            if not group:
                continue
            node = tree.root.add(Text.assemble((label, styles[kind]), f"  {len(group)}"), expand=True)
            for row in group:
                other = f"  {sanitize(row.other)}" if row.other and row.other != row.name else ""
                node.add_leaf(Text.assemble((sanitize(row.name), styles[kind].replace("bold ", "")), (other, "dim"),
                                            (f"  {row.articles}", "dim")), data=row)
        if not shown:
            empty = "no match" if self.rows else "no entities" if self._given else "open an article (Enter)"
            tree.root.add_leaf(Text(empty, style="dim"))
        else:
            tree.cursor_line = 1  # on the first entity, under its group's heading

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(Tree).focus()

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        row = event.node.data
        if isinstance(row, EntityRow):
            self.post_message(self.Selected(self, row.id, row.name))

    def _current(self) -> EntityRow | None:
        node = self.query_one(Tree).cursor_node
        return node.data if node is not None and isinstance(node.data, EntityRow) else None

    def action_toggle_scope(self) -> None:
        self.post_message(self.ScopeToggled())

    def action_details(self) -> None:
        row = self._current()
        if row:
            self.post_message(self.Details(self, row.id, row.name))

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()


def _matches(needle: str, row: EntityRow) -> bool:
    from rapidfuzz import fuzz

    for name in (row.name, row.other or ""):
        key = _key(name)
        if needle in key or (len(needle) >= 4 and fuzz.partial_ratio(needle, key) >= 85):
            return True
    return False


def _key(name: str) -> str:
    """The script-independent key of a name (imported when a filter is typed: the entities
    package loads the recognisers' word lists, which the app's start does not need)."""
    from ..core.entities.keys import link_key

    return link_key(name)
