"""The feed/tag filter picker (``f``): every tag and every feed, with article counts; Enter
filters the list to it, "All feeds" removes the filter, Esc leaves it as it was."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..core.feeds import Feed
from ..core.text import sanitize

#: what the picker returns: (filter spec such as "feed:3" or "tag:ev", label) or ("", "") for none
Choice = tuple[str, str]


class FeedPicker(ModalScreen[Choice | None]):
    DEFAULT_CSS = """
    FeedPicker { align: center middle; }
    FeedPicker > Vertical { width: 80%; max-width: 90; height: auto; max-height: 80%; border: round $accent;
                            background: $surface; padding: 0 1; }
    FeedPicker #feed-options { height: auto; max-height: 30; border: none; }
    """
    BINDINGS = [Binding("escape,q,f", "dismiss_none", "Close")]

    def __init__(self, feeds: list[Feed], tags: list[tuple[str, int]], current: str = "") -> None:
        super().__init__()
        self.choices: dict[str, Choice] = {"all": ("", "")}
        options = [Option(Text("All feeds (no filter)", style="bold"), id="all")]
        if tags:
            options.append(Option(Text("Tags", style="dim underline"), disabled=True))
        for tag, count in tags:
            key = f"tag:{tag}"
            self.choices[key] = (key, tag)
            options.append(Option(Text.assemble(f"#{sanitize(tag)}", (f"  {count} feed{'s' * (count != 1)}", "dim")), id=key))
        options.append(Option(Text("Feeds", style="dim underline"), disabled=True))
        for feed in feeds:
            key = f"feed:{feed.id}"
            self.choices[key] = (key, feed.label)
            line = Text.assemble(sanitize(feed.label), (f"  {feed.articles} articles, {feed.unread} unread", "dim"))
            if feed.last_error:
                line.append(f"  ⚠ {sanitize(feed.last_error)[:50]}", style="red")
            options.append(Option(line, id=key))
        self.options = options
        self.current = current if current in self.choices else "all"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Show the articles of a feed or tag (Enter), Esc to cancel", style="bold"))
            yield OptionList(*self.options, id="feed-options")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.highlighted = option_list.get_option_index(self.current)
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.choices[event.option.id])

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
