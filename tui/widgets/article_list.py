"""A virtual article list: one widget for any number of rows; only visible lines are rendered.

``rows`` is any sequence of row-like objects (:class:`Row`'s fields); a lazy sequence
(:class:`tui.core.listing.Rows`) fetches the rows it is asked for, so only the lines drawn
are ever loaded."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from math import ceil

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from ..core.text import sanitize
from .styles import lang_style


@dataclass(slots=True)
class Row:
    """What one list line shows."""

    id: int
    title: str
    date: str | None
    lang: str
    source: str | None
    read: bool = False
    starred: bool = False
    #: (start, end) spans of search hits in the title
    spans: list[tuple[int, int]] = field(default_factory=list)
    snippet: str = ""


class ArticleList(ScrollView, can_focus=True):
    """Date, language badge, source and title per row; read/starred marks; search hits highlighted."""

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False),
        Binding("k,up", "cursor(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "jump(0)", "Top", show=False),
        Binding("G,end", "jump(-1)", "Bottom", show=False),
        Binding("enter", "select", "Open"),
    ]
    COMPONENT_CLASSES = {"article-list--cursor", "article-list--cursor-blurred"}
    DEFAULT_CSS = """
    ArticleList { scrollbar-size-vertical: 1; overflow-y: scroll; overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $primary 45%; }
    ArticleList > .article-list--cursor-blurred { background: $primary 20%; }
    """

    cursor: reactive[int] = reactive(0)

    class Highlighted(Message):
        """The cursor moved to an article."""

        def __init__(self, article_list: ArticleList, article_id: int) -> None:
            super().__init__()
            self.article_list = article_list
            self.article_id = article_id

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class Selected(Highlighted):
        """Enter (or a click) on an article."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: Sequence[Row] = []
        #: drawn in place of rows when there are none (the screen says why)
        self.empty_text = "No articles"
        #: lines already drawn, by everything that decides how they look (see _line_key)
        self._strips: dict[tuple, Strip] = {}
        self._drawn: dict[int, tuple] = {}  # what each line on screen shows (see _line_key)

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row], keep: int | None = None) -> None:
        """Show ``rows``; keep the cursor on article ``keep`` if it is still listed."""
        self.rows = rows
        self._set_height(len(rows))
        index = (self._position(keep) or 0) if keep is not None else 0
        self.set_reactive(ArticleList.cursor, index)  # the lines are refreshed below
        top = max(0, index - self.size.height // 2)
        if top != int(self.scroll_offset.y):
            self.scroll_to(y=top, animate=False, immediate=True)
            self.refresh()
        else:
            self._refresh_changed()
        if rows:
            self.post_message(self.Highlighted(self, rows[self.cursor].id))

    def _set_height(self, height: int) -> None:
        """The list's scrollable height. The scrollbar is always there (overflow-y: scroll),
        so a new height never re-lays out the screen (a repaint of every pane): while typing
        a search, the results' count changes at every key."""
        if not self.is_mounted:
            self.virtual_size = Size(self.size.width, height)
            return
        if height == self.virtual_size.height:
            return
        self.set_reactive(ArticleList.virtual_size, Size(self.size.width, height))
        # The scrollbar is repainted only if its thumb moves: over about a thousand rows the
        # thumb is one cell whatever the count.
        bar = self.vertical_scrollbar
        before = _thumb(bar.window_virtual_size, bar.window_size, bar.size.height, bar.position)
        bar.set_reactive(ScrollBar.window_virtual_size, height)
        bar.set_reactive(ScrollBar.window_size, self.size.height)
        if _thumb(height, self.size.height, bar.size.height, bar.position) != before:
            bar.refresh()

    def update_row(self, article_id: int, **changes: object) -> None:
        """Change a row already drawn (rows not loaded yet are read fresh when drawn)."""
        self.update_rows({article_id: changes})

    def update_rows(self, changes: dict[int, dict[str, object]]) -> None:
        """Change several rows, then repaint the lines that now look different."""
        loaded = getattr(self.rows, "loaded", None)
        for article_id, fields in changes.items():
            if loaded is not None:
                row = loaded(article_id)
            else:
                position = self._position(article_id)
                row = self.rows[position] if position is not None else None
            for name, value in fields.items() if row is not None else ():
                setattr(row, name, value)
        self._refresh_changed()

    def _position(self, article_id: int | None) -> int | None:
        index_of = getattr(self.rows, "index_of", None)
        if index_of is not None:
            return index_of(article_id)
        return next((i for i, r in enumerate(self.rows) if r.id == article_id), None)

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- keys ----------------------------------------------------------------------------------
    def action_cursor(self, delta: int) -> None:
        self._move(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self._move(self.cursor + direction * max(1, self.size.height - 1))

    def action_jump(self, where: int) -> None:
        self._move(len(self.rows) - 1 if where < 0 else 0)

    def action_select(self) -> None:
        if self.current:
            self.post_message(self.Selected(self, self.current.id))

    def on_click(self, event) -> None:
        index = event.y + int(self.scroll_offset.y)
        if 0 <= index < len(self.rows):
            self._move(index)
            self.post_message(self.Selected(self, self.rows[index].id))

    def _move(self, index: int) -> None:
        if not self.rows:
            return
        index = max(0, min(index, len(self.rows) - 1))
        if index != self.cursor:
            self.cursor = index
            self.post_message(self.Highlighted(self, self.rows[index].id))
        top, height = int(self.scroll_offset.y), self.size.height
        if index < top:
            self.scroll_to(y=index, animate=False, immediate=True)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False, immediate=True)

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_rows(old)
        self._refresh_rows(new)

    # -- what changed --------------------------------------------------------------------------
    def _line_key(self, index: int) -> tuple:
        """Everything that decides how list line ``index`` looks, its colours and width aside."""
        if index >= len(self.rows):
            return ("empty", self.empty_text if index == 1 and not self.rows else "")
        row = self.rows[index]
        return (row.id, row.title, row.date, row.lang, row.source, row.read, row.starred, tuple(row.spans),
                index == self.cursor)

    def _refresh_changed(self) -> None:
        """Repaint only the lines that now show something else than they do on screen: while
        typing a search, the top results often stay put from one key to the next, and an
        unchanged line costs no painting at all."""
        if not self.is_mounted:
            return
        top = int(self.scroll_offset.y)
        changed = [y for y in range(self.size.height) if self._drawn.get(y) != self._line_key(top + y)]
        while changed:  # in runs of adjacent lines
            start = end = changed.pop(0)
            while changed and changed[0] == end + 1:
                end = changed.pop(0)
            self._refresh_rows(top + start, end - start + 1)

    def _refresh_rows(self, index: int, count: int = 1) -> None:
        """Repaint list rows ``index`` onwards; the scrollbar beside them is left alone (its
        thumb is repainted when it moves, see _set_height)."""
        width = self.scrollable_content_region.width
        self.refresh(Region(0, index - int(self.scroll_offset.y), width, count))

    # -- rendering -----------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        # Once per frame rather than per line: the theme's colours (a walk up the DOM), the
        # width without the scrollbar, and whether the theme is dark.
        theme = self.app.current_theme
        self._frame = (self.rich_style, self.scrollable_content_region.width, theme.dark if theme else True)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        style, width, dark = self._frame
        index = y + int(self.scroll_offset.y)
        self._drawn[y] = self._line_key(index)
        if index >= len(self.rows):
            if index == 1 and not self.rows:
                return _fit([Segment(f"  {self.empty_text}", style + _EMPTY)], width, style)
            return Strip.blank(width, style)
        row = self.rows[index]
        base = style  # the theme's colours under the row's own (badge, marks, hits)
        if index == self.cursor:
            base = self.get_component_rich_style("article-list--cursor" if self.has_focus else "article-list--cursor-blurred")
        key = (*self._drawn[y], base, width, dark)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > MAX_STRIPS:
                self._strips.clear()
            strip = self._strips[key] = _fit(self._segments(row, base, wide=width >= WIDE, dark=dark), width, base)
        return strip

    def _segments(self, row: Row, base: Style, wide: bool, dark: bool) -> list[Segment]:
        """Marks, date, language badge, source and title (search hits marked), as segments:
        a row is drawn per frame, so it skips Rich's text layout. A wide list gives the
        source a column of its own; a narrow one puts it after the title."""
        title = sanitize(row.title).replace("\n", " ")
        source = sanitize(row.source or "")
        if wide:
            source = (source[:SOURCE_WIDTH - 1] + "…" if len(source) > SOURCE_WIDTH else source).ljust(SOURCE_WIDTH)
        title_style = _BOLD if not row.read else _PLAIN
        parts = [("●" if not row.read else " ", _UNREAD), ("★" if row.starred else " ", _STAR),
                 ((row.date or "")[2:10].ljust(8), _DIM), (" ", _PLAIN),
                 (row.lang.upper() if len(row.lang) == 2 else "··", Style.parse(lang_style(row.lang, dark))), (" ", _PLAIN)]
        if wide:
            parts += [(source, _DIM), (" ", _PLAIN)]
        position = 0
        for start, end in sorted(row.spans):
            if start >= position:
                parts += [(title[position:start], title_style), (title[start:end], title_style + _HIT)]
                position = end
        parts.append((title[position:], title_style))
        if not wide and source:
            parts.append((f"  {source[:20]}", _DIM))
        return [Segment(text, base + style) for text, style in parts if text]


SOURCE_WIDTH = 12
MAX_STRIPS = 4000  # lines kept drawn: a few hundred screens of rows
WIDE = 64  # columns from which the source has a column of its own
_PLAIN, _BOLD, _DIM = Style(), Style(bold=True), Style(dim=True)
_UNREAD, _STAR, _HIT = Style(bold=True, color="cyan"), Style(color="yellow"), Style(bold=True, reverse=True)
_EMPTY = Style(dim=True, italic=True)


def _fit(segments: list[Segment], width: int, style: Style) -> Strip:
    """One line of exactly ``width`` cells: cut with an ellipsis, or padded."""
    strip = Strip(segments)
    if strip.cell_length > width:
        strip = Strip(list(strip.crop(0, max(0, width - 1))) + [Segment("…", segments[-1].style)])
    return strip.extend_cell_length(width, style)


def _thumb(virtual: int, window: int, size: int, position: float) -> tuple[int, int] | None:
    """Where a vertical scrollbar's thumb is drawn, in eighths of a cell, clipped to the bar
    (as Textual's ScrollBarRender computes it), or None when there is no thumb."""
    if not (window and size and virtual) or size == virtual:
        return None
    if virtual <= window:
        return 0, size * 8  # the thumb fills the bar
    thumb = max(1.0, window / (virtual / size))
    start = int((size - thumb) * (position / (virtual - window)) * 8)
    return max(0, start), min(size * 8, start + ceil(thumb * 8))
