"""Refreshing feeds into the library, against a real server on 127.0.0.1 serving the
fixtures in tests/fixtures/feeds (RSS 2.0, Atom, cp1251 Russian, summary-only entries)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from tests.feedserver import FeedServer, Reply, conditional, flaky, only_localhost_fixture, server_fixture  # noqa: F401 (fixtures)
from tui.core.feeds import add_feed, list_feeds, refresh_feeds
from tui.core.feeds.fetch import FetchSettings
from tui.core.feeds.store import article_ids, article_origin
from tui.core.search import Searcher
from tui.core.store import Library

FAST = FetchSettings(connect_timeout=1, read_timeout=0.25, deadline=5, retries=1, backoff=0.01, max_bytes=200_000)
VALIDATORS = ('"volt-1"', "Tue, 03 Nov 2026 15:00:00 GMT")


def subscribe(library: Library, *urls: str, tags: list[str] | None = None) -> list[int]:
    with library.transaction() as conn:
        return [add_feed(conn, url, tags=tags)[0].id for url in urls]


def serve_all(server: FeedServer, seen: list | None = None) -> dict[str, str]:
    """Every good fixture feed, with the pages their entries link to."""
    volt = server.fixture("volt-wire.rss", "application/rss+xml")
    server.serve("/ru/voltazh", server.fixture("ru-voltazh.html", "text/html", encoding="cp1251"))  # meta only
    server.serve("/ru/kazan", server.fixture("ru-kazan.html", "text/html", encoding="cp1251"))
    server.serve("/pages/lumen-megawatt.html", server.fixture("lumen-megawatt.html", "text/html; charset=utf-8"))
    return {
        "rss": server.serve("/volt.rss", conditional(volt, *VALIDATORS, seen if seen is not None else [])),
        "atom": server.serve("/grid.atom", server.fixture("grid-garage.atom", "application/atom+xml", gzip=True)),
        # cp1251 declared only in the HTTP header (the XML declaration names no encoding)
        "ru": server.serve("/ru.rss", server.fixture("ru-news.rss", "application/rss+xml; charset=windows-1251", encoding="cp1251")),
        "notes": server.serve("/notes.rss", server.fixture("summaries.rss", "application/rss+xml")),
    }


def titles(library: Library, ids: list[int]) -> list[str]:
    return sorted(library.get(i).title for i in ids)


def test_rss_atom_and_cp1251_feeds_become_unread_searchable_articles(server: FeedServer, library: Library) -> None:
    urls = serve_all(server)
    rss, atom, ru = subscribe(library, urls["rss"], urls["atom"], urls["ru"])
    report = refresh_feeds(library, settings=FAST)
    by_id = {r.id: r for r in report.feeds}
    assert [r.status for r in report.feeds] == ["updated"] * 3 and report.new == 6
    assert titles(library, by_id[rss].new) == ["Kestrel Motors opens a battery plant in Ohio",
                                               "Northwind Charging adds 400 fast chargers along Interstate 80"]
    assert titles(library, by_id[atom].new)[0] == "Harbor Bus Works delivers its first hydrogen coach"
    russian = [library.get(i) for i in by_id[ru].new]
    assert sorted(a.title for a in russian) == ["В Казани открыли сто новых зарядных станций",
                                                "Завод «Вольтаж» начал выпуск тяговых батарей в Тольятти"]
    voltazh = next(a for a in russian if "Вольтаж" in a.title)
    assert voltazh.lang == "ru" and voltazh.encoding == "cp1251" and voltazh.source == "Электротранспорт сегодня"
    assert "Ирина Соколова" in voltazh.text and "Все права защищены" not in voltazh.text
    kestrel = next(library.get(i) for i in by_id[rss].new if library.get(i).title.startswith("Kestrel"))
    assert kestrel.date == "2026-11-02" and kestrel.source == "Volt Wire" and kestrel.url.endswith("/volt/kestrel-plant")
    assert not any(library.get(i).read for i in by_id[rss].new + by_id[atom].new + by_id[ru].new)
    # Cleaned, with entities and in the search index, like any imported article.
    assert library.conn.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (voltazh.id,)).fetchone()[0] > 0
    hits = Searcher(library).search("Тольятти батареи")
    assert hits and hits[0].id == voltazh.id
    assert {f.title for f in list_feeds(library.conn)} == {"Volt Wire", "Grid & Garage", "Электротранспорт сегодня"}


def test_summary_entries_get_the_linked_pages_full_text_and_keep_the_summary(server: FeedServer, library: Library) -> None:
    urls = serve_all(server)
    (notes,) = subscribe(library, urls["notes"])
    report = refresh_feeds(library, settings=FAST)
    result = report.feeds[0]
    assert result.full_text == 1 and len(result.new) == 2
    lumen = next(library.get(i) for i in result.new if "Lumen" in library.get(i).title)
    assert "proving ground outside Phoenix" in lumen.text and "Copyright" not in lumen.text
    assert lumen.format == "html"
    origin = article_origin(library.conn, lumen.id)
    assert origin["shown"] == "full" and origin["summary"] == "Lumen Trucks has begun trials of a megawatt charger."
    aster = next(library.get(i) for i in result.new if "Aster" in library.get(i).title)
    assert aster.text.startswith("Aster Mobility lowered the price")
    assert article_origin(library.conn, aster.id)["shown"] == "summary"
    assert any("Aster" in n and "HTTP 404" in n for n in result.notes)


def test_without_full_text_the_summaries_are_kept_and_no_page_is_fetched(server: FeedServer, library: Library) -> None:
    urls = serve_all(server)
    subscribe(library, urls["notes"])
    report = refresh_feeds(library, settings=replace(FAST, full_text=False))
    assert report.feeds[0].full_text == 0 and len(report.new and report.feeds[0].new) == 2
    assert not server.hits("/pages/lumen-megawatt.html")
    assert {article_origin(library.conn, i)["shown"] for i in report.feeds[0].new} == {"summary"}


def test_an_unchanged_feed_costs_one_304_with_the_validators_sent(server: FeedServer, library: Library) -> None:
    seen: list = []
    urls = serve_all(server, seen)
    subscribe(library, urls["rss"])
    assert refresh_feeds(library, settings=FAST).new == 2
    report = refresh_feeds(library, settings=FAST, force=True)
    assert report.feeds[0].status == "unchanged" and report.new == 0
    assert seen == [(None, None), VALIDATORS]
    assert len(server.hits("/volt.rss")) == 2


def test_the_minimum_interval_is_respected_unless_forced(server: FeedServer, library: Library) -> None:
    urls = serve_all(server)
    subscribe(library, urls["atom"])
    start = datetime.now(timezone.utc)
    refresh_feeds(library, settings=FAST, now=start)
    again = refresh_feeds(library, settings=FAST, now=start + timedelta(minutes=5))
    assert again.feeds[0].status == "skipped" and "next check in 10 min" in again.feeds[0].notes[0]
    assert len(server.hits("/grid.atom")) == 1
    assert refresh_feeds(library, settings=FAST, now=start + timedelta(minutes=5), force=True).feeds[0].status == "updated"
    assert refresh_feeds(library, settings=FAST, now=start + timedelta(minutes=21)).feeds[0].status == "updated"
    assert len(server.hits("/grid.atom")) == 3


def test_a_bad_feed_is_a_clear_error_and_the_others_still_refresh(server: FeedServer, library: Library) -> None:
    urls = serve_all(server)
    bad = {
        "/missing.rss": "HTTP 404 Not Found",
        "/loop.rss": "too many redirects",
        "/slow.rss": "timed out (read timeout 0.25 s) (tried 2 times)",
        "/huge.rss": "response too large",
        "/picture.rss": "not a feed: the server sent image/jpeg",
        "/page.rss": "not a feed: the server sent an HTML page (text/html); the page links to a feed: " + urls["rss"],
        "/garbage.rss": "not an RSS or Atom feed",
        "/empty.rss": "not a feed: the server sent an empty response",
    }
    server.serve("/empty.rss", lambda r: Reply(200, b"", {"Content-Type": "application/rss+xml"}))
    server.serve("/loop.rss", lambda r: Reply(302, headers={"Location": "/loop.rss"}))
    server.serve("/slow.rss", server.fixture("volt-wire.rss", "application/rss+xml", delay=1.0))
    server.serve("/huge.rss", lambda r: Reply(200, b"<rss>" + b" " * 300_000 + b"</rss>", {"Content-Type": "application/rss+xml"}))
    server.serve("/picture.rss", lambda r: Reply(200, b"\xff\xd8\xff\xe0 JFIF", {"Content-Type": "image/jpeg"}))
    server.serve("/page.rss", lambda r: Reply(200, b'<!DOCTYPE html><html><head><link rel="alternate" '
                                              b'type="application/rss+xml" href="/volt.rss"></head><body>News</body></html>',
                                              {"Content-Type": "text/html"}))
    server.serve("/garbage.rss", lambda r: Reply(200, b"just some words, not xml", {"Content-Type": "application/xml"}))
    flaky_url = server.serve("/flaky.atom", flaky(1, server.fixture("grid-garage.atom", "application/atom+xml")))
    ids = subscribe(library, *[server.url(p) for p in bad], flaky_url, urls["rss"])
    report = refresh_feeds(library, settings=FAST)
    results = {r.url.rsplit("/", 1)[-1]: r for r in report.feeds}
    for path, message in bad.items():
        result = results[path[1:]]
        assert result.status == "error" and result.error.startswith(message), (path, result.error)
    assert results["flaky.atom"].status == "updated" and len(results["flaky.atom"].new) == 2
    assert results["volt.rss"].status == "updated" and len(results["volt.rss"].new) == 2
    assert len(report.errors) == len(bad) and len(ids) == len(bad) + 2
    state = {f.url.rsplit("/", 1)[-1]: f for f in list_feeds(library.conn)}
    assert state["missing.rss"].last_error == "HTTP 404 Not Found" and state["missing.rss"].errors == 1
    assert state["volt.rss"].last_error is None and state["volt.rss"].last_ok


def test_a_later_refresh_adds_only_the_new_entries(server: FeedServer, library: Library) -> None:
    body = server.fixture("volt-wire.rss", "application/rss+xml")(None).body
    extra = (b"<item><title>Kestrel Motors hires 300 engineers in Ohio</title><link>/volt/kestrel-hires</link>"
             b"<guid isPermaLink=\"false\">volt-1003</guid><description>Kestrel Motors is hiring 300 battery engineers "
             b"for its new Ohio plant.</description></item>")
    current = {"body": body}
    url = server.serve("/volt.rss", lambda r: Reply(200, current["body"], {"Content-Type": "application/rss+xml"}))
    server.serve("/volt/kestrel-hires", lambda r: Reply(404))
    subscribe(library, url)
    assert refresh_feeds(library, settings=FAST).new == 2
    current["body"] = body.replace(b"<item>", extra + b"<item>", 1)
    report = refresh_feeds(library, settings=FAST, force=True)
    assert titles(library, report.feeds[0].new) == ["Kestrel Motors hires 300 engineers in Ohio"]
    assert report.feeds[0].entries == 3


def test_the_same_story_in_two_feeds_is_stored_once_and_listed_under_both(server: FeedServer, library: Library) -> None:
    urls = serve_all(server)
    mirror = server.serve("/mirror.rss", server.fixture("volt-wire.rss", "application/rss+xml"))
    first, second = subscribe(library, urls["rss"], mirror, tags=["ev"])
    report = refresh_feeds(library, settings=FAST)
    assert report.new == 2 and sum(r.duplicates for r in report.feeds) == 2
    assert article_ids(library.conn, f"feed:{first}") == article_ids(library.conn, f"feed:{second}") == article_ids(library.conn, "tag:ev")
    assert len(article_ids(library.conn, "tag:ev")) == 2


def test_a_permanently_moved_feed_updates_its_subscription(server: FeedServer, library: Library) -> None:
    urls = serve_all(server)
    old = server.serve("/old-feed", lambda r: Reply(301, headers={"Location": "/grid.atom"}))
    subscribe(library, old)
    report = refresh_feeds(library, settings=FAST)
    assert report.feeds[0].status == "updated" and "moved permanently" in report.feeds[0].notes[0]
    assert list_feeds(library.conn)[0].url == urls["atom"]


@pytest.mark.parametrize("hostile", ["\x1b[31mRed\x1b[0m alert", "[bold]Kestrel[/bold] \x07news"])
def test_entry_titles_from_the_network_are_made_terminal_safe(server: FeedServer, library: Library, hostile: str) -> None:
    from xml.sax.saxutils import escape

    feed = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>X</title><item><title>{escape(hostile)}</title>'
            f'<guid>a1</guid><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"Battery makers expand production in Ohio.</content:encoded></item></channel></rss>").encode()
    url = server.serve("/hostile.rss", lambda r: Reply(200, feed, {"Content-Type": "application/rss+xml"}))
    subscribe(library, url)
    article = library.get(refresh_feeds(library, settings=FAST).feeds[0].new[0])
    assert "\x1b" not in article.title and "\x07" not in article.title


def test_an_unexpected_failure_in_one_feed_is_its_error_only(server: FeedServer, library: Library,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.core.feeds.refresh as refresh

    urls = serve_all(server)
    real = refresh.parse_feed

    def parse(data: bytes, content_type: str, url: str):
        if url.endswith("/grid.atom"):
            raise RuntimeError("parser bug")
        return real(data, content_type, url)

    monkeypatch.setattr(refresh, "parse_feed", parse)
    subscribe(library, urls["atom"], urls["rss"])
    report = refresh_feeds(library, settings=FAST)
    assert [(r.status, r.error) for r in report.feeds] == [
        ("error", "could not be stored (RuntimeError: parser bug)"), ("updated", None)]
    assert len(report.feeds[1].new) == 2


def test_a_stopped_refresh_leaves_unfinished_feeds_untouched(server: FeedServer, library: Library) -> None:
    import threading

    urls = serve_all(server)
    subscribe(library, urls["rss"])
    stop = threading.Event()
    stop.set()
    assert refresh_feeds(library, settings=FAST, stop=stop).feeds == []
    feed = list_feeds(library.conn)[0]
    assert (feed.etag, feed.last_fetched, feed.articles) == (None, None, 0)
    assert refresh_feeds(library, settings=FAST).new == 2


def test_a_refreshed_feed_survives_what_breaks_feedparser() -> None:
    """The refresh reads feeds as the file import does: references to surrogates (which make
    feedparser raise) become U+FFFD, and the entry is kept."""
    from tui.core.feeds.parse import parse_feed

    data = ('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Tesla cuts prices</title>'
            "<description>Tesla cut prices &#xd800; in China &#55296; today.</description></item></channel></rss>")
    doc = parse_feed(data.encode(), "application/rss+xml", "http://127.0.0.1/feed")
    assert [(e.title, e.summary) for e in doc.entries] == [("Tesla cuts prices", "Tesla cut prices \ufffd in China \ufffd today.")]
