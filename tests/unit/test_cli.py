"""The CLI contract: commands, JSON fields, exit codes and one-line errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tui import __version__

LIST_FIELDS = {"id", "title", "date", "lang", "source", "author", "url", "path", "words", "encoding"}


def test_list_json_shows_the_seeds_on_a_fresh_library(cli) -> None:
    code, out, err = cli("list", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [r["title"][:20] for r in rows] == ["В Казахстане начнут ", "KAMAZ Announces a St", "Vedomosti: the devel"]
    assert all(LIST_FIELDS <= set(r) and "text" not in r for r in rows)
    assert rows[0]["date"] == "2024-03-29" and rows[0]["lang"] == "ru" and rows[2]["source"] == "RB"


def test_list_filters_by_language(cli) -> None:
    code, out, _ = cli("list", "--lang", "ru", "--json")
    assert code == 0 and [r["lang"] for r in json.loads(out)] == ["ru"]


def test_list_plain_output_is_one_tab_separated_line_per_article(cli) -> None:
    code, out, _ = cli("list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[0].split("\t")[2:5] == ["2024-03-29", "ru", "-"]


def test_show_cleaned_raw_and_json(cli) -> None:
    rows = json.loads(cli("list", "--json")[1])
    kama = next(r for r in rows if r["source"] == "RB")
    code, out, _ = cli("show", str(kama["id"]))
    assert code == 0 and out.startswith(kama["title"]) and "LEAVE A REPLY" not in out
    assert "Anastasia Mariana" in out.splitlines()[1]
    code, out, _ = cli("show", str(kama["id"]), "--raw")
    assert code == 0 and "LEAVE A REPLY" in out
    code, out, _ = cli("show", str(kama["id"]), "--json")
    data = json.loads(out)
    assert LIST_FIELDS | {"text"} <= set(data) and data["text"].startswith("The development of the Kama startup")


def test_show_unknown_id_is_one_line_error(cli) -> None:
    code, out, err = cli("show", "4242")
    assert code == 1 and out == "" and err.count("\n") == 1 and "no article with id 4242" in err


def test_add_reports_and_exit_codes(cli, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Tesla opens Berlin hub\n\nTesla opened a charging hub.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, _ = cli("add", str(good), str(empty), "--json")
    report = json.loads(out)
    assert code == 0 and len(report["added"]) == 1 and report["skipped"][0]["reason"] == "empty"
    code, out, _ = cli("add", str(good))
    assert code == 0 and "1 duplicate" in out  # already present still counts as success
    code, _, err = cli("add", str(empty))
    assert code == 1 and "nothing was imported" in err
    code, _, err = cli("add")
    assert code == 2 and "usage" in err


def test_add_prints_skips_with_reasons(cli, tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(b"\x00\x01")
    (tmp_path / "ok.txt").write_text("Title\n\nBody text here.\n", encoding="utf-8")
    code, out, _ = cli("add", str(tmp_path))
    assert code == 0
    assert "Imported 1 article from 2 files: 1 new" in out
    assert f"skipped {tmp_path / 'x.bin'}: unknown format" in out


def test_version_and_help(cli) -> None:
    code, out, _ = cli("--version")
    assert code == 0 and out.strip() == f"evnews-tui {__version__}"
    for command in ("add", "list", "show"):
        code, out, _ = cli(command, "--help")
        assert code == 0 and "--json" in out and "--db" in out


def test_db_flag_beats_environment(cli, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.sqlite3"
    code, _, _ = cli("--db", str(other), "list")
    assert code == 0 and other.exists()
    code, _, _ = cli("list", "--db", str(other), "--json")
    assert code == 0


def test_a_file_that_is_not_a_library_is_refused_and_left_alone(cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a database\n" * 100, encoding="utf-8")
    before = notes.read_bytes()
    code, out, err = cli("--db", str(notes), "list")
    assert code == 1 and out == "" and err.count("\n") == 1 and "not an evnews-tui library" in err
    assert notes.read_bytes() == before


def test_another_programs_database_is_refused(cli, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    before = other.read_bytes()
    code, _, err = cli("--db", str(other), "list")
    assert code == 1 and "another program's database" in err
    assert other.read_bytes() == before


@pytest.mark.parametrize("title", ["[bold red]gotcha[/]", "\x1b]52;c;cGF5bG9hZA==\x07clip", "\x1b[2J\x1b[31mred"])
def test_hostile_titles_print_literally_without_escapes(cli, tmp_path: Path, title: str) -> None:
    (tmp_path / "h.jsonl").write_text(json.dumps({"title": title, "text": "Body of the article."}) + "\n", encoding="utf-8")
    assert cli("add", str(tmp_path / "h.jsonl"))[0] == 0
    code, out, _ = cli("list")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    if title.startswith("["):
        assert "[bold red]gotcha[/]" in out


def test_launch_imports_paths_then_opens_the_app(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.app

    opened: list[Path] = []
    monkeypatch.setattr(tui.app.EvNewsApp, "run", lambda self: opened.append(self.db_path))
    note = tmp_path / "note.txt"
    note.write_text("Evolute opens a dealer in Kazan\n\nEvolute opened its first dealer in Kazan.\n", encoding="utf-8")
    code, out, _ = cli(str(note))
    assert code == 0 and "1 new" in out and len(opened) == 1
    titles = [r["title"] for r in json.loads(cli("--db", str(opened[0]), "list", "--json")[1])]
    assert "Evolute opens a dealer in Kazan" in titles and len(titles) == 4
