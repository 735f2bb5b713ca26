"""The article list's lazy rows: only the pages drawn are ever read from the library."""

from __future__ import annotations

from pathlib import Path

from tui.core.importer import ensure_seeded
from tui.core.listing import PAGE, ListRow, Rows, fetch_rows, list_ids
from tui.core.store import Library


def _row(article_id: int) -> ListRow:
    return ListRow(article_id, f"title {article_id}", None, "en", None, False, False)


def test_rows_fetch_only_the_pages_asked_for() -> None:
    asked: list[list[int]] = []

    def fetch(ids: list[int]) -> list[ListRow]:
        asked.append(ids)
        return [_row(i) for i in ids if i != 7]  # 7 was deleted meanwhile

    rows = Rows(list(range(1000, 0, -1)), fetch=fetch)
    assert len(rows) == 1000 and asked == []
    assert rows[0].title == "title 1000" and rows[1].id == 999
    assert len(asked) == 1 and len(asked[0]) == PAGE  # one page, fetched once
    assert rows[PAGE * 2 + 5].id == 1000 - PAGE * 2 - 5 and len(asked) == 2
    assert rows[-1].id == 1 and rows[993].title == "(no longer in the library)"
    assert rows.index_of(500) == 500 and rows.index_of(5000) is None
    assert rows.loaded(1000) is not None and rows.loaded(300) is None  # position 700: never drawn


def test_search_results_are_all_in_memory() -> None:
    rows = Rows.of([_row(3), _row(1)])
    assert [r.id for r in rows] == [3, 1] and rows.fetch is None and rows.index_of(1) == 1


def test_ids_and_rows_from_a_library(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib.sqlite3") as library:
        ensure_seeded(library)
        by_date = list_ids(library, lang=None, order="date", entity=None, limit=100)
        russian = list_ids(library, lang="ru", order="date", entity=None, limit=100)
        rows = fetch_rows(library, by_date)
    assert len(by_date) == 3 and len(russian) == 1 and russian[0] in by_date
    dated = [r.date for r in sorted(rows, key=lambda r: by_date.index(r.id)) if r.date]
    assert dated == sorted(dated, reverse=True)  # newest first, undated last
    assert {r.lang for r in rows} == {"en", "ru"} and all(r.title for r in rows)
