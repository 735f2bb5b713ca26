"""Nothing leaves the machine except the feed refreshes a user asks for: every other command runs
with network access cut off (connects, DNS look-ups and datagrams all refused and recorded)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.fuzz.hostile import hostile_article

REMOTE = "http://198.51.100.7"  # TEST-NET-2: never a real host


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every attempt to reach another machine, refused."""
    seen: list[str] = []

    def refuse(what: str):
        def blocked(*args, **kwargs):
            seen.append(f"{what} {args[1:2] or args[:1]}")
            raise OSError(101, "Network is unreachable (blocked by the privacy test)")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    yield seen


def _inbox(tmp_path: Path) -> Path:
    """Files that name remote resources: images, stylesheets, DTDs, external entities, links."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "hostile.txt").write_text(hostile_article(), encoding="utf-8")
    (folder / "remote.html").write_text(
        f'<!doctype html><html><head><link rel="stylesheet" href="{REMOTE}/s.css"><script src="{REMOTE}/a.js"></script>'
        f'<meta http-equiv="refresh" content="0; url={REMOTE}/"><title>Remote page</title></head><body><article>'
        f'<img src="{REMOTE}/pixel.gif"><iframe src="{REMOTE}/frame"></iframe>'
        "<p>BYD opened a plant in Hungary on Monday, the company said in a statement on its website.</p>"
        f'<p>The plant will build <a href="{REMOTE}/dolphin">electric cars</a> for the European market.</p>'
        "</article></body></html>", encoding="utf-8")
    (folder / "remote.rss").write_text(
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{REMOTE}/rss.dtd">'
        f'<rss version="2.0" xmlns:xi="http://www.w3.org/2001/XInclude"><channel><title>T</title><link>{REMOTE}/</link>'
        f'<item><title>Geely expands</title><link>{REMOTE}/1</link><enclosure url="{REMOTE}/a.mp3" type="audio/mpeg"/>'
        f'<description>&lt;img src="{REMOTE}/x.png"&gt;Geely opened a dealer in Riga.'
        f'<![CDATA[<xi:include href="{REMOTE}/x.xml"/>]]></description></item></channel></rss>', encoding="utf-8")
    return folder


def test_no_command_but_refresh_reaches_the_network(attempts: list[str], cli, tmp_path: Path) -> None:
    inbox = _inbox(tmp_path)
    for args in (["add", str(inbox)], ["list"], ["list", "--json"], ["show", "1"], ["show", "--json", "--raw", "2"],
                 ["search", "Tesla Berlin"], ["search", "--json", 'entity:KAMAZ "electric truck"'], ["entities"],
                 ["list", "--entity", "Tesla"], ["reindex"], ["feeds", "add", f"{REMOTE}/feed.xml"], ["feeds", "list"],
                 ["feeds", "export"]):
        code, _, err = cli(*args)
        assert code == 0, (args, err)
    assert attempts == []
    # The one exception, asked for: a refresh does try to reach the feed (and fails politely here).
    code, _, err = cli("refresh")
    assert attempts and "Traceback" not in err


def test_the_guard_catches_what_it_should(attempts: list[str]) -> None:
    import urllib.request

    with pytest.raises(OSError):
        urllib.request.urlopen(f"{REMOTE}/", timeout=1)
    assert attempts
