"""HTTP for feeds and linked pages (httpx): polite, bounded, and never surprised.

* connect and read timeouts, plus a deadline for the whole body (a server that drips one
  byte at a time cannot hold a refresh forever);
* conditional GET (``If-None-Match`` / ``If-Modified-Since``): an unchanged feed costs a 304;
* gzip/deflate (httpx decodes; the size limit counts decoded bytes, so a gzip bomb stops early);
* at most ``max_redirects`` redirects; a response body above ``max_bytes`` is aborted while streaming;
* at most ``per_host`` requests in flight per host (one :class:`Fetcher` is shared by threads);
* retries with exponential backoff on 5xx and timeouts, never on 4xx;
* a User-Agent naming the app and its version.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass

import httpx

from ... import __version__

USER_AGENT = f"evnews-tui/{__version__} (terminal news reader)"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Limits and politeness; the defaults are what the CLI and the app use."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    deadline: float = 60.0  # seconds for one whole response, body included
    max_bytes: int = 10 * _MB  # a feed document
    max_page_bytes: int = 5 * _MB  # a linked article page
    max_redirects: int = 5
    per_host: int = 2
    max_parallel: int = 8
    retries: int = 2  # after the first attempt: 3 attempts in all
    backoff: float = 1.0  # first retry delay in seconds, doubling each time
    max_retry_after: float = 30.0  # a server's Retry-After is honoured up to this
    min_interval: int = 15 * 60  # seconds between two checks of one feed, unless forced
    max_entries: int = 100  # new entries taken from one feed per refresh
    full_text: bool = True  # fetch the linked page when an entry has only a summary


class FetchError(Exception):
    """A request that failed; ``str()`` is one line for the user."""

    def __init__(self, message: str, *, status: int | None = None, retryable: bool = False,
                 contacted: bool = False, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retryable = retryable
        self.contacted = contacted  # the server answered (counts for the minimum interval)
        self.retry_after = retry_after


@dataclass(slots=True)
class Fetched:
    """A complete response (or a 304)."""

    url: str  # after redirects
    status: int
    content: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None
    moved_to: str | None = None  # set when every redirect was permanent (301/308)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """A shared HTTP client; :meth:`get` is safe to call from many threads."""

    def __init__(self, settings: FetchSettings | None = None, *, transport: httpx.BaseTransport | None = None) -> None:
        self.settings = settings or FetchSettings()
        s = self.settings
        self.client = httpx.Client(
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout, pool=s.deadline),
            follow_redirects=True,
            max_redirects=s.max_redirects,
            headers={"User-Agent": USER_AGENT},
            limits=httpx.Limits(max_connections=max(s.max_parallel * 2, 4), max_keepalive_connections=s.max_parallel),
            transport=transport,
        )
        self._hosts: dict[str, threading.Semaphore] = {}
        self._hosts_lock = threading.Lock()
        self.stop = threading.Event()  # set to make waiting requests give up between attempts

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _slot(self, url: str) -> threading.Semaphore:
        host = httpx.URL(url).netloc.decode("ascii", "replace").lower()
        with self._hosts_lock:
            if host not in self._hosts:
                self._hosts[host] = threading.Semaphore(self.settings.per_host)
            return self._hosts[host]

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            page: bool = False) -> Fetched:
        """GET ``url`` with retries; raises :class:`FetchError` with a one-line reason."""
        s = self.settings
        headers = {"Accept": PAGE_ACCEPT if page else FEED_ACCEPT}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        limit = s.max_page_bytes if page else s.max_bytes
        attempts = s.retries + 1
        for attempt in range(attempts):
            try:
                with self._slot(url):
                    return self._once(url, headers, limit)
            except FetchError as exc:
                if not exc.retryable or attempt == attempts - 1 or self.stop.is_set():
                    if exc.retryable and attempts > 1:
                        raise FetchError(f"{exc} (tried {attempt + 1} times)", status=exc.status,
                                         contacted=exc.contacted) from None
                    raise
                delay = s.backoff * 2 ** attempt * (1 + random.random() / 4)
                if exc.retry_after is not None:
                    delay = max(delay, min(exc.retry_after, s.max_retry_after))
                if self.stop.wait(delay):
                    raise
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict[str, str], limit: int) -> Fetched:
        s = self.settings
        started = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return _fetched(response, b"")
                if response.status_code >= 400:
                    raise _status_error(response)
                length = response.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > limit:
                    raise FetchError(f"response too large ({_mb(int(length))}, limit {_mb(limit)})", contacted=True)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise FetchError(f"response too large (over {_mb(limit)}; download stopped)", contacted=True)
                    if time.monotonic() - started > s.deadline:
                        raise FetchError(f"too slow: no complete response in {s.deadline:g} s", retryable=True, contacted=True)
                return _fetched(response, bytes(body))
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {s.max_redirects}; a redirect loop?)", contacted=True) from None
        except httpx.TimeoutException as exc:
            kind = {httpx.ConnectTimeout: f"connect timeout {s.connect_timeout:g} s",
                    httpx.ReadTimeout: f"read timeout {s.read_timeout:g} s"}.get(type(exc), type(exc).__name__)
            raise FetchError(f"timed out ({kind})", retryable=True) from None
        except httpx.DecodingError:
            raise FetchError("the server sent a corrupt compressed response", contacted=True) from None
        except httpx.UnsupportedProtocol:
            raise FetchError("only http and https URLs can be fetched") from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect: {_reason(exc)}") from None
        except httpx.HTTPError as exc:  # protocol errors, dropped connections, bad URLs
            raise FetchError(f"{type(exc).__name__}: {_reason(exc)}") from None


def _fetched(response: httpx.Response, body: bytes) -> Fetched:
    redirects = response.history
    moved = str(response.url) if redirects and all(r.status_code in (301, 308) for r in redirects) else None
    return Fetched(
        url=str(response.url), status=response.status_code, content=body,
        content_type=response.headers.get("Content-Type", ""), etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"), moved_to=moved,
    )


def _status_error(response: httpx.Response) -> FetchError:
    code = response.status_code
    phrase = response.reason_phrase or ""
    retry_after = response.headers.get("Retry-After", "")
    return FetchError(f"HTTP {code} {phrase}".strip(), status=code, retryable=code >= 500, contacted=True,
                      retry_after=float(retry_after) if retry_after.isdigit() else None)


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


def _mb(n: int) -> str:
    return f"{n / _MB:.1f} MB" if n >= _MB else f"{n / 1024:.0f} KB"
