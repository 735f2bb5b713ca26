"""``a`` (add files) and the first launch's seeding, as a reader sees them: a path prompt,
a progress bar, a summary notification, and the list refreshed with the new articles."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.functional.conftest import settle
from tui.app import EvNewsApp
from tui.core.store import Library
from tui.screens import import_actions
from tui.screens.add_files import AddFilesScreen, PathSuggester
from tui.widgets.article_list import ArticleList
from tui.widgets.import_progress import ImportProgress

ARTICLES = {
    "volta.txt": "Volta Trucks Restarts Production in Sweden\n\nVolta Trucks said on Monday that production of its "
                 "electric Volta Zero truck will restart at its plant in Steyr after the company found a new investor. "
                 "The carmaker plans to deliver the first trucks to customers in London and Paris next spring.",
    "ladoga.txt": "Ладога запускает сборку электробусов\n\nЗавод «Ладога» в Ленинградской области начал сборку "
                  "электробусов для Санкт-Петербурга. Первые машины получат городские перевозчики до конца года, "
                  "сообщили в пресс-службе предприятия.",
}


def titles(app) -> list[str]:
    return [row.title for row in app.screen.query_one(ArticleList).rows]


def toasts(app) -> str:
    """Every notification shown so far, title and message."""
    return " ".join(f"{n.title} {n.message}" for n in app._notifications)


async def add(pilot, app, folder: Path) -> None:
    """``a``, the folder typed into the prompt, Enter."""
    await pilot.press("a")
    assert isinstance(app.screen, AddFilesScreen)
    app.screen.query_one(Input).value = str(folder)
    await pilot.press("enter")


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Holds each import until the test opens the gate (the real import then runs)."""
    opened = threading.Event()
    real = import_actions.import_paths

    def gated(*args, **kwargs):
        opened.wait(30)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_actions, "import_paths", gated)
    return opened


def _news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "notes.bin").write_bytes(b"\x00\x01\x02binary")
    return folder


async def test_add_a_folder_lists_its_articles(seeded_db: Path, tmp_path: Path, gate: threading.Event) -> None:
    folder = _news(tmp_path)
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await add(pilot, app, folder)
        await pilot.pause()
        assert "Importing news" in str(app.screen.query_one("#import-label").render())
        await pilot.press("j", "k", "l")  # the list stays usable meanwhile
        await pilot.pause()
        assert len(titles(app)) == 2  # English only
        await pilot.press("l", "l")
        gate.set()
        await settle(pilot)
        assert not app.screen.query(ImportProgress)
        assert len(titles(app)) == 5
        assert {"Volta Trucks Restarts Production in Sweden", "Ладога запускает сборку электробусов"} <= set(titles(app))
        assert "5 articles" in str(app.screen.query_one("#status").render())
        summary = toasts(app)
        assert "2 new, 0 duplicates, 1 skipped" in summary and "notes.bin" in summary
        await add(pilot, app, folder)  # the same folder again: nothing new, and it says so
        await settle(pilot)
        assert len(titles(app)) == 5 and "0 new, 2 duplicates" in toasts(app)


async def test_esc_cancels_an_import(seeded_db: Path, tmp_path: Path, gate: threading.Event) -> None:
    folder = _news(tmp_path)
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(pilot)
        await add(pilot, app, folder)
        await pilot.pause()
        await pilot.press("escape")
        gate.set()
        await settle(pilot)
        assert "Import cancelled" in toasts(app) and not app.screen.query(ImportProgress)
        assert len(titles(app)) == 3
        await pilot.press("escape")  # nothing to cancel now: no error
        await settle(pilot)
        assert app.is_running


async def test_a_missing_path_is_reported_and_changes_nothing(seeded_db: Path, tmp_path: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = titles(app)
        await pilot.press("a", *"~/no-such-folder-evnews", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AddFilesScreen)  # still open, to fix the path
        assert "No such file or folder" in toasts(app) and "no-such-folder-evnews" in toasts(app)
        assert "~" not in str(app.screen.query_one("#add-error").render())  # shown expanded
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, AddFilesScreen) and titles(app) == before
    with Library.open(seeded_db) as library:
        assert library.count() == 3


async def test_path_completion(tmp_path: Path) -> None:
    (tmp_path / "ev-news").mkdir()
    (tmp_path / "ev-notes.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    suggester = PathSuggester()
    assert await suggester.get_suggestion(f"{tmp_path}/ev-ne") == f"{tmp_path}/ev-news/"
    assert await suggester.get_suggestion(f"{tmp_path}/ev-no") == f"{tmp_path}/ev-notes.txt"
    assert await suggester.get_suggestion(f"{tmp_path}/") == f"{tmp_path}/ev-news/"  # hidden ones only after a dot
    assert await suggester.get_suggestion(f"{tmp_path}/zz") is None
    home = Path.home()
    first = sorted((p for p in home.iterdir() if not p.name.startswith(".")), key=lambda p: (p.name.casefold(), p.name))
    if first:
        assert (await suggester.get_suggestion("~/")).startswith("~/" + first[0].name)


async def test_first_launch_is_on_screen_while_the_bundled_articles_import(tmp_path: Path, gate: threading.Event) -> None:
    db = tmp_path / "new.sqlite3"
    Library.open(db).close()  # what the launcher creates: an empty library, never seeded
    app = EvNewsApp(db)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        assert app.screen.query(ImportProgress) and "bundled" in str(app.screen.query_one("#import-label").render())
        assert len(titles(app)) == 0
        assert "Importing the bundled articles" in str(app.screen.query_one(ArticleList).render_line(1).text)
        await pilot.press("j", "slash", "k", "escape", "l", "l", "l")  # usable meanwhile
        gate.set()
        await settle(pilot)
        assert len(titles(app)) == 3 and not app.screen.query(ImportProgress)
    with Library.open(db) as library:
        assert library.get_meta("seeded") == "1"
