"""The reader: title, metadata line, the cleaned body in paragraphs, and related articles.

Entity mentions are coloured by type, search hits highlighted; ``n``/``N`` step through
hits and ``]``/``[`` through the chosen entity's mentions, scrolling to each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..core.models import Article
from ..core.text import sanitize
from .styles import CURRENT_HIT_STYLE, HIT_STYLE, entity_styles

MAX_PARAGRAPHS = 1500  # a 10 MB article is shown up to here, with a note
#: characters of body text laid out at most (a long novel chapter); beyond, a note says how
#: much is left and how to read it all: wrapping megabytes would freeze the reader for seconds
MAX_CHARS = 100_000


@dataclass
class ReaderContent:
    """Everything the reader shows for one article."""

    article: Article
    mentions: list[tuple[int, str, str, int, int]] = field(default_factory=list)  # entity id, type, field, start, end
    hits: list[tuple[str, int, int]] = field(default_factory=list)  # field, start, end
    related: list[tuple[int, str, str]] = field(default_factory=list)  # id, title, lang


class Reader(VerticalScroll, can_focus=True):
    # n/N, ]/[ and c are screen keys (they work from every pane); these scroll.
    BINDINGS = [
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    class OpenArticle(Message):
        """A related article was chosen."""

        def __init__(self, reader: Reader, article_id: int) -> None:
            super().__init__()
            self.reader = reader
            self.article_id = article_id

        @property
        def control(self) -> Reader:
            return self.reader

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.content: ReaderContent | None = None
        self.raw = False
        self.entity: int | None = None  # the sidebar's chosen entity, for ]/[
        self._hit = -1
        self._mention = -1
        self._spans: list[tuple[int, int]] = []  # paragraph start/end offsets in the text
        self._shown = 0  # paragraphs laid out (long articles are cut, see MAX_CHARS)

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._rebuild() if self.content else None)

    def compose(self):
        yield Static(Text("Select an article (Enter) to read it here.", style="dim"), classes="reader-title")

    # -- data in -------------------------------------------------------------------------------
    def show(self, content: ReaderContent | None) -> None:
        self.content, self._hit, self._mention = content, -1, -1
        self._rebuild()
        self.scroll_home(animate=False)
        if content and content.hits:
            self.call_after_refresh(self.action_hit, 1)

    def _rebuild(self) -> None:
        # Widgets are found through these references, not ids: the old children are still
        # being removed while the new ones mount.
        self.remove_children()
        self._widgets: list[Static] = []
        if self.content is None:
            self.mount(Static(Text("No article selected.", style="dim"), classes="reader-title"))
            return
        a = self.content.article
        title = Text(sanitize(a.title), style="bold")
        self._style(title, "title", 0)
        meta = " · ".join(str(v) for v in (a.date, a.source, a.author, a.lang.upper(), f"{a.words} words") if v)
        widgets = [Static(title, classes="reader-title"),
                   Static(Text(sanitize(meta) + ("   [original text]" if self.raw else ""), style="dim"), classes="reader-meta")]
        body = sanitize(a.raw_text) if self.raw else a.text
        self._spans = _paragraph_spans(body)
        shown_chars = shown = 0
        cut = False
        for start, end in self._spans[:MAX_PARAGRAPHS]:
            if shown_chars >= MAX_CHARS:
                break
            stop = min(end, start + MAX_CHARS - shown_chars)
            cut = stop < end
            text = Text(body[start:stop])
            if not self.raw:
                self._style(text, "text", start)
            if cut:
                text.append("…")
            widgets.append(Static(text, classes="para"))
            shown_chars += stop - start
            shown += 1
        self._shown = shown
        if shown < len(self._spans) or cut:
            hidden = sum(e - s for s, e in self._spans) - shown_chars
            paras = len(self._spans) - shown + cut
            widgets.append(Static(Text(
                f"… not shown here: {hidden:,} more characters in {paras:,} paragraph{'s' if paras != 1 else ''} "
                f"('evnews-tui show {a.id}' prints the whole article)", style="dim italic"), classes="reader-note"))
        if self.content.related and not self.raw:
            widgets.append(Static(Text("Related", style="bold underline"), classes="reader-meta"))
            options = [Option(Text.assemble((f"{lang.upper()} ", "dim"), sanitize(t)), id=str(i)) for i, t, lang in self.content.related]
            widgets.append(OptionList(*options, classes="related"))
        self._widgets = widgets
        self.mount(*widgets)

    def _style(self, text: Text, field: str, offset: int) -> None:
        """Colour entity mentions and mark hits inside ``text`` (which starts at ``offset``)."""
        assert self.content is not None
        end = offset + len(text)
        styles = entity_styles(self.app.current_theme.dark)  # the sidebar's colours, in this theme's shade
        for _, kind, f, s, e in self.content.mentions:
            if f == field and offset <= s and e <= end:
                text.stylize(styles.get(kind, ""), s - offset, e - offset)
        for i, (f, s, e) in enumerate(self.content.hits):
            if f == field and offset <= s and e <= end:
                text.stylize(CURRENT_HIT_STYLE if i == self._hit else HIT_STYLE, s - offset, e - offset)
        for i, (eid, _, f, s, e) in enumerate(self._entity_mentions()):
            if i == self._mention and f == field and offset <= s and e <= end:
                text.stylize(CURRENT_HIT_STYLE, s - offset, e - offset)

    def _entity_mentions(self) -> list[tuple[int, str, str, int, int]]:
        if self.content is None or self.entity is None:
            return []
        return [m for m in self.content.mentions if m[0] == self.entity]

    # -- keys ----------------------------------------------------------------------------------
    def action_hit(self, step: int) -> None:
        if not self.content or not self.content.hits or self.raw:
            if self.content:
                self.notify("No search hits in this article", timeout=2)
            return
        self._hit = (self._hit + step) % len(self.content.hits)
        field, start, _ = self.content.hits[self._hit]
        self._restyle_and_scroll(field, start)

    def action_mention(self, step: int) -> None:
        mentions = self._entity_mentions()
        if not mentions or self.raw:
            self.notify("Choose an entity in the sidebar first (Enter on it)", timeout=2)
            return
        self._mention = (self._mention + step) % len(mentions)
        _, _, field, start, _ = mentions[self._mention]
        self._restyle_and_scroll(field, start)

    def action_toggle_raw(self) -> None:
        if self.content:
            self.raw = not self.raw
            self._rebuild()

    def _restyle_and_scroll(self, field: str, start: int) -> None:
        self._rebuild()
        para = _index_of(self._spans, start)
        index = 0 if field == "title" else 2 + para
        if field == "title" or para < self._shown:
            target = self._widgets[index]
            self.call_after_refresh(lambda: self.scroll_to_widget(target, animate=False, top=True))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.OpenArticle(self, int(event.option.id)))


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for part in text.split("\n"):
        if part.strip():
            spans.append((pos, pos + len(part)))
        pos += len(part) + 1
    return spans


def _index_of(spans: list[tuple[int, int]], offset: int) -> int:
    return next((i for i, (s, e) in enumerate(spans) if s <= offset < e + 1), 0)
