"""Broken input: each bad file (or bad line, or bad feed entry) is skipped with a reason a user can
act on, and everything else in the same import is stored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.core.importer import import_paths
from tui.core.ingest import read_bytes
from tui.core.store import Library

GOOD = "Tesla opens Berlin hub\n\nTesla opened a charging hub in Berlin on Monday.\n"
RU = "КАМАЗ представил новый электробус для Москвы. Машина проходит 200 километров на одной зарядке.\n"


def _skips(report) -> dict[str, str]:
    return {os.path.basename(s.path): f"{s.reason}: {s.detail}" for s in report.skipped}


def _titles(library: Library, report) -> set[str]:
    return {library.get(i).title for i in report.added}


def test_mixed_encodings_are_skipped_not_stored_as_mojibake(library: Library, tmp_path: Path) -> None:
    (tmp_path / "utf8_then_cp1251.txt").write_bytes(("Электробус КАМАЗ\n\n" + RU * 5).encode() + "Абзац в cp1251.".encode("cp1251"))
    (tmp_path / "cp1251_then_utf8.txt").write_bytes(("Электробус КАМАЗ\n\n" + RU * 5).encode("cp1251") + "Абзац в UTF-8.".encode())
    (tmp_path / "cp1251.txt").write_bytes(("Электробус КАМАЗ\n\n" + RU * 5).encode("cp1251"))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = import_paths(library, [tmp_path])
    assert _titles(library, report) == {"Электробус КАМАЗ", "Tesla opens Berlin hub"}  # cp1251 alone is fine
    assert _skips(report) == {
        "utf8_then_cp1251.txt": "invalid text: invalid UTF-8 at byte 893",
        "cp1251_then_utf8.txt": "invalid text: mixed encodings: UTF-8 at byte 493, something else at byte 0",
    }


def test_stray_nul_bytes_in_text_are_dropped(library: Library, tmp_path: Path) -> None:
    (tmp_path / "padded.txt").write_bytes(GOOD.encode() * 3 + b"\x00" * 2)  # under 1 % NUL bytes
    (tmp_path / "nuls.txt").write_bytes(b"\x00" * 30 + GOOD.encode())  # more than 1 % NUL: not text
    report = import_paths(library, [tmp_path])
    assert _titles(library, report) == {"Tesla opens Berlin hub"}
    assert "\x00" not in library.get(report.added[0]).text
    assert _skips(report) == {"nuls.txt": "binary: contains NUL bytes"}


def test_malformed_html(library: Library, tmp_path: Path) -> None:
    (tmp_path / "cut.html").write_text(
        "<html><head><title>Tesla opens hub</title></head><body><article><p>Tesla opened a charging hub in Berlin on "
        "Monday, the company said in a statement on its website.</p><p>The hub has forty chargers and a caf", encoding="utf-8")
    (tmp_path / "soup.html").write_text("<html><<<>>><p <b>></i></p></td></html>", encoding="utf-8")
    (tmp_path / "script.html").write_text("<html><body><script>var words = 'no text here';</script></body></html>")
    report = import_paths(library, [tmp_path])
    assert _titles(library, report) == {"Tesla opens hub"}
    assert _skips(report) == {"soup.html": "empty: no words in the text",
                              "script.html": "parse error: no article text found in the HTML"}


def test_malformed_feeds(library: Library, tmp_path: Path) -> None:
    (tmp_path / "cut.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>EV</title><item><title>Tesla cuts prices</title>'
        "<description>Tesla cut prices of the Model 3 in China.</description></item><item><title>BYD opens plant"
        "</title><descrip", encoding="utf-8")
    (tmp_path / "none.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>EV</title></channel></rss>')
    (tmp_path / "json.atom").write_text('{"this": "is json"}', encoding="utf-8")
    (tmp_path / "path.rss").write_text("/dev/zero", encoding="utf-8")  # never opened as a file name
    report = import_paths(library, [tmp_path])
    assert _titles(library, report) == {"Tesla cuts prices"}
    assert _skips(report) == {
        "cut.rss#2": "empty: feed entry has no content or summary",
        "none.rss": "parse error: not a readable RSS/Atom feed",
        "json.atom": "parse error: not a readable RSS/Atom feed: SAXParseException",
        "path.rss": "parse error: not a readable RSS/Atom feed: SAXParseException",
    }


def test_feeds_that_break_feedparser(library: Library, tmp_path: Path) -> None:
    """Found by the fuzz run: references to surrogates make feedparser raise; a broken entry has no summary."""
    (tmp_path / "surrogate.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Tesla &xxe; cuts prices</title>'
        "<description>Tesla cut prices &#xd800; in China &#55296; today.</description></item></channel></rss>")
    (tmp_path / "escapes.rss").write_bytes(  # lxml refuses control characters where <br> and <p> get their breaks
        b"<rss><channel><item><title>BYD escapes</title><description>&lt;p&gt;BYD \x1b[31mred&lt;br&gt;cars"
        b" &amp;#27;]0;title&amp;#7;&lt;/p&gt;</description></item></channel></rss>")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = import_paths(library, [tmp_path])
    assert not report.skipped and len(report.added) == 3
    assert {library.get(i).text for i in report.added} >= {"BYD red\n\ncars"}
    article = next(library.get(i) for i in report.added if library.get(i).title.startswith("Tesla &xxe;"))
    assert article.text == "Tesla cut prices \ufffd in China \ufffd today."
    assert all(item.path.startswith("x") for item in read_bytes(b"<feed><entry><summary/></entry>", "x", "feed"))


def test_jsonl_bad_lines_have_line_numbers(library: Library, tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_bytes(
        b'{"title": "Good one", "text": "Tesla opened a hub in Berlin."}\n'
        b'{"title": "Bad \xff\xfe bytes", "text": "KAMAZ showed a bus."}\n'
        + b"[" * 100_000 + b"\n"
        + b'{"title": "Good two", "text": "KAMAZ showed a truck."}\n'
        b'{"title": "Number text", "text": 42}\n'
        b'{"title": "cut')
    report = import_paths(library, [tmp_path])
    assert _titles(library, report) == {"Good one", "Good two"}
    assert _skips(report) == {
        "feed.jsonl:2": "invalid text: line is not valid UTF-8",
        "feed.jsonl:3": "parse error: invalid JSON: nested too deeply",
        "feed.jsonl:5": "parse error: no 'text' or 'body' field",
        "feed.jsonl:6": "parse error: invalid JSON: Unterminated string starting at",
    }


def test_symlink_loops(library: Library, tmp_path: Path) -> None:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "inbox" / "again").symlink_to(".")  # a directory loop
    (tmp_path / "inbox" / "self.txt").symlink_to("self.txt")  # a file that points at itself
    (tmp_path / "inbox" / "ping.txt").symlink_to("pong.txt")
    (tmp_path / "inbox" / "pong.txt").symlink_to("ping.txt")
    report = import_paths(library, [tmp_path / "inbox", tmp_path / "inbox" / "self.txt"])
    assert len(report.added) == 1 and not report.duplicates
    assert sorted(f"{os.path.basename(s.path)}: {s.reason}" for s in report.skipped) == [
        "again: symlink loop", "ping.txt: symlink loop", "pong.txt: symlink loop", "self.txt: symlink loop",
        "self.txt: symlink loop"]


def test_devices_and_pipes_are_never_read(library: Library, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would wait forever
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    report = import_paths(library, [tmp_path, Path("/dev/zero"), Path("/dev/null")])
    assert len(report.added) == 1
    assert _skips(report) == {name: "unreadable: a device, pipe or socket, not a regular file"
                              for name in ("pipe.txt", "zero", "null")}


def _deny(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """chmod 0, and as root (who reads anything) make the kernel's answer EACCES anyway."""
    denied.chmod(0)
    if os.geteuid() == 0:
        real = os.scandir

        def scandir(path="."):
            if Path(path) == denied:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)


