"""The header line: library stats, what the list shows, and each active filter (click ✕ or
press x to remove)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..core.text import sanitize


class StatusLine(Static):
    def show(self, stats: dict[str, int], shown: int, filters: list[tuple[str, str]], sort: str, busy: bool = False) -> None:
        text = Text.assemble(
            ("evnews-tui ", "bold"),
            (f"{stats.get('total', 0)} articles · EN {stats.get('en', 0)} · RU {stats.get('ru', 0)}", "dim"),
            "   ",
            (f"showing {shown}", ""),
            (f" · sort: {sort}", "dim"),
        )
        for key, label in filters:
            text.append("  ")
            text.append(f" {sanitize(label)} ", style="black on #87afd7")
            text.append(" ✕", style="bold red")
            text.apply_meta({"@click": f"screen.remove_filter('{key}')"}, len(text) - 2, len(text))
        if filters:
            text.append("   x clears filters", style="dim")
        if busy:
            text.append("   searching…", style="italic dim")
        self.update(text)
