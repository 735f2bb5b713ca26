"""The article list's rows without loading the library: the ids in order, and the few
fields a row shows fetched a page at a time when the list draws them.

A 100k-article library lists in one query for ids (about 0.2 s) instead of building
100k row objects; scrolling fetches 200 rows by primary key (well under a millisecond).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

from .store import Library

PAGE = 200
MAX_CACHED = 20_000  # rows kept in memory; past this the cache starts again from the page asked for

_ORDERS = {
    "date": "date IS NULL, date DESC, id DESC",
    "title": "title COLLATE NOCASE, id",
    "source": "source IS NULL, source COLLATE NOCASE, date DESC, id DESC",
}


@dataclass(slots=True)
class ListRow:
    """What one list line shows."""

    id: int
    title: str
    date: str | None
    lang: str
    source: str | None
    read: bool
    starred: bool
    spans: list[tuple[int, int]] = field(default_factory=list)
    snippet: str = ""


def list_ids(library: Library, *, lang: str | None, order: str, entity: int | None, limit: int) -> list[int]:
    """Article ids for the list's filters, in ``order`` (date, title or source)."""
    sql, params = "SELECT id FROM articles WHERE 1", []
    if lang:
        sql += " AND lang = ?"
        params.append(lang)
    if entity is not None:
        sql += " AND id IN (SELECT article_id FROM mentions WHERE entity_id = ?)"
        params.append(entity)
    sql += f" ORDER BY {_ORDERS.get(order, _ORDERS['date'])} LIMIT ?"
    return [row[0] for row in library.conn.execute(sql, [*params, limit])]


def fetch_rows(library: Library, ids: list[int]) -> list[ListRow]:
    """The rows for ``ids`` (any order; ids no longer in the library are left out)."""
    rows: list[ListRow] = []
    for start in range(0, len(ids), 900):  # under SQLite's variable limit
        chunk = ids[start:start + 900]
        rows += [ListRow(i, t or "", d, lg, s, bool(r), bool(st)) for i, t, d, lg, s, r, st in library.conn.execute(
            f"SELECT id, title, date, lang, source, read, starred FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
            chunk)]
    return rows


class Rows(Sequence[ListRow]):
    """The list's rows by position. ``fetch(ids)`` loads missing rows a page at a time; it is
    set by whoever reads the rows (each thread uses its own library connection)."""

    def __init__(self, ids: list[int], loaded: Sequence[ListRow] = (),
                 fetch: Callable[[list[int]], list[ListRow]] | None = None) -> None:
        self.ids = ids
        self.fetch = fetch
        self._rows: dict[int, ListRow] = {row.id: row for row in loaded}

    @classmethod
    def of(cls, rows: Sequence[ListRow]) -> Rows:
        """Rows that are all in memory already (search results)."""
        return cls([row.id for row in rows], rows)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> ListRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[ListRow]: ...

    def __getitem__(self, index: int | slice) -> ListRow | list[ListRow]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        article_id = self.ids[index]
        row = self._rows.get(article_id)
        if row is None:
            self.load(index % len(self.ids) if index < 0 else index)
            row = self._rows.get(article_id)
        if row is None:  # deleted since the list was made
            row = self._rows[article_id] = ListRow(article_id, "(no longer in the library)", None, "", None, True, False)
        return row

    def __iter__(self) -> Iterator[ListRow]:
        for index in range(len(self.ids)):
            yield self[index]

    def load(self, index: int) -> None:
        """Fetch the page around position ``index`` (rows already loaded are kept)."""
        if self.fetch is None:
            return
        if len(self._rows) > MAX_CACHED:
            self._rows.clear()
        start = index // PAGE * PAGE
        missing = [i for i in self.ids[start:start + PAGE] if i not in self._rows]
        if missing:
            self._rows.update((row.id, row) for row in self.fetch(missing))

    def index_of(self, article_id: int) -> int | None:
        """The position of ``article_id``, or None when it is not listed."""
        try:
            return self.ids.index(article_id)  # a scan in C: about 1 ms for 100k ids
        except ValueError:
            return None

    def loaded(self, article_id: int) -> ListRow | None:
        """The row for ``article_id`` if it is in memory (no fetch)."""
        return self._rows.get(article_id)
