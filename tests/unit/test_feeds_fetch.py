"""HTTP behaviour against a real server on 127.0.0.1: headers, gzip, 304, errors, retries,
redirects, timeouts, size limits, per-host limits, and charsets."""

from __future__ import annotations

import gzip
import threading

import pytest

from tests.feedserver import FeedServer, Reply, conditional, flaky, only_localhost_fixture, server_fixture  # noqa: F401 (fixtures)
from tui import __version__
from tui.core.feeds.charset import decode_document
from tui.core.feeds.fetch import Fetcher, FetchError, FetchSettings

FAST = FetchSettings(connect_timeout=1, read_timeout=0.25, deadline=5, retries=2, backoff=0.01)
RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


def ok(body: bytes = RSS, content_type: str = "application/rss+xml", **kw):
    return lambda request: Reply(200, body, {"Content-Type": content_type}, **kw)


def get(url: str, settings: FetchSettings = FAST, **kw):
    with Fetcher(settings) as fetcher:
        return fetcher.get(url, **kw)


def test_user_agent_names_the_app_and_gzip_is_decoded(server: FeedServer) -> None:
    big = RSS.replace(b"<title>T</title>", b"<title>" + b"Volt " * 2000 + b"</title>")
    url = server.serve("/feed", ok(big, gzip=True))
    fetched = get(url)
    assert fetched.content == big and fetched.status == 200
    request = server.hits("/feed")[0]
    assert request.headers["user-agent"] == f"evnews-tui/{__version__} (terminal news reader)"
    assert "gzip" in request.headers["accept-encoding"]


def test_conditional_get_sends_the_validators_and_reads_a_304(server: FeedServer) -> None:
    seen: list = []
    url = server.serve("/feed", conditional(ok(), '"abc"', "Mon, 02 Nov 2026 10:00:00 GMT", seen))
    first = get(url)
    assert (first.etag, first.last_modified) == ('"abc"', "Mon, 02 Nov 2026 10:00:00 GMT")
    second = get(url, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.content == b""
    assert seen == [(None, None), ('"abc"', "Mon, 02 Nov 2026 10:00:00 GMT")]


@pytest.mark.parametrize("status", [404, 403, 410])
def test_4xx_fails_at_once_without_retrying(server: FeedServer, status: int) -> None:
    url = server.serve("/gone", lambda r: Reply(status, b"no", {"Content-Type": "text/plain"}))
    with pytest.raises(FetchError, match=rf"^HTTP {status} \w") as error:
        get(url)
    assert error.value.status == status and len(server.hits("/gone")) == 1


def test_a_500_is_retried_and_the_retry_succeeds(server: FeedServer) -> None:
    url = server.serve("/flaky", flaky(1, ok()))
    assert get(url).content == RSS
    assert len(server.hits("/flaky")) == 2


def test_a_server_that_keeps_failing_is_given_up_after_the_retries(server: FeedServer) -> None:
    url = server.serve("/down", flaky(99, ok()))
    with pytest.raises(FetchError, match=r"HTTP 500 Internal Server Error \(tried 3 times\)"):
        get(url)
    assert len(server.hits("/down")) == 3


def test_a_redirect_loop_is_cut_off(server: FeedServer) -> None:
    url = server.serve("/loop", lambda r: Reply(302, headers={"Location": "/loop"}))
    with pytest.raises(FetchError, match="too many redirects"):
        get(url)
    assert len(server.hits("/loop")) == FAST.max_redirects + 1


def test_permanent_redirects_report_the_new_address(server: FeedServer) -> None:
    server.serve("/new", ok())
    moved = server.serve("/old", lambda r: Reply(301, headers={"Location": "/new"}))
    temporary = server.serve("/elsewhere", lambda r: Reply(302, headers={"Location": "/new"}))
    assert get(moved).moved_to == server.url("/new")
    assert get(temporary).moved_to is None and get(temporary).content == RSS


def test_a_slow_server_times_out_and_each_attempt_is_retried(server: FeedServer) -> None:
    url = server.serve("/slow", ok(delay=1.0))
    with pytest.raises(FetchError, match=r"timed out \(read timeout 0.25 s\) \(tried 2 times\)"):
        get(url, FetchSettings(connect_timeout=1, read_timeout=0.25, retries=1, backoff=0.01))
    assert len(server.hits("/slow")) == 2


def test_an_oversized_response_is_refused_from_its_length(server: FeedServer) -> None:
    url = server.serve("/huge", ok(b"<rss>" + b"x" * 300_000 + b"</rss>"))
    with pytest.raises(FetchError, match=r"response too large \(293 KB, limit 98 KB\)"):
        get(url, FetchSettings(max_bytes=100_000))


def test_a_gzip_bomb_is_stopped_while_streaming(server: FeedServer) -> None:
    bomb = gzip.compress(b"\0" * 5_000_000)
    url = server.serve("/bomb", lambda r: Reply(200, bomb, {"Content-Type": "application/xml", "Content-Encoding": "gzip"}))
    assert len(bomb) < 100_000
    with pytest.raises(FetchError, match="over 98 KB; download stopped"):
        get(url, FetchSettings(max_bytes=100_000))


def test_requests_to_one_host_are_limited(server: FeedServer) -> None:
    url = server.serve("/feed", ok(delay=0.15))
    results: list = []
    with Fetcher(FetchSettings(per_host=2)) as fetcher:
        threads = [threading.Thread(target=lambda: results.append(fetcher.get(url))) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(results) == 6 and all(r.content == RSS for r in results)
    assert server.max_active <= 2


def test_unreachable_server_is_one_line_error(only_localhost: None) -> None:
    with pytest.raises(FetchError, match="^cannot connect"):
        get("http://127.0.0.1:9/feed")


def test_charset_from_the_header_or_the_page_meta() -> None:
    text = "Электромобили «Вольтаж» — новости"
    body = f'<?xml version="1.0"?><rss><title>{text}</title></rss>'.encode("cp1251")
    assert decode_document(body, "application/rss+xml; charset=windows-1251") == (body.decode("cp1251"), "cp1251")
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{text}</p></body></html>'.encode("cp1251")
    decoded, encoding = decode_document(page, "text/html")
    assert text in decoded and encoding == "cp1251"
    declared = f'<?xml version="1.0" encoding="windows-1251"?><rss><title>{text}</title></rss>'.encode("cp1251")
    assert text in decode_document(declared, "text/xml")[0]
    # A header that lies (UTF-8 for cp1251 bytes) falls back to the document and detection.
    assert text in decode_document(page, "text/html; charset=utf-8")[0]
