"""``python -m tui.eval entities [--json] [--limit N] [--errors N] [--nested] [--split S]`` and
``python -m tui.eval linking [--json] [--limit N]``."""

from __future__ import annotations

import argparse
import json
import sys
import time

from rich.console import Console
from rich.table import Table

from pathlib import Path

from . import corpora_root, gold


def _table(title: str, rows: list[dict], skip: tuple[str, ...] = ()) -> Table:
    table = Table(title=title)
    keys = [k for k in rows[0] if k not in skip]
    for key in keys:
        table.add_column(key, justify="right" if isinstance(rows[0][key], (int, float)) else "left")
    for row in rows:
        table.add_row(*(f"{row[k]:.3f}" if isinstance(row[k], float) else str(row[k]) for k in keys))
    return table


def _failures(console: Console, failures: int, first_traceback: str, what: str) -> None:
    if failures:
        console.print(f"[red]{what}: the extractor raised on {failures} item(s); first traceback:[/red]")
        console.print(first_traceback, markup=False, highlight=False)


def run_entities(args: argparse.Namespace, console: Console, err: Console) -> int:
    from .entities import evaluate

    root = corpora_root()
    readers = {"factrueval": lambda r, n: gold.factrueval(r, n, args.strict, args.split),
               "nerel": lambda r, n: gold.nerel(r, n, args.strict, args.split),
               "conll_en": lambda r, n: gold.conll(r, n, args.split)}
    reports = []
    for name, reader in readers.items():
        if args.dataset and name not in args.dataset:
            continue
        docs = reader(root, args.nested)
        docs = docs[: args.limit] if args.limit else docs
        started = time.perf_counter()
        report = evaluate(name, docs, args.errors)
        reports.append(report)
        err.print(f"{name}: {report.docs} documents, {report.failures} extractor failure(s), "
                  f"{report.dropped_nested} nested gold mention(s) dropped, "
                  f"{time.perf_counter() - started:.1f} s", highlight=False)
        _failures(err, report.failures, report.first_traceback, name)
    if args.json:
        for report in reports:
            for row in report.rows:
                print(json.dumps(row, ensure_ascii=False))
        return 0
    for level, title in (("doc", "Document level: sets of normalised (type, key) per document"),
                         ("mention", "Mention level: exact (start, end, type)")):
        console.print(_table(title, [r for rep in reports for r in rep.rows if r["level"] == level], ("level",)))
    for report in reports if args.errors else ():
        for label, items in (("false positives", report.false_positives),
                             ("false negatives", report.false_negatives)):
            table = Table(title=f"{report.dataset}: top {args.errors} document-level {label}")
            for column, justify in (("docs", "right"), ("type key", "left"), ("surfaces seen (gold or ours)", "left")):
                table.add_column(column, justify=justify)
            for item, examples, count in items:
                table.add_row(str(count), item, examples)
            console.print(table)
    return 0


def run_linking(args: argparse.Namespace, console: Console, err: Console) -> int:
    from itertools import islice

    from .linking import evaluate

    pairs = list(islice(gold.wmt_pairs(corpora_root()), args.limit or None))
    started = time.perf_counter()
    report = evaluate(pairs, 25)
    err.print(f"linking: {report.pairs} aligned pairs in {report.documents} documents, "
              f"{report.failures} extractor failure(s), {time.perf_counter() - started:.1f} s", highlight=False)
    _failures(err, report.failures, report.first_traceback, "linking")
    if args.json:
        for row in report.rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    console.print(_table("EN↔RU linking: same entity id", report.rows))
    table = Table(title=f"{len(report.examples)} most frequent failures")
    for column in ("n", "type", "pair", "en surface", "ru surface", "en key", "ru key"):
        table.add_column(column, justify="right" if column == "n" else "left")
    for c, count in report.examples:
        table.add_row(str(count), c.type, c.pair.id, c.en.surface, c.ru.surface, c.en.key, c.ru.key)
    console.print(table)
    return 0


def run_search(args: argparse.Namespace, console: Console, err: Console) -> int:
    import tempfile

    from .search import evaluate

    db = args.db or Path(tempfile.gettempdir()) / "evnews-eval-search.sqlite3"
    if not db.exists():
        err.print(f"Building the evaluation library at {db} (a few minutes, once)…", highlight=False)
    started = time.perf_counter()
    rows, misses = evaluate(corpora_root(), db)
    err.print(f"{rows[-1]['queries']} queries in {time.perf_counter() - started:.1f} s", highlight=False)
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return 0
    console.print(_table("Search quality: recall@10 and MRR (grep -i and fzf --filter on the same text)", rows))
    if args.misses:
        for miss in misses:
            console.print(f"[dim]{miss['category']:12}[/dim] {miss['q']!r:40} recall {miss['recall']}  missing {miss['missing']}",
                          highlight=False, markup=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.eval", description=__doc__)
    sub = parser.add_subparsers(dest="suite", required=True)
    ent = sub.add_parser("entities", help="PER/LOC/ORG precision, recall, F1 on gold NER test sets")
    ent.add_argument("--json", action="store_true", help="one JSON object per line")
    ent.add_argument("--limit", type=int, default=0, help="at most N documents per data set (default: all)")
    ent.add_argument("--errors", type=int, default=0, help="list the N most frequent doc-level FPs and FNs")
    ent.add_argument("--nested", action="store_true", help="keep gold mentions nested inside others")
    ent.add_argument("--strict", action="store_true",
                     help="score against every gold mention, descriptors and adjectives included (default: names)")
    ent.add_argument("--split", choices=tuple(gold.SPLITS), default="test",
                     help="test (default; report these), dev or train (tune on these; factRuEval has no train, "
                          "so train means its devset)")
    ent.add_argument("--dataset", action="append", choices=("factrueval", "nerel", "conll_en"),
                     help="only this data set (repeatable)")
    srch = sub.add_parser("search", help="recall@10 and MRR of search on hand-judged queries, with grep and fzf")
    srch.add_argument("--json", action="store_true", help="one JSON object per line")
    srch.add_argument("--db", type=Path, default=None, help="evaluation library (default: cached in the temp folder)")
    srch.add_argument("--misses", action="store_true", help="list the queries that miss expected articles")
    link = sub.add_parser("linking", help="EN↔RU linking on WMT newstest aligned pairs")
    link.add_argument("--json", action="store_true", help="one JSON object per line")
    link.add_argument("--limit", type=int, default=3000, help="first N pairs (default 3000; 0 = all)")
    args = parser.parse_args(argv)
    root = corpora_root()
    if not root.is_dir():
        print(f"python -m tui.eval: corpora not found at {root} (set EVNEWS_CORPORA)", file=sys.stderr)
        return 1
    # Rich falls back to 80 columns when piped, which cuts keys; use a wide line instead.
    console = Console() if sys.stdout.isatty() else Console(width=200)
    err = Console(stderr=True) if sys.stderr.isatty() else Console(stderr=True, width=200)
    runners = {"entities": run_entities, "linking": run_linking, "search": run_search}
    return runners[args.suite](args, console, err)


if __name__ == "__main__":
    sys.exit(main())
