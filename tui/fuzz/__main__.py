"""``python -m tui.fuzz [--n 10000] [--queries N] [--seed S] [--only I] [--keep DIR] [--json]``.

Ingestion: each input goes through ``read_bytes`` (as ``add`` reads a file), then every 25
inputs are prepared, entity-tagged, indexed and stored together in a temporary library
(``import_articles``, the importer's pipeline); a batch that fails is retried input by input
to name the culprit. Search: random queries run through the searcher on that library.
Reported as crashes: exceptions, articles the pipeline had to skip because of an internal
error, failed entity extraction, and outputs that break a promise (terminal-unsafe text,
titles over the limit, match spans outside the text, more hits than asked for).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from ..core.importer import import_articles
from ..core.ingest import FORMATS, read_bytes
from ..core.models import RawArticle, Skip
from ..core.parallel import Preparer
from ..core.prepare import MAX_TITLE
from ..core.store import Library
from .mutate import Case, make_case, make_query
from .seeds import load_docs

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ud800-\udfff]")
REASONS = {"empty", "binary", "invalid text", "parse error", "unknown format", "unreadable", "too large", "symlink loop"}
# A skip whose detail names a Python exception came from prepare_or_skip: a bug, not bad input.
INTERNAL = re.compile(r"^[A-Z]\w*(Error|Exception)\b")
BATCH = 25


class Run:
    """Counters and crashes of one fuzz run."""

    def __init__(self, keep: Path | None) -> None:
        self.outcomes: Counter[str] = Counter()
        self.crashes: list[dict] = []
        self.keep = keep
        self.slowest: tuple[float, str] = (0.0, "")

    def crash(self, stage: str, index: int, problem: str, case: Case | None = None, query: str | None = None) -> None:
        self.crashes.append({"stage": stage, "input": index, "problem": problem[-600:],
                             "recipe": case.recipe if case else None, "query": query})
        if self.keep and case is not None:
            self.keep.mkdir(parents=True, exist_ok=True)
            (self.keep / f"{index:05}.bin").write_bytes(case.data)
            (self.keep / f"{index:05}.json").write_text(json.dumps({"name": case.name, "recipe": case.recipe, "problem": problem},
                                                                   ensure_ascii=True, indent=1))

    def timed(self, seconds: float, what: str) -> None:
        if seconds > self.slowest[0]:
            self.slowest = (seconds, what)


def _fmt(name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    return FORMATS.get(suffix, "feed" if suffix == ".atom" else None)


def ingest(run: Run, library: Library, preparer: Preparer, seed: int, indexes: list[int], docs) -> None:
    batch: list[tuple[int, Case, list]] = []
    for i in indexes:
        case = make_case(seed, i, docs)
        start = time.perf_counter()
        try:
            items = list(read_bytes(case.data, case.name, _fmt(case.name)))
        except Exception:
            run.crash("read", i, traceback.format_exc(), case)
            continue
        run.timed(time.perf_counter() - start, f"read input {i} ({case.recipe}, {len(case.data)} bytes)")
        for item in items:
            if not isinstance(item, (RawArticle, Skip)) or not item.path.startswith(case.name):
                run.crash("read", i, f"unexpected item {item!r:.200}", case)
            elif isinstance(item, Skip) and item.reason not in REASONS:
                run.crash("read", i, f"unknown skip reason {item.reason!r}", case)
        batch.append((i, case, items))
        if len(batch) == BATCH:
            store(run, library, preparer, batch)
            batch = []
    if batch:
        store(run, library, preparer, batch)


def store(run: Run, library: Library, preparer: Preparer, batch: list[tuple[int, Case, list]]) -> None:
    start = time.perf_counter()
    try:
        report, _ = import_articles(library, "fuzz", [item for _, _, items in batch for item in items], preparer=preparer)
    except Exception:
        for i, case, items in batch:  # retry one by one to find the input that breaks it
            try:
                import_articles(library, "fuzz", items, preparer=preparer)
            except Exception:
                run.crash("import", i, traceback.format_exc(), case)
        return
    run.timed((time.perf_counter() - start) / len(batch), f"prepare+store batch of {batch[0][0]}…")
    owner = {case.name: (i, case) for i, case, _ in batch}
    run.outcomes["articles added"] += len(report.added)
    run.outcomes["duplicates"] += len(report.duplicates)
    for skip in report.skipped:
        run.outcomes[f"skipped: {skip.reason}"] += 1
        if INTERNAL.match(skip.detail):
            i, case = next((v for k, v in owner.items() if skip.path.startswith(k)), (-1, None))
            run.crash("prepare", i, skip.message(), case)
    for warning in report.warnings:
        run.crash("entities", batch[0][0], warning)
    for article_id in report.added:
        article = library.get(article_id)
        for field in (article.title, article.text, article.source or "", article.author or ""):
            if UNSAFE.search(field):
                run.crash("stored", article_id, f"unsafe character {UNSAFE.search(field)[0]!r} in {article.path}")
        if len(article.title) > MAX_TITLE:
            run.crash("stored", article_id, f"title of {len(article.title)} characters in {article.path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tui.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=10_000, help="ingestion inputs (default %(default)s)")
    parser.add_argument("--queries", type=int, help="search queries (default: as many as --n)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", type=int, metavar="I", help="run only input I (and query I) of this seed")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="save each crashing input here")
    parser.add_argument("--corpora", type=Path, metavar="DIR", help="corpora folder (default ../shared/corpora)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    docs, sources = load_docs(corpora=args.corpora)
    indexes = [args.only] if args.only is not None else list(range(args.n))
    queries = 1 if args.only is not None else (args.queries if args.queries is not None else args.n)
    run = Run(args.keep)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="evnews-fuzz-") as tmp, Library.open(Path(tmp) / "fuzz.sqlite3") as library:
        library.set_meta("seeded", "1")
        with Preparer(workers=1) as preparer:
            for offset in range(0, len(indexes), 500):
                ingest(run, library, preparer, args.seed, indexes[offset:offset + 500], docs)
                _progress(args, f"{offset + len(indexes[offset:offset + 500])} inputs, {len(run.crashes)} crashes")
        ingest_seconds = time.perf_counter() - started
        from ..core.search import Searcher

        searcher = Searcher(library)  # one for the run: its vocabulary loads once
        search_indexes = [args.only] if args.only is not None else list(range(queries))
        for j in search_indexes:
            query(run, library, searcher, make_query(args.seed, j, docs), j)
        integrity = library.conn.execute("PRAGMA integrity_check").fetchone()[0]
        articles = library.count()
    summary = {"seed": args.seed, "inputs": len(indexes), "queries": len(search_indexes), "seeds": sources,
               "articles in library": articles, "integrity": integrity, "outcomes": dict(sorted(run.outcomes.items())),
               "crashes": len(run.crashes), "crash list": run.crashes[:50],
               "slowest": f"{run.slowest[0]:.2f} s: {run.slowest[1]}",
               "seconds": {"ingest": round(ingest_seconds, 1), "total": round(time.perf_counter() - started, 1)}}
    if args.json:
        print(json.dumps(summary, ensure_ascii=True, indent=1))
    else:
        _print(summary)
    return 1 if run.crashes or integrity != "ok" else 0


def query(run: Run, library: Library, searcher, text: str, j: int) -> None:
    """One query through the searcher, its hits checked."""
    start = time.perf_counter()
    try:
        hits = searcher.search(text, limit=10)
    except Exception:
        run.crash("search", j, traceback.format_exc(), query=text)
        return
    run.timed(time.perf_counter() - start, f"query {j} ({len(text)} characters)")
    run.outcomes["queries with hits" if hits else "queries without hits"] += 1
    if len(hits) > 10:
        run.crash("search", j, f"{len(hits)} hits for a limit of 10", query=text)
    for hit in hits:
        if UNSAFE.search(hit.snippet) or UNSAFE.search(hit.title):
            run.crash("search", j, f"unsafe character in hit {hit.id}", query=text)
        length = {"title": len(hit.title), "text": len(library.get(hit.id).text)}
        if any(not 0 <= m.start <= m.end <= length.get(m.field, -1) for m in hit.matches):
            run.crash("search", j, f"match span outside article {hit.id}", query=text)


def _progress(args: argparse.Namespace, message: str) -> None:
    if not args.json and sys.stderr.isatty():
        print(f"  … {message}", file=sys.stderr)


def _print(summary: dict) -> None:
    print(f"evnews-tui fuzz run, seed {summary['seed']}: {summary['inputs']} inputs, {summary['queries']} queries "
          f"({', '.join(summary['seeds'])})")
    for key, value in summary["outcomes"].items():
        print(f"  {key:28} {value}")
    print(f"  library after the run: {summary['articles in library']} articles, integrity_check {summary['integrity']}")
    print(f"  slowest: {summary['slowest']}; {summary['seconds']['total']} s in all")
    print(f"  crashes: {summary['crashes']}")
    for crash in summary["crash list"]:
        last = crash["problem"].strip().splitlines()[-1] if crash["problem"].strip() else ""
        print(f"    {crash['stage']} #{crash['input']} ({crash['recipe'] or repr(crash['query'])[:60]}): {last[:200]}")


if __name__ == "__main__":
    sys.exit(main())
