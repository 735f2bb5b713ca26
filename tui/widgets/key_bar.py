"""The footer: the keys that work where the focus is, on one line, and Ctrl+P at the right.

Textual's own Footer rebuilds one widget per key at every focus change (twice: the old
focus leaves, the new one arrives), 25–80 ms on this screen, and a key typed right after
``/`` waited for it. This one redraws a single line of text instead. Clicking a key
presses it.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import RenderResult
from textual.screen import Screen
from textual.widget import Widget


class KeyBar(Widget):
    """One line of ``key description`` pairs, from the screen's active bindings."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; }
    KeyBar > .key-bar--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
    KeyBar > .key-bar--description { color: $footer-description-foreground; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        #: (key to press, how it is shown, description, enabled), one per action
        self.keys: list[tuple[str, str, str, bool]] = []
        self.palette: tuple[str, str] | None = None  # the command palette's key, at the right
        self._pending = False
        self._targets: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self._pending:  # several changes in a row (blur, then focus): one update
            self._pending = True
            self.call_after_refresh(self._update)

    def _update(self) -> None:
        self._pending = False
        active = self.screen.active_bindings
        keys, actions = [], set()
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append((binding.key, self.app.get_key_display(binding), binding.description, enabled))
        found = active.get(self.app.COMMAND_PALETTE_BINDING) if self.app.ENABLE_COMMAND_PALETTE else None
        palette = (found[1].key, self.app.get_key_display(found[1])) if found else None
        if (keys, palette) != (self.keys, self.palette):
            self.keys, self.palette = keys, palette
            self.refresh()

    def render(self) -> RenderResult:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        self._targets = []  # (first cell, end cell, key) for clicks
        for key, display, description, enabled in self.keys:
            start = line.cell_len
            line.append(f" {display} ", key_style + (_DIM if not enabled else _PLAIN))
            line.append(f"{description} ", description_style + (_DIM if not enabled else _PLAIN))
            self._targets.append((start, line.cell_len, key))
        if self.palette:
            key, display = self.palette
            right = Text.assemble((f" {display} ", key_style), ("palette ", description_style))
            gap = self.size.width - line.cell_len - right.cell_len
            if gap >= 1:
                line.append(" " * gap)
                self._targets.append((line.cell_len, line.cell_len + right.cell_len, key))
                line.append_text(right)
        return line

    def on_click(self, event: events.Click) -> None:
        """A click on a key presses it."""
        for start, end, key in self._targets:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return


_PLAIN, _DIM = Style(), Style(dim=True)
