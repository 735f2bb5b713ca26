"""Generated inboxes of small EV news articles, and running ``evnews-tui`` in another process."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

COMPANIES = ["Tesla", "BYD", "KAMAZ", "Moskvich", "Volkswagen", "Geely", "Evolute", "Nio"]
CITIES = ["Berlin", "Moscow", "Shanghai", "Kazan", "Munich", "Oslo", "Paris", "Riga"]


def write_inbox(folder: Path, count: int) -> Path:
    """``count`` different EV news articles, one file each."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        company, city = COMPANIES[i % len(COMPANIES)], CITIES[i // len(COMPANIES) % len(CITIES)]
        body = " ".join(f"{company} said its plant in {city} built {i * 7 + n} electric cars in week {n}." for n in range(12))
        (folder / f"{i:04}.txt").write_text(f"{company} report {i} from {city}\n\n{body}\n", encoding="utf-8")
    return folder


def evnews(*args: str, **kwargs) -> subprocess.Popen:
    """``evnews-tui ARGS`` in a new process (same interpreter and environment), output piped."""
    return subprocess.Popen([sys.executable, "-m", "tui", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kwargs)


def stored(db: Path) -> int:
    """Articles in the library at ``db`` right now (0 while it is being created)."""
    try:
        with closing(sqlite3.connect(db, timeout=5)) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0
