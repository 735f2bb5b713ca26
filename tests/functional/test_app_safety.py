"""The app on a library it cannot use (reported, never overwritten), and the app open while
``evnews-tui add`` imports into the same library from another process."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.functional.conftest import settle
from tests.inbox import evnews, write_inbox
from tui.app import EvNewsApp
from tui.core.importer import import_paths
from tui.core.store import Library
from tui.widgets.article_list import ArticleList

MESSAGES = {"notes": "is not an evnews-tui library", "truncated": "is damaged", "foreign": "is not an evnews-tui library"}


def _unusable(kind: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{kind}.sqlite3"
    if kind == "notes":
        path.write_text("my notes, not a library\n", encoding="utf-8")
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        conn.commit()
        conn.close()
    else:
        good = tmp_path / "good.sqlite3"
        with Library.open(good) as library:
            import_paths(library, [write_inbox(tmp_path / "inbox", 30)], workers=1, entities=False)
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return path


@pytest.mark.parametrize("kind", MESSAGES)
async def test_the_app_reports_it_and_never_overwrites_it(kind: str, tmp_path: Path) -> None:
    path = _unusable(kind, tmp_path)
    before = path.read_bytes()
    app = EvNewsApp(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "r", "asterisk", "slash", *"kamaz", "enter")
        await settle(pilot)
        assert any(MESSAGES[kind] in str(n.message) for n in app._notifications)
        assert app.is_running
    assert path.read_bytes() == before


async def test_the_app_stays_usable_while_another_process_imports(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    with Library.open(db) as library:
        library.set_meta("seeded", "1")
        import_paths(library, [write_inbox(tmp_path / "first", 10)], workers=1)
    inbox = write_inbox(tmp_path / "second", 24)
    for path in inbox.iterdir():
        path.write_text(path.read_text(encoding="utf-8").replace(" report ", " update "), encoding="utf-8")
    importer = evnews("--db", str(db), "add", str(inbox))
    app = EvNewsApp(db)
    starred: set[int] = set()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        rounds = 0
        while importer.poll() is None or rounds < 3:
            rounds += 1
            await pilot.press("1", "j", "enter", "asterisk")  # open (marks read) and star: writes
            await settle(pilot)
            row = article_list.current
            if row.id in starred:
                starred.discard(row.id)
            else:
                starred.add(row.id)
            await pilot.press("slash", *"tesla", "enter")
            await pilot.pause(0.2)
            await settle(pilot)
            await pilot.press("slash", "escape")  # back to the whole library: reloaded from the file
            await settle(pilot)
        _, err = importer.communicate()
        assert importer.returncode == 0 and "locked" not in err, err
        await pilot.press("slash", *"x", "escape")  # once more, now that the import is over
        await settle(pilot)
        assert not [n for n in app._notifications if n.severity == "error"]
        assert len(article_list.rows) == 34  # the other process's articles are listed
    with Library.open(db) as library:
        assert {a.id for a in library.list_articles() if a.starred} == starred  # every star the app set is there


async def test_the_app_opens_no_connection(seeded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[1:2]))
        raise OSError(101, "Network is unreachable (blocked by the test)")

    for owner, name in ((socket.socket, "connect"), (socket.socket, "connect_ex"), (socket.socket, "sendto"),
                        (socket, "getaddrinfo"), (socket, "create_connection")):
        monkeypatch.setattr(owner, name, refuse)
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter", "3", "enter", "d", "escape", "slash", *"moskvich", "enter", "enter", "asterisk")
        await settle(pilot)
        await pilot.press("question_mark", "escape", "x", "l", "s")
        await settle(pilot)
    assert attempts == []
