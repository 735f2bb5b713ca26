"""Bad inputs are skipped with a reason; everything else is imported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.core.importer import import_paths
from tui.core.store import Library

GOOD = "Tesla opens Berlin hub\n\nTesla opened a charging hub in Berlin on Monday.\n"


def _reasons(report) -> dict[str, str]:
    return {Path(s.path).name: s.reason for s in report.skipped}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    root.mkdir()
    (root / "good.txt").write_text(GOOD, encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.md").write_text("   \n\n  ", encoding="utf-8")
    (root / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (root / "data.txt").write_bytes(bytes(range(256)) * 8)
    (root / "broken.rss").write_text("this is not a feed at all, just words", encoding="utf-8")
    (root / "report.pdf").write_bytes(b"%PDF-1.7 ...")
    (root / "dangling.txt").symlink_to(root / "missing.txt")
    return root


def test_each_bad_file_is_skipped_with_its_reason(library: Library, folder: Path) -> None:
    report = import_paths(library, [folder])
    assert len(report.added) == 1 and library.get(report.added[0]).title == "Tesla opens Berlin hub"
    assert _reasons(report) == {
        "empty.txt": "empty",
        "blank.md": "empty",
        "photo.txt": "binary",
        "data.txt": "binary",
        "broken.rss": "parse error",
        "report.pdf": "unknown format",
        "dangling.txt": "unreadable",
    }


def test_unreadable_file_in_a_directory(library: Library, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = folder / "locked.txt"
    locked.write_text(GOOD.replace("Berlin", "Munich"), encoding="utf-8")
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything; make the kernel's answer for this file EACCES
        real = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self == locked:
                raise PermissionError(13, "Permission denied")
            return real(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = import_paths(library, [folder])
    assert _reasons(report)["locked.txt"] == "unreadable"
    assert "Permission denied" in next(s.detail for s in report.skipped if s.path.endswith("locked.txt"))
    assert len(report.added) == 1


def test_files_over_the_size_limit_are_skipped(library: Library, tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(GOOD + "word " * 5000, encoding="utf-8")
    (tmp_path / "small.txt").write_text(GOOD, encoding="utf-8")
    report = import_paths(library, [tmp_path], max_bytes=10_000)
    assert _reasons(report) == {"big.txt": "too large"}
    assert len(report.added) == 1


def test_missing_path_is_reported(library: Library, tmp_path: Path) -> None:
    report = import_paths(library, [tmp_path / "nope"])
    assert not report.ok and _reasons(report) == {"nope": "unreadable"}


def test_invalid_utf8_is_not_imported_as_mojibake(library: Library, tmp_path: Path) -> None:
    text = "Электромобиль КАМАЗ\n\nКАМАЗ представил электромобиль для города.\n".encode()
    (tmp_path / "cut.txt").write_bytes(text[:-3] + b"\xd0")
    report = import_paths(library, [tmp_path])
    assert _reasons(report) == {"cut.txt": "invalid text"}


def test_user_files_are_never_modified(library: Library, folder: Path) -> None:
    before = {p: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    import_paths(library, [folder])
    assert {p: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
