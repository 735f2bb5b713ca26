"""Search quality on real news: ``python -m tui.eval search``.

The library is built from five corpora (NG, RT, the multi-outlet Russian sample, BBC,
Reuters-21578: about 7,900 articles) and cached; each hand-judged query in
``search_queries.toml`` is run and scored by recall@10 and MRR. The same queries are run
through what a user would otherwise reach for over the same text: ``grep -i`` (a
case-insensitive substring, in file order) and ``fzf --filter`` (fzf's fuzzy ranking).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import tomllib
from collections import defaultdict
from pathlib import Path

from ..core.importer import import_paths
from ..core.reindex import reindex_search
from ..core.search import index as search_index
from ..core.search import Searcher
from ..core.store import Library

FILES = ("ru_news_ng/ng_articles.jsonl", "ru_news_rt/rt_articles.jsonl", "ru_news_samples/ru_news_samples.jsonl",
         "en_news_bbc/bbc_articles.jsonl", "en_news_reuters21578/reuters21578_articles.jsonl")
QUERIES = Path(__file__).with_name("search_queries.toml")
K = 10


def load_queries() -> list[dict]:
    with QUERIES.open("rb") as handle:
        return tomllib.load(handle)["query"]


def build_library(root: Path, db: Path) -> Library:
    """Open the cached evaluation library, importing the corpora if it is new."""
    fresh = not db.exists()
    library = Library.open(db)
    if fresh:
        import_paths(library, [root / f for f in FILES])
    elif search_index.is_stale(library.conn):  # cached by an older version: same articles, new keys
        reindex_search(library)
    return library


def _articles(root: Path) -> list[tuple[str, str]]:
    """(corpus id, one-line "title text") for every record, in file order, first copy only."""
    seen, out = set(), []
    for relative in FILES:
        with (root / relative).open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                body = " ".join(f"{record.get('title') or ''} {record['text']}".split())
                if body.casefold() not in seen:
                    seen.add(body.casefold())
                    out.append((record["id"], body))
    return out


def grep_top(articles: list[tuple[str, str]], query: str) -> list[str]:
    needle = query.casefold()
    return [cid for cid, body in articles if needle in body.casefold()][:K]


def fzf_top(lines_file: Path, query: str) -> list[str] | None:
    if shutil.which("fzf") is None:
        return None
    result = subprocess.run(["fzf", "--filter", query, "--delimiter", "\t", "--nth", "2"], stdin=lines_file.open("rb"),
                            capture_output=True, timeout=60)
    return [line.split(b"\t", 1)[0].decode() for line in result.stdout.splitlines()[:K]]


def _score(expected: list[str], got: list[str] | None) -> tuple[float, float] | None:
    if got is None:
        return None
    found = [cid for cid in got[:K] if cid in expected]
    recall = len(found) / len(expected)
    rr = next((1 / (i + 1) for i, cid in enumerate(got[:K]) if cid in expected), 0.0)
    return recall, rr


def evaluate(root: Path, db: Path) -> tuple[list[dict], list[dict]]:
    """Per-category rows (recall@10, MRR for evnews, grep, fzf) and per-query misses."""
    library = build_library(root, db)
    searcher = Searcher(library)
    to_cid = dict(library.conn.execute("SELECT id, ext_id FROM articles"))
    articles = _articles(root)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        for cid, body in articles:
            handle.write(f"{cid}\t{body}\n")
        lines_file = Path(handle.name)
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    misses = []
    try:
        for q in load_queries():
            ours = [to_cid.get(h.id) for h in searcher.search(q["q"], limit=K, details=False)]
            for system, got in (("evnews", ours), ("grep", grep_top(articles, q["q"])), ("fzf", fzf_top(lines_file, q["q"]))):
                scored = _score(q["expected"], got)
                for bucket in (q["category"], "all"):
                    if scored is not None:
                        sums[bucket][f"{system}_recall"].append(scored[0])
                        sums[bucket][f"{system}_mrr"].append(scored[1])
            recall = _score(q["expected"], ours)[0]
            if recall < 1:
                misses.append({"q": q["q"], "category": q["category"], "recall": round(recall, 2),
                               "missing": [c for c in q["expected"] if c not in ours]})
    finally:
        lines_file.unlink()
        library.close()
    rows = []
    for bucket in sorted(sums, key=lambda b: (b == "all", b)):
        row = {"category": bucket, "queries": len(sums[bucket]["evnews_recall"])}
        for key in ("evnews_recall", "evnews_mrr", "grep_recall", "grep_mrr", "fzf_recall", "fzf_mrr"):
            values = sums[bucket].get(key)
            row[key] = round(sum(values) / len(values), 3) if values else None
        rows.append(row)
    return rows, misses
