"""Drive a terminal program through a real pseudo-terminal and time what it draws.

The program runs in a fresh process whose stdin/stdout/stderr are the pty's slave side
(Textual draws there as in a real terminal); the benchmark writes keys to the master side
and reads the bytes the program writes back. Escape sequences are stripped, so a status
line drawn in several colours still reads as one string to look for.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
from collections.abc import Sequence

#: CSI (with private/intermediate bytes), OSC, DCS and two-byte escapes
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1bP[^\x1b]*\x1b\\|\x1b[@-Z\\-_]|\x1b[()][0-9A-Za-z]")


def visible(data: bytes) -> str:
    """The text in ``data`` without escape sequences (partial UTF-8 at the end is dropped)."""
    return _ESCAPES.sub(b"", data).decode("utf-8", errors="ignore")


class PtyProgram:
    """``with PtyProgram(cmd, cols, rows) as p: p.wait_for(regex)``; :attr:`started` is
    ``time.perf_counter()`` just before the process was spawned."""

    def __init__(self, cmd: Sequence[str], cols: int = 120, rows: int = 35, env: dict[str, str] | None = None) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        environ = {**os.environ, "TERM": "xterm-256color", "COLORTERM": "truecolor", "LANG": "C.UTF-8",
                   "LC_ALL": "C.UTF-8", **(env or {})}
        environ.pop("TEXTUAL", None)  # no devtools
        self.started = time.perf_counter()
        self.process = subprocess.Popen(list(cmd), stdin=slave, stdout=slave, stderr=slave, env=environ,
                                        start_new_session=True, close_fds=True)
        os.close(slave)
        self._buffer = bytearray()
        self._mark = 0
        self.closed = False

    # -- reading ---------------------------------------------------------------------------
    def _read(self, timeout: float) -> bool:
        """Read what is available within ``timeout``; False once the program has gone."""
        if self.closed:
            return False
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            data = os.read(self.master, 65536)
        except OSError:  # EIO: the slave side closed
            data = b""
        if not data:
            self.closed = True
            return False
        self._buffer += data
        return True

    def mark(self) -> None:
        """Only output that arrives after this point counts for the next :meth:`wait_for`."""
        self.drain()
        self._mark = len(self._buffer)

    def drain(self) -> None:
        while self._read(0) and select.select([self.master], [], [], 0)[0]:
            pass

    def wait_for(self, pattern: str, timeout: float = 60) -> float:
        """Block until the text drawn since :meth:`mark` matches ``pattern``; returns
        ``time.perf_counter()`` at the read that completed the match."""
        regex = re.compile(pattern)
        deadline = time.perf_counter() + timeout
        checked = self._mark
        while True:
            # Re-scan a little before the new bytes: an escape sequence or a match may straddle reads.
            start = max(self._mark, checked - 4096)
            if regex.search(visible(bytes(self._buffer[start:]))):
                return time.perf_counter()
            checked = len(self._buffer)
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or not self._read(min(remaining, 0.5)):
                tail = visible(bytes(self._buffer[self._mark:]))[-600:]
                raise TimeoutError(f"{pattern!r} was not drawn within {timeout:g} s; last output: {tail!r}")

    # -- writing ---------------------------------------------------------------------------
    def send(self, keys: str) -> float:
        """Type ``keys``; returns ``time.perf_counter()`` just before the write."""
        now = time.perf_counter()
        os.write(self.master, keys.encode("utf-8"))
        return now

    def cpu_seconds(self) -> float:
        """CPU time the program has used so far (user + system)."""
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def wait_idle(self, quiet: float = 0.5, timeout: float = 60) -> float:
        """Block until the program has used (almost) no CPU for ``quiet`` seconds: its
        start-up work in the background is done. Returns ``time.perf_counter()`` then."""
        deadline = time.perf_counter() + timeout
        last, since = self.cpu_seconds(), time.perf_counter()
        while time.perf_counter() < deadline:
            self._read(0.1)
            now, used = time.perf_counter(), self.cpu_seconds()
            if used - last > 0.02:
                last, since = used, now
            elif now - since >= quiet:
                return since
        return time.perf_counter()

    def peak_rss_mb(self) -> float:
        """The program's peak resident memory so far (VmHWM)."""
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM"))
        return kb / 1024

    def close(self, quit_keys: str = "\x11", timeout: float = 10) -> None:
        """Quit with ``quit_keys`` (Ctrl+Q); kill the program if it does not exit."""
        if self.process.poll() is None:
            try:
                self.send(quit_keys)
            except OSError:
                pass
            deadline = time.perf_counter() + timeout
            while self.process.poll() is None and time.perf_counter() < deadline:
                self._read(0.1)
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        os.close(self.master)

    def __enter__(self) -> PtyProgram:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
