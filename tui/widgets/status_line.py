"""The header line: library stats, what the list shows, and each active filter (click ✕ or
press x to remove).

While a search runs, "searching…" takes the place of "showing N", so the line never
claims a count for results that are not on screen yet.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ..core.text import sanitize


class StatusLine(Static):
    def show(self, stats: dict[str, int], shown: int, filters: list[tuple[str, str]], sort: str, busy: bool = False,
             note: str = "") -> None:
        """``note`` (e.g. "importing the bundled articles…") replaces the count while set."""
        text = Text.assemble(
            (f"{stats.get('total', 0):,} articles · EN {stats.get('en', 0):,} · RU {stats.get('ru', 0):,}", "dim"),
            "   ",
            (note, "italic") if note else ("searching…", "italic") if busy else (f"showing {shown:,}", ""),
            (f" · sort: {sort}", "dim"),
        )
        for key, label in filters:
            text.append("   ")
            text.append(f" {sanitize(label)} ", style="reverse")
            text.append(" ✕", style="bold red")
            text.apply_meta({"@click": f"screen.remove_filter('{key}')"}, len(text) - 2, len(text))
        if filters:
            text.append("   x clears filters", style="dim")
        text.no_wrap = True
        text.overflow = "ellipsis"
        self.update(text, layout=False)  # one line whatever it says: no need to re-lay out the screen
