"""Entity commands: ``entities`` and ``reindex``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from rich.table import Table
from rich.text import Text

from ..core import entity_store
from ..core.reindex import reindex, reindex_search
from .library_cmds import open_library
from .render import fail, print_json, safe, stdout, warn_stale

TYPES = ("ORG", "PERSON", "PLACE", "PRODUCT", "FIGURE")


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Callable[[argparse.Namespace], int]]:
    ent = sub.add_parser("entities", parents=[common], help="companies, people, places, models and figures",
                         description="Entities linked across English and Russian articles.")
    ent.add_argument("--article", type=int, metavar="ID", help="only entities in this article")
    ent.add_argument("--type", type=str.upper, choices=TYPES, help="only this type")
    ent.add_argument("--lang", choices=("en", "ru"), help="only mentions in articles of this language")
    ent.add_argument("--json", action="store_true", help="print a JSON array")
    re = sub.add_parser("reindex", parents=[common], help="re-extract every article's entities",
                        description="Rebuild all entities and the search index, e.g. after editing entities.toml "
                                    "in the config folder.")
    re.add_argument("--search", action="store_true",
                    help="rebuild only the search index (faster; entities are kept)")
    re.add_argument("--json", action="store_true", help="print a JSON summary")
    return {"entities": run_entities, "reindex": run_reindex}


def run_entities(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        warn_stale(library.conn, "entities_version")
        if args.article is not None and library.get(args.article) is None:
            return fail(f"no article with id {args.article} (see 'evnews-tui list')")
        infos = entity_store.list_entities(library.conn, article=args.article, kind=args.type, lang=args.lang)
    if args.json:
        print_json([i.to_json() for i in infos])
        return 0
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name in ("Type", "Name", "EN", "RU", "Articles", "EN/RU"):
        table.add_column(name, justify="right" if name in ("Articles",) else "left", overflow="fold")
    for info in infos:
        table.add_row(info.type, safe(info.name), safe(info.names.get("en") or "—"), safe(info.names.get("ru") or "—"),
                      str(len(info.articles)), Text(f"{info.langs.get('en', 0)}/{info.langs.get('ru', 0)}", style="dim"))
    stdout().print(table)
    return 0


def run_reindex(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    if args.search:
        return _reindex_search(args)
    with open_library(args) as library:
        if sys.stderr.isatty() and not args.json:
            with Progress(transient=True) as bar:
                task = bar.add_task("Extracting entities", total=None)
                done, failed = reindex(library, progress=lambda n, total: bar.update(task, completed=n, total=total))
        else:
            done, failed = reindex(library)
        entities = library.conn.execute("SELECT count(*) FROM entities").fetchone()[0]
    if args.json:
        print_json({"articles": done, "failed": failed, "entities": entities})
    else:
        stdout().print(f"Re-extracted entities for {done} articles: {entities} entities" + (f", {failed} failed" if failed else ""))
    return 1 if failed and failed == done else 0


def _reindex_search(args: argparse.Namespace) -> int:
    from rich.progress import Progress

    with open_library(args) as library:
        if sys.stderr.isatty() and not args.json:
            with Progress(transient=True) as bar:
                task = bar.add_task("Rebuilding the search index", total=None)
                done = reindex_search(library, progress=lambda n, total: bar.update(task, completed=n, total=total))
        else:
            done = reindex_search(library)
    if args.json:
        print_json({"articles": done})
    else:
        stdout().print(f"Rebuilt the search index for {done} articles")
    return 0
