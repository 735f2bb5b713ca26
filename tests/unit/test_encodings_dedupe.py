"""Encodings decode to the same article, and the same article is stored once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.importer import import_paths
from tui.core.store import Library
from tui.core.text import fold

KOI8_SAFE = str.maketrans({"«": '"', "»": '"', "–": "-"})  # KOI8-R has no guillemets or en dash


def _write(tmp_path: Path, name: str, text: str, encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "recorded"),
    [("cp1251", "cp1251"), ("koi8-r", "koi8-r"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16"), ("utf-8-sig", "utf-8")],
)
def test_russian_seed_in_other_encodings_is_the_same_article(library: Library, tmp_path: Path, seed_text, encoding: str, recorded: str) -> None:
    original = seed_text("qoshcar")
    text = original.translate(KOI8_SAFE) if encoding == "koi8-r" else original
    reference = import_paths(library, [_write(tmp_path, "utf8.txt", original, "utf-8")])
    copy = import_paths(library, [_write(tmp_path, f"copy.{encoding}.txt", text, encoding)])
    assert len(reference.added) == 1
    assert copy.added == [] and len(copy.duplicates) == 1  # deduped against the UTF-8 original

    other = Library.open(tmp_path / "other.sqlite3")
    (article_id,) = import_paths(other, [tmp_path / f"copy.{encoding}.txt"]).added
    article = other.get(article_id)
    first = library.get(reference.added[0])
    assert article.encoding == recorded
    assert article.title == first.title and article.date == "2024-03-29" and article.lang == "ru"
    if encoding == "koi8-r":
        assert fold(article.text) == fold(first.text)
    else:
        assert article.text == first.text


def test_same_file_twice_is_stored_once(library: Library, seeds_dir: Path) -> None:
    first = import_paths(library, [seeds_dir])
    again = import_paths(library, [seeds_dir])
    assert len(first.added) == 3
    assert again.added == [] and len(again.duplicates) == 3
    assert library.count() == 3


def test_other_path_and_other_whitespace_are_duplicates(library: Library, tmp_path: Path, seed_text) -> None:
    text = seed_text("kamaz")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "kamaz.txt").write_text(text, encoding="utf-8")
    reflowed = "\r\n\r\n".join("  " + "   ".join(p.split()) + " \t" for p in text.split("\n\n"))
    (tmp_path / "b.txt").write_text(reflowed, encoding="utf-8")
    report = import_paths(library, [tmp_path / "a", tmp_path / "b.txt"])
    assert len(report.added) == 1 and len(report.duplicates) == 1
    assert library.copies(report.added[0]) == [{"path": str(tmp_path / "b.txt"), "url": None}]


def test_different_articles_are_not_merged(library: Library, tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("KAMAZ sales rise\n\nKAMAZ sold more trucks in May.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("KAMAZ sales fall\n\nKAMAZ sold fewer trucks in June.", encoding="utf-8")
    assert len(import_paths(library, [tmp_path]).added) == 2


def test_json_lines_in_utf16_import_every_line(library: Library, tmp_path: Path) -> None:
    """UTF-16 JSON Lines (with a BOM, as some Windows tools write them) are another encoding,
    not UTF-8 with bad lines: every record imports."""
    records = [f'{{"title": "Tesla hub {i}", "text": "Tesla opened hub number {i} in Berlin."}}' for i in range(4)]
    (tmp_path / "feed.jsonl").write_bytes("\n".join(records).encode("utf-16"))
    report = import_paths(library, [tmp_path / "feed.jsonl"], entities=False)
    assert not report.skipped
    assert sorted(library.get(i).title for i in report.added) == [f"Tesla hub {i}" for i in range(4)]