def test_permission_denied_directory(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "secret.txt").write_text(GOOD.replace("Berlin", "Paris"), encoding="utf-8")
    _deny(monkeypatch, locked)
    try:
        report = import_paths(library, [tmp_path])
    finally:
        locked.chmod(0o755)
    assert _titles(library, report) == {"Tesla opens Berlin hub"}
    assert _skips(report) == {"locked": "unreadable: Permission denied"}


def test_file_names_that_are_not_utf8(library: Library, tmp_path: Path) -> None:
    root = os.fsencode(tmp_path)
    with open(root + b"/caf\xe9.txt", "wb") as f:  # Latin-1 name
        f.write(GOOD.encode())
    os.mkdir(root + b"/\xff\xfe dir")
    with open(root + b"/\xff\xfe dir/\xd0.md", "wb") as f:  # a cut UTF-8 sequence
        f.write(b"# Electric buses for Kazan\n\nKAMAZ will deliver 50 electric buses to Kazan.\n")
    with open(root + b"/bad\x80name.pdf", "wb") as f:
        f.write(b"%PDF-1.4")
    report = import_paths(library, [tmp_path])
    paths = sorted(library.get(i).path for i in report.added)
    assert paths == [f"{tmp_path}/\\xff\\xfe dir/\\xd0.md", f"{tmp_path}/caf\\xe9.txt"]
    assert [s.message() for s in report.skipped] == [f"{tmp_path}/bad\\x80name.pdf: unknown format ('.pdf' files are not articles)"]


def test_read_bytes_of_a_ten_megabyte_article_is_within_the_default_limit(tmp_path: Path) -> None:
    from tui.core.ingest import DEFAULT_MAX_BYTES, read_path
    from tui.fuzz.hostile import big_article

    (tmp_path / "big.txt").write_text(big_article(), encoding="utf-8")
    assert (tmp_path / "big.txt").stat().st_size >= 10_000_000 and DEFAULT_MAX_BYTES >= 10_000_000
    (article,) = read_path(tmp_path / "big.txt")
    assert article.text.startswith("Big article") and len(article.text.encode()) >= 10_000_000
    assert [s.reason for s in read_path(tmp_path / "big.txt", max_bytes=1_000_000)] == ["too large"]


def test_a_single_bad_entry_in_bytes_never_raises() -> None:
    for data in (b"", b"\x00", b"\xff" * 10, b"<", b"{", b"<?xml", b"<rss><item>", b"<html>", b"\xef\xbb\xbf"):
        for fmt in (None, "text", "markdown", "html", "jsonl", "feed"):
            assert all(item.path.startswith("x") for item in read_bytes(data, "x", fmt))


def test_size_limit_is_set_on_the_command_line(cli, tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(GOOD + "Tesla opened more chargers. " * 8000, encoding="utf-8")
    (tmp_path / "small.txt").write_text(GOOD.replace("Berlin", "Oslo"), encoding="utf-8")
    code, out, _ = cli("add", "--max-size", "0.1", str(tmp_path))
    assert code == 0 and "1 new" in out and "big.txt: too large (0.2 MB, limit 0.1 MB)" in out
    assert cli("add", "--max-size", "0", str(tmp_path))[0] == 2
