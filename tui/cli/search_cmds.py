"""``search``: the same search as the app's search bar, from the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from rich.text import Text

from ..core.search import Searcher
from .library_cmds import open_library
from .render import print_json, safe, stdout, warn_stale


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Callable[[argparse.Namespace], int]]:
    search = sub.add_parser(
        "search", parents=[common], help="fuzzy search across English and Russian",
        description='Typos, transliteration, inflection and concepts in both languages. Syntax: words, '
                    '"exact phrase", -exclude, lang:ru, entity:KAMAZ, after:2024-01-01, before:2024-12-31.',
    )
    search.add_argument("query", nargs="+", metavar="QUERY")
    search.add_argument("--lang", choices=("en", "ru", "other"))
    search.add_argument("--limit", type=int, default=10, metavar="N")
    search.add_argument("--json", action="store_true", help="print a JSON array with match spans")
    return {"search": run_search}


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with open_library(args) as library:
        warn_stale(library.conn)
        hits = Searcher(library).search(query, lang=args.lang, limit=max(0, args.limit))
    if args.json:
        print_json([h.to_json() for h in hits])
        return 0
    console = stdout()
    if not hits:
        console.print(Text("No articles match.", style="dim"))
        return 0
    for hit in hits:
        title = safe(hit.title)
        for m in hit.matches:
            if m.field == "title":
                title.stylize("bold yellow", m.start, m.end)
        console.print(Text.assemble((f"{hit.id:>5} ", "dim"), (f"{hit.date or '—':10} {hit.lang} ", "dim"), title))
        console.print(Text("      ") + safe(hit.snippet), style="dim")
    return 0
