"""What the app's panes show, as plain data: the list for a set of filters, one article for
the reader, the entities for the sidebar. Runs in workers; knows nothing about Textual."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .listing import ListRow, Rows, fetch_rows, list_ids
from .store import Library

if TYPE_CHECKING:  # the search engine is imported when the first query runs, not at start
    from .search import Searcher
    from .search.engine import SearchHit
    from .search.units import Unit

SORTS = ("date", "relevance", "title", "source")
LIST_LIMIT = 200_000  # ids kept for the list (rows are fetched a page at a time as they are drawn)
SEARCH_LIMIT = 200  # search results listed: the best 200 (more costs the typing its speed)


@dataclass
class Filters:
    """The list's filters and sort; ``query`` is the search bar's text."""

    query: str = ""
    lang: str | None = None
    entity: int | None = None
    entity_name: str = ""
    feed: str = ""  # "feed:ID" or "tag:NAME": only that feed's (or tag's) articles
    feed_name: str = ""
    sort: str = "date"

    def describe(self) -> list[tuple[str, str]]:
        """(filter key, label) for each active filter, for the header."""
        out = []
        if self.lang:
            out.append(("lang", f"lang:{self.lang}"))
        if self.entity is not None:
            out.append(("entity", f"entity:{self.entity_name}"))
        if self.feed:
            out.append(("feed", f"{self.feed.partition(':')[0]}:{self.feed_name}"))
        if self.query.strip():
            out.append(("query", f"“{self.query.strip()[:30]}”"))
        return out


def list_rows(library: Library, searcher: Searcher | None, filters: Filters) -> Rows:
    """The articles the list shows for ``filters``: search results by relevance (or the
    chosen sort), all in memory; else the library's ids by date, title or source, with the
    first page of rows loaded (the list fetches the others as it draws them)."""
    if filters.query.strip() and searcher is not None:
        # The entity and feed filters narrow what is ranked, not the best page after ranking.
        within = _entity_articles(library, filters.entity) if filters.entity is not None else None
        if filters.feed:
            feed = _feed_articles(library, filters.feed)
            within = feed if within is None else within & feed
        hits = searcher.search(filters.query, lang=filters.lang, limit=SEARCH_LIMIT, details=False, within=within)
        flags = _flags(library, [h.id for h in hits])
        rows = [_hit_row(h, flags.get(h.id, (False, False))) for h in hits]
        if filters.sort != "relevance":
            rows = _sorted(rows, filters.sort)
        return Rows.of(rows)
    order = "date" if filters.sort == "relevance" else filters.sort
    ids = list_ids(library, lang=filters.lang, order=order, entity=filters.entity, limit=LIST_LIMIT)
    if filters.feed:
        allowed = _feed_articles(library, filters.feed)
        ids = [i for i in ids if i in allowed]
    rows = Rows(ids, fetch=lambda ids: fetch_rows(library, ids))
    rows.load(0)
    rows.fetch = None  # the worker's connection stays with the worker
    return rows


def _feed_articles(library: Library, spec: str) -> set[int]:
    from .feeds.store import article_ids

    return article_ids(library.conn, spec)


def _hit_row(hit: SearchHit, flags: tuple[bool, bool]) -> ListRow:
    return ListRow(hit.id, hit.title, hit.date, hit.lang, hit.source, flags[0], flags[1])


def query_units(searcher: Searcher, query: str) -> list[Unit]:
    """The query's units (its words with their alternatives), for :func:`title_spans` and
    :func:`article_hits`: built once per query, not per article."""
    from .search.query import parse

    return searcher.units(parse(query))


def title_spans(searcher: Searcher, article_id: int, units: list[Unit]) -> list[tuple[int, int]]:
    """Where the query matches in an article's title (for the rows a screen shows)."""
    from .search.highlight import hit_matches

    return [(m.start, m.end) for m in hit_matches(searcher, article_id, units, fields=("title",))]


def article_hits(searcher: Searcher, article_id: int, units: list[Unit]) -> list[tuple[str, int, int]]:
    """(field, start, end) of every place the query matches in the article, for the reader."""
    from .search.highlight import hit_matches

    return [(m.field, m.start, m.end) for m in hit_matches(searcher, article_id, units)]


def _sorted(rows: list[ListRow], sort: str) -> list[ListRow]:
    if sort == "title":
        return sorted(rows, key=lambda r: r.title.casefold())
    if sort == "source":
        return sorted(rows, key=lambda r: ((r.source or "\uffff").casefold(), r.date or ""))
    return sorted(rows, key=lambda r: r.date or "", reverse=True)


def _flags(library: Library, ids: list[int]) -> dict[int, tuple[bool, bool]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = library.conn.execute(f"SELECT id, read, starred FROM articles WHERE id IN ({marks})", ids)
    return {i: (bool(r), bool(s)) for i, r, s in rows}


def _entity_articles(library: Library, entity_id: int) -> set[int]:
    return {r[0] for r in library.conn.execute("SELECT DISTINCT article_id FROM mentions WHERE entity_id = ?", (entity_id,))}


def mentions(library: Library, article_id: int) -> list[tuple[int, str, str, int, int]]:
    """(entity id, type, field, start, end) of every mention in the article."""
    return library.conn.execute(
        "SELECT m.entity_id, e.type, m.field, m.start, m.end FROM mentions m JOIN entities e ON e.id = m.entity_id"
        " WHERE m.article_id = ? ORDER BY m.field, m.start", (article_id,)).fetchall()


def related(library: Library, article_id: int, limit: int = 6) -> list[tuple[int, str, str]]:
    """Articles in either language sharing the most (non-figure) entities with this one."""
    return library.conn.execute(
        "SELECT a.id, a.title, a.lang FROM mentions m2 JOIN articles a ON a.id = m2.article_id"
        " WHERE m2.entity_id IN (SELECT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id"
        "                        WHERE m.article_id = ? AND e.type != 'FIGURE')"
        " AND m2.article_id != ? GROUP BY a.id ORDER BY count(DISTINCT m2.entity_id) DESC, a.date DESC LIMIT ?",
        (article_id, article_id, limit)).fetchall()


def sidebar_entities(library: Library, article_ids: list[int] | None) -> list[tuple[int, str, str, str | None, str | None, int]]:
    """(id, type, name, name_en, name_ru, articles) for the given articles (None: all)."""
    where, params = "", []
    if article_ids is not None:
        if not article_ids:
            return []
        where = f"WHERE m.article_id IN ({','.join('?' * len(article_ids))})"
        params = article_ids
    return library.conn.execute(
        "SELECT e.id, e.type, e.name, e.name_en, e.name_ru, count(DISTINCT m.article_id) AS n"
        f" FROM mentions m JOIN entities e ON e.id = m.entity_id {where} GROUP BY e.id ORDER BY n DESC, e.name LIMIT 400",
        params).fetchall()


def co_occurring(library: Library, entity_id: int, limit: int = 8) -> list[tuple[str, str, int]]:
    """(name, type, shared articles) of the entities most often in the same articles."""
    return library.conn.execute(
        "SELECT e.name, e.type, count(DISTINCT m2.article_id) AS n FROM mentions m1"
        " JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.entity_id != m1.entity_id"
        " JOIN entities e ON e.id = m2.entity_id WHERE m1.entity_id = ? AND e.type != 'FIGURE'"
        " GROUP BY e.id ORDER BY n DESC LIMIT ?", (entity_id, limit)).fetchall()
