"""The feed commands: feeds add/list/remove/import/export and refresh, their output, JSON and
exit codes, against a real server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.feedserver import FeedServer, only_localhost_fixture, server_fixture  # noqa: F401 (fixtures)


@pytest.fixture
def feeds(server: FeedServer) -> dict[str, str]:
    server.serve("/pages/lumen-megawatt.html", server.fixture("lumen-megawatt.html", "text/html; charset=utf-8"))
    return {
        "volt": server.serve("/volt.rss", server.fixture("volt-wire.rss", "application/rss+xml")),
        "notes": server.serve("/notes.rss", server.fixture("summaries.rss", "application/rss+xml")),
        "gone": server.url("/gone.rss"),
    }


def test_add_list_and_remove(cli, feeds: dict[str, str]) -> None:
    code, out, _ = cli("feeds", "add", feeds["volt"], "--name", "Volt [b]Wire", "--tag", "ev", "--tag", "en")
    assert code == 0 and out.startswith("Subscribed to #1 Volt [b]Wire") and "evnews-tui refresh" in out
    code, out, _ = cli("feeds", "add", feeds["volt"], "--json")
    assert code == 0 and json.loads(out)["created"] is False
    code, out, _ = cli("feeds", "list", "--json")
    [feed] = json.loads(out)
    assert (feed["id"], feed["name"], feed["tags"], feed["articles"], feed["last_fetched"]) == (1, "Volt [b]Wire", ["ev", "en"], 0, None)
    code, out, _ = cli("feeds", "list")
    assert code == 0 and out.split("\t")[:4] == ["1", "Volt [b]Wire", feeds["volt"], "ev,en"]
    code, out, _ = cli("feeds", "remove", feeds["volt"])
    assert code == 0 and "Removed #1 Volt [b]Wire; its 0 articles stay in the library" in out
    assert json.loads(cli("feeds", "list", "--json")[1]) == []


def test_bad_urls_and_unknown_feeds_are_one_line_errors(cli) -> None:
    code, out, err = cli("feeds", "add", "ftp://volt.example/feed")
    assert code == 2 and out == "" and err == "evnews-tui: error: only http and https feeds are supported, not ftp:\n"
    code, _, err = cli("feeds", "remove", "42")
    assert code == 1 and err.count("\n") == 1 and "no feed matches '42'" in err
    code, _, err = cli("refresh", "nothing-like-this")
    assert code == 1 and "no feed matches 'nothing-like-this'" in err
    code, _, err = cli("feeds")
    assert code == 2 and "usage" in err


def test_refresh_summary_lists_new_articles_and_errors_per_feed(cli, feeds: dict[str, str]) -> None:
    for name in ("volt", "notes", "gone"):
        assert cli("feeds", "add", feeds[name])[0] == 0
    code, out, err = cli("refresh")
    lines = out.splitlines()
    assert code == 1 and err == "evnews-tui: error: 1 of 3 feeds failed (see above)\n"
    assert lines[0] == "Refreshed 3 feeds: 4 new articles, 0 unchanged, 0 skipped, 1 error"
    assert lines[1].split() == ["#1", "Volt", "Wire", "2", "new"]
    assert lines[2].split()[:5] == ["#2", "Charge", "Notes", "2", "new"] and "1 full text fetched" in lines[2]
    assert "kept the summary of “Aster Mobility" in lines[3] and "HTTP 404 Not Found" in lines[3]
    assert lines[4].split()[:2] == ["#3", "127.0.0.1"] and lines[4].endswith("error: HTTP 404 Not Found")
    titles = [r["title"] for r in json.loads(cli("list", "--json")[1])]
    assert "Lumen Trucks tests a megawatt charger in Arizona" in titles and len(titles) == 3 + 4
    code, out, _ = cli("refresh", "Volt Wire", "--json")
    assert code == 0 and json.loads(out)["feeds"][0]["status"] == "skipped"
    code, out, _ = cli("refresh", "1", "--force", "--json")
    report = json.loads(out)
    assert code == 0 and report["new"] == 0 and report["feeds"][0]["status"] == "updated"


def test_refresh_without_feeds_says_how_to_add_one(cli) -> None:
    code, out, err = cli("refresh")
    assert code == 0 and out == "" and "evnews-tui feeds add URL" in err


def test_export_to_stdout_and_file_then_import_elsewhere(cli, feeds: dict[str, str], tmp_path: Path) -> None:
    cli("feeds", "add", feeds["volt"], "--name", "Volt", "--tag", "ev")
    cli("feeds", "add", feeds["notes"])
    code, out, _ = cli("feeds", "export")
    assert code == 0 and out.startswith('<?xml version="1.0" encoding="UTF-8"?>') and f'xmlUrl="{feeds["volt"]}"' in out
    target = tmp_path / "subs.opml"
    code, out, _ = cli("feeds", "export", str(target))
    assert code == 0 and out.strip() == f"Exported 2 feeds to {target}" and target.read_text(encoding="utf-8") == cli("feeds", "export")[1]
    other = tmp_path / "other.sqlite3"
    code, out, _ = cli("--db", str(other), "feeds", "import", str(target))
    assert code == 0 and out.startswith(f"Imported 2 feeds from {target}: 2 new, 0 already subscribed, 0 skipped")
    code, out, _ = cli("--db", str(other), "feeds", "import", str(target), "--json")
    assert code == 0 and json.loads(out) == {"added": [], "already": [1, 2], "skipped": []}
    imported = json.loads(cli("--db", str(other), "feeds", "list", "--json")[1])
    assert [(f["url"], f["name"], f["tags"]) for f in imported] == [(feeds["volt"], "Volt", ["ev"]), (feeds["notes"], "127.0.0.1", [])]


def test_hostile_or_broken_opml_is_refused_in_one_line(cli, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                    '<opml><body><outline text="&b;" xmlUrl="https://x.example/"/></body></opml>', encoding="utf-8")
    code, out, err = cli("feeds", "import", str(bomb))
    assert code == 1 and out == "" and err.count("\n") == 1 and "refused: the file declares a DOCTYPE" in err
    code, _, err = cli("feeds", "import", str(tmp_path / "missing.opml"))
    assert code == 1 and "No such file or directory" in err
    bad = tmp_path / "bad.opml"
    bad.write_text('<opml><body><outline text="x" xmlUrl="gopher://old.example/"/></body></opml>', encoding="utf-8")
    code, out, err = cli("feeds", "import", str(bad))
    assert code == 1 and "skipped gopher://old.example/" in out and "no feed in the OPML file could be subscribed" in err
    assert json.loads(cli("feeds", "list", "--json")[1]) == []


def test_export_refuses_a_directory(cli, tmp_path: Path) -> None:
    code, _, err = cli("feeds", "export", str(tmp_path))
    assert code == 1 and "is a directory" in err


def test_help_shows_json_and_db(cli) -> None:
    for args in (("feeds", "add"), ("feeds", "list"), ("feeds", "import"), ("refresh",)):
        code, out, _ = cli(*args, "--help")
        assert code == 0 and "--json" in out and "--db" in out
    code, out, _ = cli("--help")
    assert "feeds, refresh" in out
