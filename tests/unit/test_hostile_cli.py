"""Hostile article text through every CLI command: shown literally, nothing acts on the terminal.

Each command runs twice: piped (plain text) and as if on a colour terminal (Rich styles on), where
the only escape sequences allowed in the output are the colours the CLI itself chose.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile_library import ENTITY, ONE_LINE_TITLE, UNSAFE, big_article, build
from tui.cli import main
from tui.core.store import Library
from tui.fuzz import hostile

SGR = re.compile(r"\x1b\[[0-9;]*m")
LITERALS = ["[bold]bold?[/bold]", "[link=https://evil.example/x]click[/link]", "[@click=app.quit]quit[/]", "电动汽车 比亚迪"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    build(root / "library.sqlite3", root / "inbox").close()
    return root / "library.sqlite3"


@pytest.fixture(params=["piped", "terminal"])
def run(request, db: Path, capsys, monkeypatch) -> Callable[..., str]:
    """``run(*args)``: the CLI's stdout for ``evnews-tui --db DB ARGS`` (asserting exit code 0)."""
    monkeypatch.setenv("COLUMNS", "200")
    if request.param == "terminal":
        monkeypatch.setenv("FORCE_COLOR", "1")
    else:
        monkeypatch.delenv("FORCE_COLOR", raising=False)
        monkeypatch.setenv("NO_COLOR", "1")

    def invoke(*args: str, library: Path = db) -> str:
        assert main(["--db", str(library), *args]) == 0
        out, err = capsys.readouterr()
        if request.param == "terminal" and "--json" not in args:
            assert "\x1b[" in out  # styles really were on
        for stream in (out, err):
            leftover = SGR.sub("", stream)
            assert not UNSAFE.search(leftover), repr(UNSAFE.search(leftover))
        return SGR.sub("", out)

    return invoke


def _ids(db: Path) -> dict[str, int]:
    with Library.open(db) as library:
        return {a.path.rsplit("/", 1)[-1]: a.id for a in library.list_articles()}  # "hostile.jsonl:1", "hostile.rss#1"


def test_list_shows_markup_literally(run) -> None:
    out = run("list")
    flat = " ".join(out.split())
    for literal in ("[bold]bold?[/bold]", "[@click=app.quit]quit[/]", "RSS [@click=app.quit]quit[/]", "[red]Src[/red]", ONE_LINE_TITLE):
        assert literal in flat
    assert "pwned title" not in out


def test_show_every_article(run, db: Path) -> None:
    ids = _ids(db)
    text = " ".join(run("show", str(ids["hostile.txt"])).split())
    for literal in [*LITERALS, "abcdefghijkl", "admin// evil x zerowidth", "algo"]:
        assert literal in text
    for payload in hostile.INVISIBLE:
        assert payload not in text
    jsonl = run("show", str(ids["hostile.jsonl:1"]))
    assert "[link=https://evil.example]Eve[/link]" in jsonl and "lone \ufffd surrogate" in jsonl
    html = run("show", str(ids["hostile.html"]))
    assert "HTML [bold]page[/bold] red" in html and "[link=https://evil.example]click[/link]" in html
    assert "ZWNobyBwd25lZA==" not in html
    assert "[bold]not bold[/bold]" in run("show", str(ids["hostile.rss#1"]))
    raw = run("show", "--raw", str(ids["hostile.txt"]))
    assert "[@click=app.quit]quit[/]" in raw and "ZWNobyBwd25lZA==" not in raw


def test_one_megabyte_line_prints_whole(run, db: Path) -> None:
    out = run("show", str(_ids(db)["oneline.txt"]))
    assert out.count("Tesla [bold]Berlin[/] KAMAZ Moscow") > 15_000


def test_json_keeps_the_data_and_escapes_the_rest(run, db: Path) -> None:
    ids = _ids(db)
    listed = json.loads(run("list", "--json"))
    with Library.open(db) as library:
        stored = {a.id: a for a in library.list_articles()}
        shown = json.loads(run("show", "--json", str(ids["hostile.jsonl:1"])))
        assert shown["text"] == library.get(ids["hostile.jsonl:1"]).text
    assert {a["id"]: a["title"] for a in listed} == {i: a.title for i, a in stored.items()}
    raw = json.loads(run("show", "--json", "--raw", str(ids["hostile.txt"])))
    assert "\x1b]52;c;" in raw["text"]  # the original, byte for byte, as JSON escapes only
    hits = json.loads(run("search", "--json", "Tesla"))
    assert hits and all("\x1b" not in h["snippet"] for h in hits)
    names = [e["name"] for e in json.loads(run("entities", "--json"))]
    assert any(n.startswith("[bold]Evil[/bold] Motors") for n in names)


def test_search_results_and_hostile_queries(run) -> None:
    out = run("search", "Tesla", "--limit", "20")
    assert "RSS [@click=app.quit]quit[/]" in out and "[bold]not bold[/bold]" in out
    for query in ('[bold] "\x1b[31m" entity:[@click=app.quit]', "\x1b]52;c;ZXZpbA==\x07", "[link=x]y[/link] -[/]", "\u202e" * 50):
        out = run("search", query)
        assert "ZXZpbA==" not in out


def test_entities_table(run) -> None:
    out = " ".join(run("entities").split())
    assert "[bold]Evil[/bold] Motors" in out and "[@click=app.quit]x[/]" in out
    assert "Злые Моторс" in out and "ZXZpbA==" not in out
    assert ENTITY.startswith("[bold]Evil")


def test_hostile_file_names_in_the_import_report(run, tmp_path: Path) -> None:
    inbox, db = tmp_path / "inbox", tmp_path / "own.sqlite3"
    inbox.mkdir()
    (inbox / "x\x1b[2J\x1b]0;pwned title\x07[bold]y.bin").write_bytes(b"\x00\x01")
    (inbox / "ok [@click=app.quit]\x9b2J.txt").write_text("Tesla opens a hub\n\nTesla opened a hub in Riga.", encoding="utf-8")
    out = run("add", str(inbox), library=db)
    assert "1 new" in out and "[bold]y.bin: unknown format" in out and "pwned title" not in out
    out = run("add", "--json", str(inbox), library=db)
    assert json.loads(out)["skipped"][0]["path"].endswith("\x1b]0;pwned title\x07[bold]y.bin")


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("big") / "big.sqlite3"
    with Library.open(db) as library:
        big_article(library)
    return db


def test_ten_megabyte_article(run, big_db: Path) -> None:
    out = run("show", "1", library=big_db)
    assert len(out.encode()) > 9_900_000 and out.rstrip().endswith("КАМАЗ начал выпуск электробусов для Москвы.")
    assert "Big article" in run("list", library=big_db)
