"""Two processes on one library: ``add`` runs in one while the other reads, searches and marks
articles, or while a second ``add`` runs. No "database is locked", no lost or doubled writes."""

from __future__ import annotations

import random
import time
from pathlib import Path

from tests.inbox import evnews, stored, write_inbox
from tui.core.importer import import_paths
from tui.core.search import Searcher
from tui.core.store import Library


def _library(tmp_path: Path, articles: int) -> Path:
    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library:
        library.set_meta("seeded", "1")
        import_paths(library, [write_inbox(tmp_path / "first", articles)], workers=1)
    return db


def test_reading_searching_and_marking_while_another_process_imports(tmp_path: Path) -> None:
    db = _library(tmp_path, 12)
    inbox = write_inbox(tmp_path / "second", 40)  # same templates, other numbers: new articles
    for path in inbox.iterdir():
        path.write_text(path.read_text(encoding="utf-8").replace(" report ", " update "), encoding="utf-8")
    rng = random.Random(6)
    marks: dict[int, bool] = {}
    counts: list[int] = []
    importer = evnews("--db", str(db), "add", str(inbox))
    with Library.open(db) as library:
        searcher = Searcher(library)
        while importer.poll() is None:
            articles = library.list_articles()
            counts.append(len(articles))
            assert searcher.search("Tesla plant", limit=5)
            article = rng.choice(articles)
            marks[article.id] = not marks.get(article.id, article.starred)
            library.set_flag(article.id, "starred", marks[article.id])  # waits for the importer's write lock
            library.set_flag(article.id, "read", True)
            time.sleep(0.02)
    out, err = importer.communicate()
    assert importer.returncode == 0 and "locked" not in err, err
    assert "40 new" in out
    assert len(set(counts)) > 2  # the reader really saw the import happen
    with Library.open(db) as library:
        assert library.count() == 52
        for article_id, starred in marks.items():  # no lost writes
            article = library.get(article_id)
            assert article.starred == starred and article.read
        hits = Searcher(library).search("Tesla update", limit=100)
        assert len(hits) >= 8  # and the reader's searcher sees the new articles too


def test_two_imports_at_once_store_each_article_and_entity_once(tmp_path: Path) -> None:
    db = _library(tmp_path, 2)
    both = write_inbox(tmp_path / "both", 36)
    only = write_inbox(tmp_path / "only", 12)
    for path in only.iterdir():
        path.write_text(path.read_text(encoding="utf-8").replace(" report ", " note "), encoding="utf-8")
    first = evnews("--db", str(db), "add", str(both), str(only))
    second = evnews("--db", str(db), "add", str(only), str(both))
    results = [first.communicate(), second.communicate()]
    assert (first.returncode, second.returncode) == (0, 0), results
    assert all("locked" not in err for _, err in results)
    assert stored(db) == 2 + 36 - 2 + 12  # the first two files of "both" are the library's own two
    with Library.open(db) as library:
        conn = library.conn
        assert conn.execute("SELECT count(*) FROM (SELECT title FROM articles GROUP BY title HAVING count(*) > 1)").fetchone()[0] == 0
        twins = conn.execute("SELECT type, name, count(*) FROM entities GROUP BY type, name HAVING count(*) > 1").fetchall()
        assert twins == []
        assert conn.execute("SELECT count(*) FROM articles WHERE indexed = 0 OR entities_done = 0").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
