"""Hostile article text in the app: the list, reader, sidebar and details show it literally,
and the bytes the app would send to the terminal hold nothing but its own colours and cursor moves."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from tests.functional.conftest import settle
from tests.hostile_library import ONE_LINE_TITLE, UNSAFE, big_article, build
from tui.app import EvNewsApp
from tui.core.store import Library
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader

SIZE = (200, 50)
# What Textual itself writes: colours/attributes (SGR) and cursor positioning.
OWN_SEQUENCES = re.compile(r"\x1b\[[0-9;]*m|\x1b\[\d+;\d+H")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-app")
    build(root / "library.sqlite3", root / "inbox").close()
    return root / "library.sqlite3"


def terminal_output(app) -> str:
    """The whole screen as the escape sequences a terminal would receive."""
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=SIZE[0], height=SIZE[1])
    console.print(app.screen._compositor.render_update(full=True), end="")
    return console.file.getvalue()


def assert_terminal_safe(app) -> None:
    leftover = OWN_SEQUENCES.sub("", terminal_output(app))
    assert not UNSAFE.search(leftover.replace("\n", "")), repr(UNSAFE.search(leftover.replace("\n", "")))


def seen(app, widget) -> str:
    """The text a user sees in ``widget``'s part of the screen, lines joined, spaces collapsed."""
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return " ".join(" ".join(strip.crop(region.x, region.right).text for strip in strips).split())


async def open_row(pilot, title_start: str) -> None:
    rows = pilot.app.screen.query_one(ArticleList).rows
    index = next(i for i, r in enumerate(rows) if r.title.startswith(title_start))
    await pilot.press("1", "g", *["j"] * index, "enter")
    await settle(pilot)


async def test_list_reader_and_sidebar_show_it_literally(db: Path) -> None:
    app = EvNewsApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        listed = seen(app, article_list)
        assert "[bold]bold?[/bold]" in listed and "RSS [@click=app.quit]quit[/]" in listed and ONE_LINE_TITLE in listed
        assert "pwned title" not in listed
        assert_terminal_safe(app)

        await open_row(pilot, "markup:")  # the plain-text file
        reader = seen(app, app.screen.query_one(Reader))
        for literal in ("[bold]bold?[/bold]", "[@click=app.quit]quit[/]", "[link=https://evil.example/x]click[/link]",
                        "abcdefghijkl", "admin// evil x zerowidth", "algo", "电动汽车 比亚迪"):
            assert literal in reader
        assert "ZWNobyBwd25lZA==" not in reader
        assert_terminal_safe(app)
        await pilot.press("c")  # the original text, made safe the same way
        await settle(pilot)
        assert "[@click=app.quit]quit[/]" in seen(app, app.screen.query_one(Reader))
        assert_terminal_safe(app)
        await pilot.press("c")

        await open_row(pilot, "HTML")
        assert "HTML [bold]page[/bold] red" in seen(app, app.screen.query_one(Reader))
        sidebar = seen(app, app.screen.query_one(EntitySidebar))
        assert "[bold]Evil[/bold] Motors" in sidebar and "ZXZpbA==" not in sidebar
        assert_terminal_safe(app)
        assert app.is_running  # no [@click=app.quit] ran


async def test_entity_details_and_hostile_search(db: Path) -> None:
    app = EvNewsApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_row(pilot, "HTML")
        await pilot.press("3", "slash", *"evil", "enter", "d")
        await settle(pilot)
        details = seen(app, app.screen)
        assert "[bold]Evil[/bold] Motors" in details and "Злые Моторс" in details
        assert_terminal_safe(app)
        await pilot.press("escape", "slash", *'[bold]tesla "[@click=app.quit]" -[/]')
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.screen.query_one(ArticleList).rows  # searched, showed results, still running
        assert_terminal_safe(app)
        assert app.is_running


async def test_only_web_links_are_opened(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    app = EvNewsApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_row(pilot, "Local link")
        await pilot.press("o")
        await pilot.pause()
        assert opened == [] and any("not a web link" in str(n.message) for n in app._notifications)
        await open_row(pilot, "JSONL")
        await pilot.press("o")
        assert opened == ["https://evil.example/"]


async def test_one_megabyte_line_and_ten_megabyte_article(db: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.sqlite3"
    with Library.open(big) as library:
        big_article(library)
    app = EvNewsApp(big)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert seen(app, reader).startswith("Big article")
        await pilot.press("2", "G")
        await settle(pilot)
        note = seen(app, reader)
        assert "not shown here" in note and "'evnews-tui show" in note
        assert_terminal_safe(app)
    app = EvNewsApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_row(pilot, ONE_LINE_TITLE)
        await pilot.press("2", "G")
        await settle(pilot)
        assert "paragraph ('evnews-tui show" in seen(app, app.screen.query_one(Reader))  # one cut paragraph
        assert_terminal_safe(app)

