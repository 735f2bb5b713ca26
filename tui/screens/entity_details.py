"""An entity's details: names and aliases in both languages, articles per language, and
the entities it most often appears with."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..core import entity_store, views
from ..core.store import Library
from ..core.text import sanitize
from ..widgets.styles import ENTITY_LABELS, entity_styles


class EntityDetailsScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,d", "dismiss", "Close")]

    def __init__(self, db_path: Path, entity_id: int) -> None:
        super().__init__()
        self.db_path, self.entity_id = db_path, entity_id

    def compose(self) -> ComposeResult:
        with Library.open(self.db_path, create=False) as library:
            info = entity_store.entity_info(library.conn, self.entity_id)
            neighbours = views.co_occurring(library, self.entity_id)
        with VerticalScroll(id="details"):
            if info is None:
                yield Static("This entity is no longer in the library.")
                return
            yield Static(Text.assemble((sanitize(info.name), entity_styles(self.app.current_theme.dark).get(info.type, "bold")),
                                       (f"  {ENTITY_LABELS.get(info.type, info.type)}", "dim")))
            table = Table(box=None, show_header=False, pad_edge=False)
            table.add_column(style="dim")
            table.add_column()
            table.add_row("English", sanitize(info.names.get("en") or "—"))
            table.add_row("Russian", sanitize(info.names.get("ru") or "—"))
            table.add_row("Aliases", sanitize(", ".join(info.aliases[:40]) or "—"))
            table.add_row("Articles", f"{len(info.articles)}  (EN {info.langs.get('en', 0)} · RU {info.langs.get('ru', 0)})")
            table.add_row("Mentions", str(info.mentions))
            table.add_row("Appears with", sanitize(", ".join(f"{n} ({c})" for n, _, c in neighbours) or "—"))
            yield Static(table)
            yield Static(Text("Esc to close", style="dim"))
