"""Real corpora from ../shared/corpora import with the right counts (skipped where absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.importer import import_paths
from tui.core.store import Library


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


@pytest.mark.parametrize(
    "relative",
    ["ru_news_samples/ru_news_samples.jsonl", "en_news_bbc/bbc_articles.jsonl", "ru_news_ng/ng_articles.jsonl"],
)
def test_jsonl_corpus_counts(library: Library, corpora: Path, relative: str) -> None:
    path = corpora / relative
    records = _records(path)
    distinct = {" ".join((r.get("title") or "").split()).casefold() + "\n" + " ".join(r["text"].split()).casefold() for r in records}
    report = import_paths(library, [path], entities=False)
    assert report.skipped == []
    assert len(report.added) + len(report.duplicates) == len(records)  # every record was read
    assert len(report.added) == len(distinct) == library.count()  # identical texts stored once
    langs = {r["lang"] for r in records}
    assert library.stats()[langs.pop()] == library.count()
    if relative.startswith("ru_news_ng"):  # the Done criterion: 895 articles read, all dated
        assert len(records) == 895
        articles = library.list_articles()
        assert all(a.date for a in articles) and articles[0].date == "2018-03-22"


def test_rt_records_with_line_separators_are_not_split(library: Library, corpora: Path) -> None:
    # Two RT texts contain U+2028; splitting JSONL with str.splitlines() would break them.
    report = import_paths(library, [corpora / "ru_news_rt/rt_articles.jsonl"], entities=False)
    assert report.skipped == [] and len(report.added) == 513
