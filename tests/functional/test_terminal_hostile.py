"""Hostile articles in a real terminal (tmux): markup shows literally, and the escape sequences in
the articles never reach the terminal: the window title is not set (OSC 0/2) and nothing is
written to the clipboard (OSC 52), though tmux is told to allow both."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hostile_library import build

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
SOCKET = f"evnews-hostile-{os.getpid()}"


def tmux(*args: str, socket: str = SOCKET) -> subprocess.CompletedProcess:
    env = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(["tmux", "-u", "-L", socket, *args], capture_output=True, text=True, env=env)


def allow_title_and_clipboard(socket: str = SOCKET) -> None:
    for option in (("set-clipboard", "on"), ("allow-rename", "on")):
        tmux("set-option", "-g", *option, socket=socket)


def test_the_terminal_would_show_an_attack() -> None:
    """The control: raw OSC 52 and OSC 2 from a program do set tmux's buffer and pane title."""
    control = SOCKET + "-control"
    tmux("new-session", "-d", "-s", "c", "sleep 0.5; printf '\\033]52;c;cHduZWQ=\\a\\033]2;pwned\\a'; sleep 5", socket=control)
    try:
        allow_title_and_clipboard(control)
        time.sleep(2)
        assert tmux("display-message", "-p", "-t", "c", "#{pane_title}", socket=control).stdout.strip() == "pwned"
        assert "pwned" in tmux("list-buffers", socket=control).stdout
    finally:
        tmux("kill-server", socket=control)


def wait_for(session: str, text: str, timeout: float = 60) -> str:
    deadline, screen = time.monotonic() + timeout, ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session).stdout
        if text in screen:
            return screen
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared on screen:\n{screen}")


def test_hostile_articles_in_tmux(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite3"
    build(db, tmp_path / "inbox", giant=False).close()
    session = "hostile"
    command = f"LANG=C.UTF-8 EVNEWS_DB={db} {sys.executable} -m tui; echo EXITED; sleep 5"
    assert tmux("new-session", "-d", "-s", session, "-x", "160", "-y", "45", command).returncode == 0
    try:
        allow_title_and_clipboard()
        screens = [wait_for(session, "RSS [@click=app.quit]quit[/]")]
        titles = []
        for _ in range(6):  # open the articles in turn, from the top of the list
            tmux("send-keys", "-t", session, "1", "j", "Enter")
            time.sleep(0.8)
            screens.append(tmux("capture-pane", "-p", "-t", session).stdout)
            titles.append(tmux("display-message", "-p", "-t", session, "#{pane_title}").stdout)
        assert any("[@click=app.quit]quit[/]" in s and "[link=https://evil.example/x]click[/link]" in s for s in screens)
        assert not any("pwned" in t for t in titles)
        assert tmux("list-buffers").stdout.strip() == ""  # no OSC 52 clipboard write got through
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED")
    finally:
        tmux("kill-server")
