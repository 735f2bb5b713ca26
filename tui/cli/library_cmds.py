"""Library commands: ``add``, ``list``, ``show``, and launching the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..core.ingest import DEFAULT_MAX_BYTES
from ..core.paths import resolve_db_path
from ..core.store import Library
from .render import fail, import_progress, print_article, print_json, print_list, print_report


def open_library(args: argparse.Namespace) -> Library:
    """The library named by --db / $EVNEWS_DB / the default, seeded on first use."""
    from ..core.importer import ensure_seeded  # the importer pulls in most of the core: not for the app

    library = Library.open(resolve_db_path(args.db))
    ensure_seeded(library)
    return library


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add this module's subcommands to ``sub``; return name -> handler."""
    add = sub.add_parser("add", parents=[common], help="import article files or folders",
                         description="Import .txt, .md, .html, .jsonl and RSS/Atom files; folders are walked recursively.")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--max-size", type=float, default=DEFAULT_MAX_BYTES / 1e6, metavar="MB",
                     help="skip files larger than this (default: %(default)g MB)")
    add.add_argument("--json", action="store_true", help="print the import report as JSON")

    lst = sub.add_parser("list", parents=[common], help="list articles, newest first")
    lst.add_argument("--lang", choices=("en", "ru", "other"))
    lst.add_argument("--sort", choices=("date", "title", "source", "added"), default="date")
    lst.add_argument("--limit", type=int, metavar="N")
    lst.add_argument("--entity", metavar="NAME",
                     help="only articles mentioning this entity, under any alias, in either language")
    lst.add_argument("--json", action="store_true", help="print a JSON array (without article text)")

    show = sub.add_parser("show", parents=[common], help="show one article")
    show.add_argument("id", type=int, metavar="ID")
    show.add_argument("--raw", action="store_true", help="the original text instead of the cleaned one")
    show.add_argument("--json", action="store_true", help="print the article as JSON")
    return {"add": run_add, "list": run_list, "show": run_show}


def run_add(args: argparse.Namespace) -> int:
    if args.max_size <= 0:
        return fail("--max-size must be positive", code=2)
    with open_library(args) as library, import_progress(sys.stderr.isatty() and not args.json) as progress:
        from ..core.importer import import_paths

        report = import_paths(library, args.paths, progress=progress, max_bytes=int(args.max_size * 1e6))
    if args.json:
        print_json(report.to_json())
    else:
        print_report(report)
    if report.ok:
        return 0
    return fail("nothing was imported" + (": every input was skipped" if report.skipped else ": no article files found"))


def run_list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        entity_ids = None
        if args.entity is not None:
            from ..core import entity_store

            entity_ids = entity_store.find_entities(library.conn, args.entity, limit=1)
            if not entity_ids:
                return fail(f"no entity matches {args.entity!r} (see 'evnews-tui entities')")
        articles = library.list_articles(lang=args.lang, order=args.sort, limit=args.limit, entities=entity_ids)
    if args.json:
        print_json([a.to_json(with_text=False) for a in articles])
    else:
        print_list(articles)
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        article = library.get(args.id)
        copies = library.copies(args.id) if article else []
    if article is None:
        return fail(f"no article with id {args.id} (see 'evnews-tui list')")
    if args.json:
        data = article.to_json()
        if args.raw:
            data["text"] = article.raw_text
        data["copies"] = copies
        print_json(data)
    else:
        print_article(article, raw=args.raw)
    return 0


def launch(args: argparse.Namespace) -> int:
    """Import PATHs (if any), then open the app on the library. A new library is seeded by
    the app itself, which is on screen at once and shows the import's progress."""
    if args.paths:
        with open_library(args) as library, import_progress(sys.stderr.isatty()) as progress:
            from ..core.importer import import_paths

            print_report(import_paths(library, args.paths, progress=progress))
    with Library.open(resolve_db_path(args.db)) as library:
        db_path = library.path
    from ..app import EvNewsApp  # Textual is imported only when the app really starts

    EvNewsApp(db_path).run()
    return 0
