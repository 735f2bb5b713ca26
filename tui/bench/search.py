"""Search speed at 1k, 10k and 100k articles of real text (``python -m tui.bench search``).

Libraries are built from real paragraphs resampled per language (NG, RT and the Russian
sample; BBC and Reuters), so vocabulary and term statistics stay those of real news. Each
size reports index build time and size, query latency p50/p95 over a fixed mixed query
set (in a fresh process, which also gives the peak memory of searching), and the same
queries through ``grep -ci`` and ``fzf --filter`` over the same text, per query.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import corpora_dir

SOURCES = {
    "ru": ("ru_news_ng/ng_articles.jsonl", "ru_news_rt/rt_articles.jsonl", "ru_news_samples/ru_news_samples.jsonl"),
    "en": ("en_news_bbc/bbc_articles.jsonl", "en_news_reuters21578/reuters21578_articles.jsonl"),
}
QUERIES = [
    "kamaz", "КАМАЗ", "moskvich", "автоваз", "avtovaz", "tesla", "Тесла", "chrysler", "gazprom", "газпром",
    "kamza", "chrystler", "volkswagn", "автаваз", "Казахстон", "putin", "Путин", "Kazakhstan", "в Казахстане",
    "electric car", "электромобиль", "charging station", "зарядные станции", "truck", "грузовики", "oil prices",
    "нефть цены", "car sales fell", "продажи автомобилей", "\"general motors\"", "strike -bank", "lang:ru санкции",
    "after:2017-01-01 выборы", "bank of japan", "центральный банк", "carmaker", "автопроизводитель", "plant", "завод",
    "investment fund",
]
BASELINE_QUERIES = 10  # grep/fzf run on the first N queries (fzf is slow on 100k articles)


def _paragraphs() -> dict[str, tuple[list[str], list[str]]]:
    pools = {}
    for lang, files in SOURCES.items():
        titles, paras = [], []
        for relative in files:
            with (corpora_dir() / relative).open(encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    titles.append(record.get("title") or "")
                    paras += [p for p in record["text"].split("\n") if len(p) > 60]
        pools[lang] = (titles, paras)
    return pools


def write_corpus(size: int, folder: Path) -> tuple[Path, Path]:
    """``size`` resampled articles as JSONL (to import) and as one line each (for grep/fzf)."""
    rng = random.Random(size)
    pools = _paragraphs()
    jsonl, flat = folder / "corpus.jsonl", folder / "corpus.txt"
    with jsonl.open("w", encoding="utf-8") as out, flat.open("w", encoding="utf-8") as lines:
        for i in range(size):
            lang = "ru" if i % 2 else "en"
            titles, paras = pools[lang]
            title, body = rng.choice(titles), "\n\n".join(rng.sample(paras, rng.randint(3, 8)))
            out.write(json.dumps({"id": f"bench:{i}", "title": f"{title} ({i})", "text": body, "lang": lang}, ensure_ascii=False) + "\n")
            lines.write(f"{title} {' '.join(body.split())}\n")
    return jsonl, flat


def _latency(db: Path) -> dict[str, float]:
    """Run in a fresh process: query latency and the peak memory of a searching process
    (VmHWM: ru_maxrss would count the benchmark process it was forked from)."""
    code = (
        "import json, statistics, time\n"
        "from tui.core.store import Library\nfrom tui.core.search import Searcher\n"
        f"queries = {QUERIES!r}\n"
        f"s = Searcher(Library.open({str(db)!r}))\n"
        "s.warm_up()  # as the app does at start: the vocabulary for typo matching\n"
        "times = []\n"
        "for _ in range(3):\n"
        "    for q in queries:\n"
        "        t = time.perf_counter(); s.search(q, limit=20, details=False); times.append((time.perf_counter() - t) * 1000)\n"
        "times.sort()\n"
        "hwm = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "print(json.dumps({'p50': statistics.median(times), 'p95': times[int(len(times) * 0.95) - 1], 'rss': hwm / 1024}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def _baseline(tool: list[str], flat: Path, queries: list[str]) -> float | None:
    if shutil.which(tool[0]) is None:
        return None
    times = []
    for q in queries:
        start = time.perf_counter()
        with flat.open("rb") as stdin:
            subprocess.run([*tool, q] if tool[0] == "grep" else [*tool, q], stdin=stdin, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 1)


def measure(size: int) -> dict[str, Any]:
    from ..core.importer import import_paths
    from ..core.store import Library

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        jsonl, flat = write_corpus(size, folder)
        db = folder / "bench.sqlite3"
        start = time.perf_counter()
        with Library.open(db) as library:
            report = import_paths(library, [jsonl], entities=False, max_bytes=10**10)
            assert len(report.added) == size, report.skipped[:3]
            library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        build = time.perf_counter() - start
        latency = _latency(db)
        queries = [q for q in QUERIES if ":" not in q and '"' not in q and "-" not in q][:BASELINE_QUERIES]
        return {
            "size": size,
            "build_s": round(build, 1),
            "index_mb": round(db.stat().st_size / 1e6, 1),
            "p50_ms": round(latency["p50"], 1),
            "p95_ms": round(latency["p95"], 1),
            "peak_mb": round(latency["rss"], 1),
            "grep_ms": _baseline(["grep", "-ci", "--"], flat, queries),
            "fzf_ms": _baseline(["fzf", "--filter"], flat, queries),
        }


def run(sizes: list[int]) -> list[dict[str, Any]]:
    return [measure(size) for size in sizes]


if __name__ == "__main__":
    print(json.dumps(measure(int(os.environ.get("SIZE", "1000")))))
