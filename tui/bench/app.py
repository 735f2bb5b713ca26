"""App speed: ``python -m tui.bench app [--sizes 3,10000,100000] [--json] [--cache DIR]``.

For each size, ``evnews-tui`` runs in a fresh process on a real pseudo-terminal (120×35)
and is timed from the outside, from what it draws:

- ``interactive_s``: from spawning the process to the terminal receiving the first frame
  whose status line shows the list filled (``showing N``), Python start-up and imports
  included (``settled_s``, extra: until the app stops using CPU, its search vocabulary
  and lexicon loaded in the background; typing starts then);
- ``keystroke_p95_ms``: queries are typed one key at a time (at least 150 ms apart, a fast
  typist); each key is timed from its write to the terminal receiving the frame with that
  query's results (the status line's "showing N" with the query's chip). That is the whole path a
  reader waits for: the search bar's debounce, the search worker, the list rebuild and
  Textual's render and write;
- ``rss_mb``: the app's peak resident memory (VmHWM) at the end;
- ``scroll_p95_ms`` (extra; libraries over 100 articles): Page Down, 30 times, each until
  the terminal receives the next page of rows;
- ``focus_max_ms`` (extra): the slowest of the six ``/`` presses, each until the footer
  shows the search bar's keys (a key typed right after ``/`` waits for that).

Size 3 is the bundled corpus (seeded once, as on first launch; timed already seeded);
other sizes are real paragraphs resampled per language with the search benchmark's
builder. Libraries are built once per ``--cache`` folder (``lib-SIZE.sqlite3``) and
reused. A bare three-pane Textual app (:mod:`tui.bench.floor`) is timed the same way as
the floor, and each figure is also given as a ratio to it.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .. import MAX_FPS
from .pty_driver import PtyProgram

#: typed one key at a time; both scripts, a typo, an entity and a concept
QUERIES = ["kamaz", "avtovaz", "зарядные", "electric car", "тесла", "chrystler"]
KEY_GAP = 0.15  # seconds between keys at least (about 80 words a minute)
ROW = r"[●★ ]{2}[ \d-]{8} (?:EN|RU) "  # the start of a list row as drawn
TARGETS = {3: (0.8, None, None), 10_000: (1.2, 50.0, None), 100_000: (2.0, None, 300.0)}


def library(size: int, cache: Path) -> Path:
    """The library for ``size`` in ``cache``, built unless a complete one is there."""
    from ..core.importer import ensure_seeded, import_paths
    from ..core.store import Library

    db = cache / f"lib-{size}.sqlite3"
    if db.exists():
        with Library.open(db, create=False) as lib:
            if lib.count() == size:
                lib.conn.execute("DELETE FROM meta WHERE key = 'ui_state'")  # open on the plain list
                return db
        raise SystemExit(f"python -m tui.bench app: {db} does not hold {size} articles; remove it or use another --cache")
    cache.mkdir(parents=True, exist_ok=True)
    with Library.open(db) as lib:
        if size == 3:
            ensure_seeded(lib)
        else:
            from .search import write_corpus

            with tempfile.TemporaryDirectory() as tmp:
                jsonl, _ = write_corpus(size, Path(tmp))
                import_paths(lib, [jsonl], entities=False, max_bytes=10**10)
        lib.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        if lib.count() != size:
            raise SystemExit(f"python -m tui.bench app: built {lib.count()} articles for size {size}")
    return db


def _status(shown: int, query: str = "") -> str:
    """A regex for the status line of a finished list: ``showing N`` (the app draws
    "searching…" there until the results are on screen) and the query's chip, if any."""
    if not query.strip():
        return rf"showing {shown:,} · sort: date(?!\s*“)"
    return rf"showing [\d,]+ · sort: \w+\s+“{re.escape(query.strip()[:30])}”\s+✕"


