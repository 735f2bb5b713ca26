"""Keys that act on the current article: read/star flags, the reader's hit and mention
keys from any pane, and opening the URL. Mixed into the main screen."""

from __future__ import annotations

import webbrowser

from ..widgets.article_list import ArticleList
from ..widgets.reader import Reader


class ArticleActions:
    """Needs ``query_one``, ``notify`` and ``ui_library()`` from the screen."""

    def _flag(self, flag: str) -> None:
        row = self.query_one(ArticleList).current
        if row is None:
            return
        value = not getattr(row, flag)
        self.ui_library().set_flag(row.id, flag, value)
        self.query_one(ArticleList).update_row(row.id, **{flag: value})

    def action_toggle_read(self) -> None:
        self._flag("read")

    def action_toggle_star(self) -> None:
        self._flag("starred")

    def action_reader(self, what: str, step: int | None = None) -> None:
        """Reader keys work from every pane: n/N hits, ]/[ mentions, c original text."""
        reader = self.query_one(Reader)
        if what == "toggle_raw":
            reader.action_toggle_raw()
        else:
            getattr(reader, f"action_{what}")(step)

    def action_open_url(self) -> None:
        content = self.query_one(Reader).content
        if content is None or not content.article.url:
            self.notify("This article has no URL", timeout=2)
            return
        url = content.article.url
        if not url.lower().startswith(("http://", "https://")):
            # An article's URL is data: only web links go to the browser (never file:, javascript:
            # or something a browser would read as a command-line option).
            self.notify("This article's URL is not a web link", timeout=2)
            return
        webbrowser.open(url)
