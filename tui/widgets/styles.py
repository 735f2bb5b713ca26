"""Colours shared by the widgets, so the reader and the sidebar always agree.

Entity types and language badges have one colour per type, in two shades: light on
dark themes, dark on light ones (same hue). Each shade keeps at least 4.2:1 contrast
on every built-in Textual theme of its kind (tests/unit/test_styles.py checks it).
"""

from __future__ import annotations

#: type -> (shade for dark themes, shade for light themes)
ENTITY_COLOURS = {
    "ORG": ("#5fafd7", "#1d5e96"),
    "PERSON": ("#d7875f", "#9c4a14"),
    "PLACE": ("#5faf5f", "#2b6e2b"),
    "PRODUCT": ("#af87d7", "#7438a8"),
    "FIGURE": ("#d7af00", "#7a5800"),
}
LANG_COLOURS = {"en": ("#7aa6d6", "#1d5e96"), "ru": ("#d7875f", "#9c4a14")}
ENTITY_LABELS = {
    "ORG": "Organizations",
    "PERSON": "People",
    "PLACE": "Places",
    "PRODUCT": "Vehicles",
    "FIGURE": "Figures",
}
HIT_STYLE = "reverse"
CURRENT_HIT_STYLE = "bold black on yellow"


def entity_styles(dark: bool = True) -> dict[str, str]:
    """Rich style per entity type for a dark (or light) theme."""
    return {kind: f"bold {shades[0 if dark else 1]}" for kind, shades in ENTITY_COLOURS.items()}


def lang_style(lang: str, dark: bool = True) -> str:
    shades = LANG_COLOURS.get(lang)
    return f"bold {shades[0 if dark else 1]}" if shades else "bold"
