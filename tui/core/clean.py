"""Boilerplate removal. The rules live in ``data/boilerplate.toml``; this module applies them.

Cleaning works on paragraphs and never edits a sentence it keeps, except to trim a trailing
byline ("… Автор: Сергей Никифоров"). The original text is stored untouched beside the result.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .paths import bundled_data_dir, config_dir
from .text import fold

_FLAGS = re.IGNORECASE | re.UNICODE
_TRIM_WINDOW = 120  # trim patterns only ever look at this many trailing characters


@dataclass(frozen=True, slots=True)
class Block:
    """A promo/survey block: ``start`` through ``end`` within ``max`` paragraphs."""

    start: re.Pattern[str]
    end: re.Pattern[str]
    max: int = 8


@dataclass(frozen=True, slots=True)
class Rules:
    """Compiled boilerplate rules, one tuple per family."""

    drop: tuple[re.Pattern[str], ...] = ()
    drop_with_next: tuple[re.Pattern[str], ...] = ()
    trim: tuple[re.Pattern[str], ...] = ()
    blocks: tuple[Block, ...] = ()
    cut_tail: tuple[re.Pattern[str], ...] = field(default=())


def _compile(patterns: list[str], origin: Path) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p, _FLAGS) for p in patterns)
    except re.error as exc:
        raise ValueError(f"{origin}: bad boilerplate pattern: {exc}") from None


def _read(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Bundled rules plus the user's ``boilerplate.toml`` from the config folder, if any."""
    files = [bundled_data_dir() / "boilerplate.toml", config_dir() / "boilerplate.toml"]
    merged: dict[str, list[re.Pattern[str]]] = {"drop": [], "drop_with_next": [], "trim": [], "cut_tail": []}
    blocks: list[Block] = []
    for path in files:
        if not path.is_file():
            continue
        data = _read(path)
        for family, patterns in merged.items():
            patterns.extend(_compile(data.get(family, {}).get("patterns", []), path))
        for block in data.get("block", []):
            start, end = _compile([block["start"], block["end"]], path)
            blocks.append(Block(start, end, int(block.get("max", 8))))
    return Rules(blocks=tuple(blocks), **{name: _combine(p) for name, p in merged.items()})


def _combine(patterns: list[re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    """One alternation per family, so each paragraph costs one regex search, not dozens."""
    if len(patterns) < 2:
        return tuple(patterns)
    try:
        return (re.compile("|".join(f"(?:{p.pattern})" for p in patterns), _FLAGS),)
    except re.error:  # e.g. a user pattern with inline global flags: keep them separate
        return tuple(patterns)


def _same_text(para: str, folded: str) -> bool:
    """``para`` restates the (already folded) title: a repeated headline or photo caption."""
    return abs(len(para) - len(folded)) <= 8 and fold(para) == folded


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


def clean_paragraphs(paras: list[str], title: str | None = None, rules: Rules | None = None) -> list[str]:
    """Return the article paragraphs with boilerplate removed.

    ``title`` lets repeated headlines (photo captions that restate it) be dropped.
    """
    rules = rules or load_rules()
    title_key = fold(title) if title else None
    half = len(paras) // 2
    kept: list[str] = []
    skip_until = -1
    for i, para in enumerate(paras):
        if i <= skip_until:
            continue
        if i >= half and _any(rules.cut_tail, para):
            break
        if _any(rules.drop_with_next, para):
            skip_until = i + 1
            continue
        block_end = _block_end(rules.blocks, paras, i)
        if block_end is not None:
            skip_until = block_end
            continue
        if _any(rules.drop, para) or (title_key and _same_text(para, title_key)):
            continue
        for pattern in rules.trim:
            # Trims are anchored at the end; matching on the tail keeps long paragraphs cheap.
            head, tail = para[:-_TRIM_WINDOW], para[-_TRIM_WINDOW:]
            para = (head + pattern.sub("", tail)).rstrip()
        if para:
            kept.append(para)
    return kept


def _block_end(blocks: tuple[Block, ...], paras: list[str], i: int) -> int | None:
    """Index of the last paragraph of a block starting at ``i``, or None if none starts here."""
    for block in blocks:
        if block.start.search(paras[i]):
            for j in range(i + 1, min(len(paras), i + 1 + block.max)):
                if block.end.search(paras[j]):
                    return j
            return i
    return None
