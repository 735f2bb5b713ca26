"""The real thing: evnews-tui in tmux, driven with send-keys, read with capture-pane."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


SOCKET = f"evnews-test-{os.getpid()}"  # a private tmux server, UTF-8, whatever else is running


def tmux(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(["tmux", "-u", "-L", SOCKET, *args], capture_output=True, text=True, env=env)


def _capture(session: str) -> str:
    return tmux("capture-pane", "-p", "-t", session).stdout


def _wait_for(session: str, text: str, timeout: float = 30) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = _capture(session)
        if text in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def test_launch_search_open_and_quit(tmp_path: Path) -> None:
    session = f"evnews-test-{os.getpid()}"
    db = tmp_path / "library.sqlite3"
    command = f"LANG=C.UTF-8 EVNEWS_DB={db} {sys.executable} -m tui; echo EXITED; sleep 5"
    assert tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "35", command).returncode == 0
    try:
        screen = _wait_for(session, "3 articles · EN 2 · RU 1", timeout=120)  # first launch seeds the library
        assert "Vedomosti" in screen and "KAMAZ Announces" in screen
        tmux("send-keys", "-t", session, "/")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "-l", "Москвич")
        screen = _wait_for(session, "showing 2")
        assert "В Казахстане" not in screen.split("showing 2", 1)[1]
        tmux("send-keys", "-t", session, "Enter", "Enter")  # typed fast: to the list, then open
        screen = _wait_for(session, "RB · Anastasia Mariana")
        tmux("send-keys", "-t", session, "q")
        _wait_for(session, "EXITED")
    finally:
        tmux("kill-server")


def _wait_for_results(session: str, query: str) -> str:
    """The screen once the header shows the results for ``query`` (not "searching…")."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        screen = _capture(session)
        if any("showing" in line and f"“{query}”" in line for line in screen.splitlines()):
            return screen
        time.sleep(0.2)
    raise AssertionError(f"the results for {query!r} never appeared:\n{screen}")


def _list_rows(screen: str) -> list[str]:
    """The article list's rows as drawn: the left column of lines with a language badge."""
    column = [line.split("▎", 1)[0] for line in screen.splitlines()]
    return [row.strip() for row in column if re.match(r"[●★ ]{2}[ \d-]{8} (EN|RU) ", row)]


def test_refined_search_leaves_no_stale_rows(tmp_path: Path) -> None:
    """The list repaints only the lines that change between keys: what the terminal shows
    must still be exactly the current results, with no row left over from an earlier key."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for title in ("Alpha battery plant opens in Zorblat", "Alpha battery recall widens", "Alpha charging network grows"):
        (inbox / f"{title[:20]}.txt").write_text(f"{title}\n\n{title}. The company said the work goes on as planned.\n")
    db = tmp_path / "library.sqlite3"
    env = {**os.environ, "EVNEWS_DB": str(db)}
    subprocess.run([sys.executable, "-m", "tui", "add", str(inbox)], check=True, env=env, capture_output=True)
    session = f"evnews-refine-{os.getpid()}"
    command = f"LANG=C.UTF-8 EVNEWS_DB={db} {sys.executable} -m tui; echo EXITED; sleep 5"
    assert tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "35", command).returncode == 0
    try:
        assert len(_list_rows(_wait_for(session, "showing 6", timeout=120))) == 6
        tmux("send-keys", "-t", session, "/")
        time.sleep(0.3)
        tmux("send-keys", "-t", session, "-l", "alpha")
        rows = _list_rows(_wait_for_results(session, "alpha"))
        assert len(rows) == 3 and "Alpha charging network" in rows[0], rows
        tmux("send-keys", "-t", session, "-l", " recall")  # the same rows, another order
        rows = _list_rows(_wait_for_results(session, "alpha recall"))
        assert len(rows) == 3 and "Alpha battery recall" in rows[0] and "Alpha charging network" in rows[1], rows
        tmux("send-keys", "-t", session, *["BSpace"] * len("alpha recall"))
        assert len(_list_rows(_wait_for(session, "showing 6"))) == 6
        tmux("send-keys", "-t", session, "-l", "zorblat")
        rows = _list_rows(_wait_for_results(session, "zorblat"))
        assert len(rows) == 1 and "Alpha battery plant" in rows[0], rows
        tmux("send-keys", "-t", session, "Escape")
        rows = _list_rows(_wait_for(session, "showing 6"))
        assert len(rows) == 6 and any("KAMAZ Announces" in row for row in rows), rows
        tmux("send-keys", "-t", session, "q")
        _wait_for(session, "EXITED")
    finally:
        tmux("kill-server")
