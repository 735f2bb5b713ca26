"""``python -m tui.bench [import|clean|entities|search|app] [--sizes 1000,10000,100000] [--json] [--repeats N]``."""

from __future__ import annotations

import argparse
import json
import os
import sys

from rich.console import Console
from rich.table import Table

from pathlib import Path

from . import app, cleaning, corpora_dir, extraction, importing, search


def _table(title: str, rows: list[dict]) -> Table:
    table = Table(title=title)
    for key in rows[0]:
        table.add_column(key, justify="right" if isinstance(rows[0][key], (int, float)) else "left")
    for row in rows:
        table.add_row(*(str(v) for v in row.values()))
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.bench", description=__doc__)
    parser.add_argument("suite", nargs="?", choices=("import", "clean", "entities", "search", "app"), default="import")
    parser.add_argument("--sizes", help="library sizes: search 1000,10000,100000 (default); app 3,10000,100000 (3 = bundled)")
    parser.add_argument("--cache", type=Path, metavar="DIR", help="app: build libraries here once and reuse them (lib-SIZE.sqlite3)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    if args.suite == "clean":
        return _emit("Cleaning on the bundled seeds", cleaning.run(), args.json)
    if args.suite == "app" and set(_sizes(args.sizes or "3")) == {3}:  # the bundled corpus needs no corpora
        return _app(args)
    if not corpora_dir().is_dir():
        print(f"python -m tui.bench: corpora not found at {corpora_dir()} (set EVNEWS_CORPORA)", file=sys.stderr)
        return 1
    if args.suite == "app":
        return _app(args)
    if args.suite == "search":
        rows = []
        for size in _sizes(args.sizes or "1000,10000,100000"):
            row = search.measure(size)
            rows.append(row)
            if args.json:
                print(json.dumps(row), flush=True)
        if args.json:
            return 0
        for row in rows:
            for base in ("grep_ms", "fzf_ms"):
                row[base.replace("_ms", "_ratio")] = round(row[base] / row["p95_ms"], 1) if row[base] else None
        return _emit(f"Search ({os.cpu_count()} cores): build, size, latency, memory; grep/fzf per query", rows, False)
    if args.suite == "entities":
        return _emit(f"Entity extraction, 3 KB articles, half EN half RU ({os.cpu_count()} cores)", extraction.run(), args.json)
    title = f"Import throughput ({os.cpu_count()} cores, no entity extraction)"
    return _emit(title, importing.run(args.repeats), args.json)


def _sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def _app(args: argparse.Namespace) -> int:
    rows = app.run(_sizes(args.sizes or "3,10000,100000"), args.cache, args.json)
    if not args.json:
        Console(width=170).print(_table(f"The app at 120×35 ({os.cpu_count()} cores): time to interactive, keystroke → repainted"
                               " results, peak RSS; ratios to a bare three-pane Textual app", app.table_rows(rows)))
    return 0


def _emit(title: str, rows: list[dict], as_json: bool) -> int:
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        Console().print(_table(title, rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
