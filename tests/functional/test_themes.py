"""Dark and light themes: entity colours are the same in the sidebar and the reader, in
the shade that reads on the theme's background; a snapshot of the light theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from tests.functional.conftest import settle
from tui.app import EvNewsApp
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader
from tui.widgets.styles import ENTITY_COLOURS, LANG_COLOURS


def _contrast(a: Color, b: Color) -> float:
    def luminance(c: Color) -> float:
        def channel(v: int) -> float:
            v = v / 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("name", [n for n, t in BUILTIN_THEMES.items() if t.background and not t.background.startswith("ansi")])
def test_entity_and_badge_colours_read_on_every_theme(name: str) -> None:
    theme = BUILTIN_THEMES[name]
    background = Color.parse(theme.background)
    for kind, shades in {**ENTITY_COLOURS, **LANG_COLOURS}.items():
        shade = Color.parse(shades[0 if theme.dark else 1])
        assert _contrast(shade, background) >= 4.2, (kind, name)


def _colour_in_reader(reader: Reader, word: str) -> str | None:
    for widget in reader._widgets:
        text = widget.content
        if isinstance(text, Text) and word in text.plain:
            start = text.plain.index(word)
            styles = [s.style for s in text.spans if s.start <= start < s.end]
            colours = [Style.parse(s).color for s in styles if isinstance(s, str)] + [s.color for s in styles if isinstance(s, Style)]
            return next((c.name for c in colours if c is not None), None)
    return None


def _colour_in_sidebar(sidebar: EntitySidebar, label: str) -> str | None:
    from textual.widgets import Tree

    for node in sidebar.query_one(Tree).root.children:
        text = node.label
        if text.plain.startswith(label):
            return Style.parse(str(text.spans[0].style)).color.name
    return None


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_the_sidebar_and_the_reader_use_the_same_colours(seeded_db: Path, theme: str) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(130, 40)) as pilot:
        app.theme = theme
        await settle(pilot)
        await pilot.press("j", "enter")  # the KAMAZ article
        await settle(pilot)
        reader, sidebar = app.screen.query_one(Reader), app.screen.query_one(EntitySidebar)
        shade = 0 if theme == "textual-dark" else 1
        for kind, label, word in [("ORG", "Organizations", "KAMAZ"), ("PERSON", "People", "Sergey Kogogin")]:
            expected = ENTITY_COLOURS[kind][shade].lower()
            assert _colour_in_reader(reader, word) == expected
            assert _colour_in_sidebar(sidebar, label) == expected
        app.theme = "textual-light" if theme == "textual-dark" else "textual-dark"  # switching redraws both
        await settle(pilot)
        other = ENTITY_COLOURS["ORG"][1 - shade].lower()
        assert _colour_in_reader(reader, "KAMAZ") == other and _colour_in_sidebar(sidebar, "Organizations") == other


async def _light_reading(pilot) -> None:
    pilot.app.theme = "textual-light"
    await settle(pilot)
    await pilot.press("j", "enter")
    await settle(pilot)


def test_light_theme_snapshot(snap_compare, seeded_db: Path) -> None:
    assert snap_compare(EvNewsApp(seeded_db), terminal_size=(120, 40), run_before=_light_reading)