def measure(cmd: list[str], shown: int, focus_text: str = "") -> dict[str, Any]:
    """Time to interactive, per-key latency and peak RSS of the program ``cmd``;
    ``focus_text`` is what its footer shows once ``/`` has focused the search bar."""
    with PtyProgram(cmd, env={"TEXTUAL_FPS": str(MAX_FPS)}) as program:  # the app's own frame rate, for both
        painted = program.wait_for(_status(shown), timeout=120)
        interactive = painted - program.started
        settled = program.wait_idle() - program.started
        latencies, focused = [], []
        for query in QUERIES:
            program.mark()
            sent = program.send("/")
            if focus_text:
                focused.append((program.wait_for(focus_text, timeout=30) - sent) * 1000)
            time.sleep(0.3)
            for i in range(1, len(query) + 1):
                program.mark()
                sent = program.send(query[i - 1])
                latencies.append((program.wait_for(_status(-1, query[:i]), timeout=60) - sent) * 1000)
                time.sleep(max(0.0, sent + KEY_GAP - time.perf_counter()))
            program.mark()
            program.send("\x1b")  # Esc clears the search
            program.wait_for(_status(shown), timeout=60)
            time.sleep(0.3)
        scrolls = _scroll(program) if shown > 100 else []
        rss = program.peak_rss_mb()
    latencies.sort()
    return {
        "interactive_s": round(interactive, 2),
        "keystroke_p95_ms": round(latencies[max(0, round(len(latencies) * 0.95) - 1)], 1),
        "keystroke_p50_ms": round(statistics.median(latencies), 1),
        "rss_mb": round(rss, 1),
        "settled_s": round(settled, 2),
        "scroll_p95_ms": round(scrolls[max(0, round(len(scrolls) * 0.95) - 1)], 1) if scrolls else None,
        "focus_max_ms": round(max(focused), 1) if focused else None,
    }


def _scroll(program: PtyProgram, pages: int = 30) -> list[float]:
    """Page Down through the list: each key until the terminal receives the new rows."""
    times = []
    for _ in range(pages):
        program.mark()
        sent = program.send("\x1b[6~")
        times.append((program.wait_for(ROW, timeout=30) - sent) * 1000)
        time.sleep(0.05)
    program.send("g")
    return sorted(times)


def run(sizes: list[int], cache: Path | None, as_json: bool) -> list[dict[str, Any]]:
    floor = measure([sys.executable, "-m", "tui.bench.floor"], 3)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = cache or Path(tmp)
        for size in sizes:
            db = library(size, folder)
            app = measure([sys.executable, "-m", "tui", "--db", str(db)], size, focus_text="Clear search")
            row = {"size": size, "interactive_s": app["interactive_s"], "keystroke_p95_ms": app["keystroke_p95_ms"],
                   "rss_mb": app["rss_mb"], "keystroke_p50_ms": app["keystroke_p50_ms"], "settled_s": app["settled_s"],
                   "scroll_p95_ms": app["scroll_p95_ms"], "focus_max_ms": app["focus_max_ms"],
                   "floor": floor,
                   "ratio": {k: round(app[k] / floor[k], 1) if floor[k] else None
                             for k in ("interactive_s", "keystroke_p95_ms", "rss_mb")}}
            rows.append(row)
            if as_json:
                print(json.dumps(row), flush=True)
    return rows


def table_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows for the printed table, with the floor as the last one."""
    out = []
    for row in rows:
        target = TARGETS.get(row["size"], (None, None, None))
        out.append({"size": "bundled (3)" if row["size"] == 3 else f"{row['size']:,}",
                    "interactive_s": row["interactive_s"], "×floor": row["ratio"]["interactive_s"], "settled_s": row["settled_s"],
                    "key_p50_ms": row["keystroke_p50_ms"], "key_p95_ms": row["keystroke_p95_ms"],
                    "×floor ": row["ratio"]["keystroke_p95_ms"], "rss_mb": row["rss_mb"], "×floor  ": row["ratio"]["rss_mb"],
                    "scroll_p95_ms": row["scroll_p95_ms"], "focus_ms": row["focus_max_ms"],
                    "targets": _verdict(row, target)})
    if rows:
        floor = rows[0]["floor"]
        out.append({"size": "floor: bare Textual", "interactive_s": floor["interactive_s"], "×floor": 1.0,
                    "settled_s": floor["settled_s"],
                    "key_p50_ms": floor["keystroke_p50_ms"], "key_p95_ms": floor["keystroke_p95_ms"], "×floor ": 1.0,
                    "rss_mb": floor["rss_mb"], "×floor  ": 1.0, "scroll_p95_ms": None, "focus_ms": None,
                    "targets": ""})
    return out


def _verdict(row: dict[str, Any], target: tuple[float | None, float | None, float | None]) -> str:
    checks = [("TTI", row["interactive_s"], target[0], "s"), ("key p95", row["keystroke_p95_ms"], target[1], " ms"),
              ("RSS", row["rss_mb"], target[2], " MB")]
    parts = [f"{name} ≤{limit:g}{unit} {'met' if value <= limit else 'MISSED'}" for name, value, limit, unit in checks if limit]
    return "; ".join(parts)
