"""A real HTTP server on 127.0.0.1 (ephemeral port) for the feed tests, and a guard that
fails any test trying to connect anywhere else.

Routes are functions ``request -> Reply``; the server records every request (path and
headers) and the most requests it had in flight at once.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"


@dataclass
class Request:
    path: str
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    gzip: bool = False


Route = Callable[[Request], Reply]


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on purpose (timeouts, size limits) are part of the tests


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.active = self.max_active = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with server._lock:
                    server.requests.append(request)
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    route = server.routes.get(self.path.split("?", 1)[0])
                    reply = route(request) if route else Reply(404, b"not found", {"Content-Type": "text/plain"})
                    time.sleep(reply.delay)
                    body = reply.body
                    headers = dict(reply.headers)
                    if reply.gzip and "gzip" in request.headers.get("accept-encoding", ""):
                        body = gzip.compress(body)
                        headers["Content-Encoding"] = "gzip"
                    self.send_response(reply.status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    if "Content-Length" not in headers:
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeouts, size limits): expected
                finally:
                    with server._lock:
                        server.active -= 1

        self.httpd = _Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]

    def fixture(self, name: str, content_type: str, *, encoding: str = "utf-8", **reply: object) -> Route:
        """A fixture file with ``{base}`` replaced by this server's address, in ``encoding``."""
        body = (FIXTURES / name).read_text(encoding="utf-8").replace("{base}", self.base).encode(encoding)
        return lambda request: Reply(body=body, headers={"Content-Type": content_type}, **reply)

    def serve(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)


def conditional(route: Route, etag: str, last_modified: str, seen: list[tuple[str | None, str | None]]) -> Route:
    """Serve ``route`` with validators; answer 304 when the request carries both of them back.
    Every request's conditional headers are appended to ``seen`` for the test to check."""

    def handle(request: Request) -> Reply:
        sent = (request.headers.get("if-none-match"), request.headers.get("if-modified-since"))
        seen.append(sent)
        if sent == (etag, last_modified):
            return Reply(304, headers={"ETag": etag})
        reply = route(request)
        reply.headers.update({"ETag": etag, "Last-Modified": last_modified})
        return reply

    return handle


def flaky(failures: int, route: Route) -> Route:
    """500 for the first ``failures`` requests, then ``route``."""
    count = 0

    def handle(request: Request) -> Reply:
        nonlocal count
        count += 1
        return Reply(500, b"oops", {"Content-Type": "text/plain"}) if count <= failures else route(request)

    return handle


@pytest.fixture(name="only_localhost")
def only_localhost_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to an address other than 127.0.0.1 fails the test."""
    original = socket.socket.connect

    def connect(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else address
        assert host == "127.0.0.1", f"a test tried to contact {address!r}"
        return original(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(name="server")
def server_fixture(only_localhost: None) -> Iterator[FeedServer]:
    """A running :class:`FeedServer`; test modules import this and ``only_localhost_fixture``."""
    srv = FeedServer()
    srv.thread.start()
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.httpd.server_close()
