"""Seed documents for the fuzz run: the bundled articles and samples of ../shared/corpora."""

from __future__ import annotations

import json
from pathlib import Path

from ..bench import corpora_dir
from ..core.paths import bundled_articles_dir
from .hostile import hostile_body, hostile_title
from .mutate import Doc

#: news collections sampled from the corpora (JSON Lines with title and text)
CORPORA = ["en_news_bbc/bbc_articles.jsonl", "en_news_reuters21578/reuters21578_articles.jsonl",
           "ru_news_ng/ng_articles.jsonl", "ru_news_rt/rt_articles.jsonl", "ru_news_samples/ru_news_samples.jsonl",
           "wmt_newstest_en_ru/newstest_en_ru_pairs.jsonl"]


def load_docs(per_corpus: int = 40, corpora: Path | None = None) -> tuple[list[Doc], list[str]]:
    """The seed documents, and where they came from (for the report)."""
    docs = []
    for path in sorted(bundled_articles_dir().glob("*.txt")):
        title, _, text = path.read_text(encoding="utf-8").partition("\n")
        docs.append(Doc(title.strip(), text.strip(), "ru" if any("а" <= c <= "я" for c in title.lower()) else "en"))
    docs.append(Doc(hostile_title(), hostile_body()))
    sources = [f"{len(docs)} bundled and hostile"]
    root = corpora or corpora_dir()
    for name in CORPORA:
        path = root / name
        if not path.is_file():
            continue
        found = 0
        with path.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if found >= per_corpus:
                    break
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                for title, text, lang in _texts(record):
                    docs.append(Doc(title, text, lang))
                    found += 1
        sources.append(f"{found} from {name.split('/')[0]}")
    return docs, sources


def _texts(record: dict) -> list[tuple[str, str, str]]:
    """(title, text, lang) of a corpus record (translation pairs give one per language)."""
    if isinstance(record.get("text"), str):
        return [(str(record.get("title") or ""), record["text"], str(record.get("lang") or "en"))]
    out = []
    for lang in ("en", "ru"):
        value = record.get(lang) or record.get(f"text_{lang}") or record.get(f"{lang}_text")
        if isinstance(value, str):
            out.append((value[:80], value, lang))
    return out
