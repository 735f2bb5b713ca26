"""Feed commands: ``feeds add|list|remove|import|export`` and ``refresh``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..core.feeds import (FeedError, FetchSettings, OpmlError, add_feed, find_feeds, list_feeds, read_opml, refresh_feeds,
                          remove_feed, write_opml)
from ..core.feeds.opml import MAX_OPML_BYTES
from ..core.feeds.store import Feed, normalize_url
from .feed_render import print_feeds, print_refresh, refresh_progress
from .library_cmds import open_library
from .render import fail, plural, print_json, safe, stdout

_DEFAULTS = FetchSettings()


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add ``feeds`` (with its actions) and ``refresh`` to ``sub``; return name -> handler."""
    feeds = sub.add_parser("feeds", parents=[common], help="manage RSS/Atom feed subscriptions",
                           description="Subscribe to RSS/Atom feeds; 'evnews-tui refresh' fetches them.")
    actions = feeds.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="subscribe to a feed (nothing is fetched until 'refresh')")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", help="what to call it (default: the feed's own title)")
    add.add_argument("--tag", action="append", metavar="TAG", help="a tag for filtering (repeat for several)")
    add.add_argument("--interval", type=float, metavar="MIN",
                     help=f"minimum minutes between checks of this feed (default: {_DEFAULTS.min_interval // 60})")
    add.add_argument("--json", action="store_true", help="print the feed as JSON")
    lst = actions.add_parser("list", parents=[common], help="list subscriptions with their article counts and state")
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    rm = actions.add_parser("remove", parents=[common], help="unsubscribe (the feed's articles stay in the library)")
    rm.add_argument("feed", metavar="ID|URL")
    rm.add_argument("--json", action="store_true", help="print the removed feed as JSON")
    imp = actions.add_parser("import", parents=[common], help="subscribe to every feed in an OPML file")
    imp.add_argument("file", metavar="FILE.opml")
    imp.add_argument("--json", action="store_true", help="print the import summary as JSON")
    exp = actions.add_parser("export", parents=[common], help="write the subscriptions as OPML (stdout without FILE)")
    exp.add_argument("file", nargs="?", metavar="FILE.opml")
    exp.add_argument("--json", action="store_true", help="print a JSON summary instead of a line (with FILE)")

    ref = sub.add_parser("refresh", parents=[common], help="fetch new articles from feeds",
                         description="Fetch every feed (or the named ones: id, URL, name or tag) and import new entries. "
                                     "Feeds checked recently are skipped unless --force.")
    ref.add_argument("feeds", nargs="*", metavar="FEED")
    ref.add_argument("--force", action="store_true", help="ignore the minimum interval between checks")
    ref.add_argument("--no-full-text", action="store_true",
                     help="keep summaries as they are instead of fetching the linked pages")
    ref.add_argument("--json", action="store_true", help="print the refresh summary as JSON")
    return {"feeds": run_feeds, "refresh": run_refresh}


def run_feeds(args: argparse.Namespace) -> int:
    return {"add": _add, "list": _list, "remove": _remove, "import": _import, "export": _export}[args.action](args)


def _add(args: argparse.Namespace) -> int:
    if args.interval is not None and args.interval < 0:
        return fail("--interval must be zero or more minutes", code=2)
    interval = None if args.interval is None else round(args.interval * 60)
    with open_library(args) as library:
        try:
            with library.transaction() as conn:
                feed, created = add_feed(conn, args.url, args.name, args.tag, interval)
        except FeedError as exc:
            return fail(str(exc), code=2)
    if args.json:
        print_json({**feed.to_json(), "created": created})
    elif created:
        stdout().print(safe(f"Subscribed to #{feed.id} {feed.label} ({feed.url}); 'evnews-tui refresh' fetches it"))
    else:
        stdout().print(safe(f"Already subscribed: #{feed.id} {feed.label} ({feed.url})"))
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        feeds = list_feeds(library.conn)
    if args.json:
        print_json([f.to_json() for f in feeds])
    else:
        print_feeds(feeds)
    return 0


def _pick_one(feeds: list[Feed], selector: str) -> Feed | str:
    """The feed ``selector`` names by id, URL or exact name, or an error message."""
    text = selector.strip()
    try:
        url = normalize_url(text)
    except FeedError:
        url = None
    found = [f for f in feeds if (text.isdigit() and f.id == int(text)) or f.url in (text, url)]
    if not found:
        found = [f for f in feeds if text.casefold() in {(f.name or "").casefold(), (f.title or "").casefold()}]
    if len(found) > 1:
        return f"{selector!r} names {len(found)} feeds ({', '.join('#' + str(f.id) for f in found)}); use the id"
    return found[0] if found else f"no feed matches {selector!r} (see 'evnews-tui feeds list')"


def _remove(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        feed = _pick_one(list_feeds(library.conn), args.feed)
        if isinstance(feed, str):
            return fail(feed)
        with library.transaction() as conn:
            remove_feed(conn, feed.id)
    if args.json:
        print_json(feed.to_json())
    else:
        stdout().print(safe(f"Removed #{feed.id} {feed.label}; its {plural(feed.articles, 'article')} stay in the library"))
    return 0


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        if path.stat().st_size > MAX_OPML_BYTES:
            return fail(f"{args.file}: too large for an OPML list (limit {MAX_OPML_BYTES // 1_000_000} MB)")
        entries = read_opml(path.read_bytes())
    except OSError as exc:
        return fail(f"{args.file}: {exc.strerror or type(exc).__name__}")
    except OpmlError as exc:
        return fail(f"{args.file}: {exc}")
    if not entries:
        return fail(f"{args.file}: the OPML file lists no feeds")
    added, present, skipped = [], [], []
    with open_library(args) as library, library.transaction() as conn:
        for entry in entries:
            try:
                feed, created = add_feed(conn, entry.url, entry.name, entry.tags)
            except FeedError as exc:
                skipped.append({"url": entry.url, "reason": str(exc)})
                continue
            (added if created else present).append(feed.id)
            if entry.site_url:
                conn.execute("UPDATE feeds SET site_url = coalesce(site_url, ?) WHERE id = ?", (entry.site_url, feed.id))
    if args.json:
        print_json({"added": added, "already": present, "skipped": skipped})
    else:
        console = stdout()
        console.print(safe(f"Imported {plural(len(entries), 'feed')} from {args.file}: {len(added)} new, "
                           f"{len(present)} already subscribed, {len(skipped)} skipped"))
        for skip in skipped:
            console.print(safe(f"  skipped {skip['url']}: {skip['reason']}"), style="yellow")
    return 0 if added or present else fail("no feed in the OPML file could be subscribed")


def _export(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        feeds = list_feeds(library.conn)
    data = write_opml(feeds)
    if not args.file:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    target = Path(args.file)
    if target.is_dir():
        return fail(f"{args.file} is a directory")
    try:  # write beside the target, then rename: a failed export never leaves half a file
        fd, tmp = tempfile.mkstemp(prefix=".evnews-", suffix=".opml", dir=target.parent if str(target.parent) else ".")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        return fail(f"cannot write {args.file}: {exc.strerror or type(exc).__name__}")
    if args.json:
        print_json({"file": str(target), "feeds": len(feeds)})
    else:
        stdout().print(safe(f"Exported {plural(len(feeds), 'feed')} to {args.file}"))
    return 0


def run_refresh(args: argparse.Namespace) -> int:
    settings = replace(_DEFAULTS, full_text=not args.no_full_text)
    with open_library(args) as library:
        feeds = None
        if args.feeds:
            feeds, unknown = find_feeds(library.conn, args.feeds)
            if unknown:
                return fail(f"no feed matches {unknown[0]!r} (see 'evnews-tui feeds list')")
        elif not list_feeds(library.conn):
            print("No feeds to refresh. Subscribe with: evnews-tui feeds add URL", file=sys.stderr)
            return 0
        with refresh_progress(sys.stderr.isatty() and not args.json) as progress:
            report = refresh_feeds(library, feeds, force=args.force, settings=settings, progress=progress)
    if args.json:
        print_json(report.to_json())
    else:
        print_refresh(report)
    failed = len(report.errors)
    if failed:
        return fail(f"{failed} of {plural(len(report.feeds), 'feed')} failed (see above)" if not args.json
                    else f"{failed} of {plural(len(report.feeds), 'feed')} failed")
    return 0
