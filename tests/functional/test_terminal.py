"""The real thing: evnews-tui in tmux, driven with send-keys, read with capture-pane."""

from __future__ import annotations

import os
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
