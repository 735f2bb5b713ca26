"""Query syntax: words, "exact phrases", -excluded words, and filters.

Filters: ``lang:ru``, ``entity:KAMAZ`` (or ``entity:"Sergey Kogogin"``), ``after:2024-01-01``,
``before:2024-12-31``. Any string is a valid query: unknown ``x:y`` pairs are plain words,
an unclosed quote runs to the end, and very long queries are cut to their first words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..detect import parse_date

MAX_WORDS = 32
_TOKEN = re.compile(r'(-?)(?:(\w+):)?"([^"]*)"?|(\S+)')
_LANGS = {"en", "ru", "other"}


@dataclass
class Query:
    """A parsed query. ``words`` are free text; ``phrases`` keep their word order."""

    text: str
    words: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    lang: str | None = None
    entity: str | None = None
    after: str | None = None
    before: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases)

    @property
    def has_filters(self) -> bool:
        return any((self.lang, self.entity, self.after, self.before))


def parse(text: str) -> Query:
    query = Query(text)
    for m in _TOKEN.finditer(text[:10_000]):
        negate, key, quoted, bare = m.group(1), m.group(2), m.group(3), m.group(4)
        if quoted is not None:
            if key and _apply_filter(query, key, quoted):
                continue
            if quoted.strip():
                (query.excluded if negate else query.phrases).append(quoted)
            continue
        token = bare or ""
        name, sep, value = token.partition(":")
        if sep and value and _apply_filter(query, name, value):
            continue
        if token.startswith("-") and len(token) > 1:
            query.excluded.append(token[1:])
        else:
            query.words.append(token)
        if len(query.words) >= MAX_WORDS:
            break
    return query


def _apply_filter(query: Query, name: str, value: str) -> bool:
    name = name.lower()
    if name == "lang" and value.lower() in _LANGS:
        query.lang = value.lower()
    elif name == "entity" and value.strip():
        query.entity = value.strip()
    elif name in ("after", "before") and (date := parse_date(value)):
        setattr(query, name, date)
    else:
        return False
    return True
