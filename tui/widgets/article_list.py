"""A virtual article list: one widget for any number of rows; only visible lines are rendered."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.text import Text
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ..core.text import sanitize


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
    DEFAULT_CSS = "ArticleList { scrollbar-size-vertical: 1; }"

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
        self.rows: list[Row] = []

    # -- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], keep: int | None = None) -> None:
        """Show ``rows``; keep the cursor on article ``keep`` if it is still listed."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        index = next((i for i, r in enumerate(rows) if r.id == keep), 0) if keep is not None else 0
        self.cursor = index
        self.scroll_to(y=max(0, index - self.size.height // 2), animate=False)
        self.refresh()
        if rows:
            self.post_message(self.Highlighted(self, rows[self.cursor].id))

    def update_row(self, article_id: int, **changes: object) -> None:
        for row in self.rows:
            if row.id == article_id:
                for name, value in changes.items():
                    setattr(row, name, value)
        self.refresh()

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
            self.scroll_to(y=index, animate=False)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def watch_cursor(self) -> None:
        self.refresh()

    # -- rendering -----------------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        width = self.size.width
        index = y + int(self.scroll_offset.y)
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        text = self._row_text(self.rows[index], selected=index == self.cursor)
        strip = Strip(list(text.render(self.app.console, end="")))
        return strip.crop(0, width).extend_cell_length(width, self.rich_style)

    def _row_text(self, row: Row, selected: bool) -> Text:
        unread = Text("●" if not row.read else " ", style="bold cyan")
        star = Text("★" if row.starred else " ", style="yellow")
        badge = Text(f"{row.lang.upper():2}", style="bold #5f87af" if row.lang == "en" else
                     "bold #d7875f" if row.lang == "ru" else "bold grey50")
        title = Text(sanitize(row.title).replace("\n", " "))
        for start, end in row.spans:
            title.stylize("bold reverse", start, end)
        if not row.read:
            title.stylize("bold")
        date = (row.date or "")[2:10] or "        "
        source = Text(f"  {sanitize(row.source)[:16]}", style="dim") if row.source else Text("")
        line = Text.assemble(unread, star, (date, "dim"), " ", badge, " ", title, source)
        line.no_wrap = True
        line.overflow = "ellipsis"
        if selected:
            line.stylize("on #303a50" if self.has_focus else "on #26282e")
        return line
