"""Terminal output for the feed commands: the feed table, the refresh progress bar and summary.

Feed names, titles and errors come from the network: they are printed as Rich ``Text``
after :func:`sanitize`, never as markup.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..core.feeds import Feed, FeedResult, RefreshReport
from ..core.feeds.refresh import Progress as ProgressCallback
from ..core.text import sanitize
from .render import plural, safe, stdout

MAX_SKIPS_SHOWN = 5


def _one_line(value: object) -> str:
    return " ".join(sanitize("" if value is None else str(value)).split())


def print_feeds(feeds: list[Feed]) -> None:
    """ID, name, tags, articles (unread), last check and state; tab-separated when piped."""
    console = stdout()
    if not console.is_terminal:
        for f in feeds:
            fields = [str(f.id), f.label, f.url, ",".join(f.tags) or "-", str(f.articles), str(f.unread),
                      f.last_ok or "-", f.last_error or "-"]
            sys.stdout.write("\t".join(_one_line(x) for x in fields) + "\n")
        return
    if not feeds:
        console.print(Text("No feeds yet. Subscribe with: evnews-tui feeds add URL [--name NAME] [--tag TAG]", style="dim"))
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, kwargs in (("ID", {"justify": "right"}), ("Name", {"max_width": 28}), ("Tags", {"max_width": 18}),
                         ("Articles", {"justify": "right"}), ("Unread", {"justify": "right"}), ("Last check", {}),
                         ("URL", {"overflow": "fold"})):
        table.add_column(name, **kwargs)
    for f in feeds:
        checked = Text(_one_line(f.last_fetched or "never"), style="dim")
        if f.last_error:
            checked = Text(f"error: {_one_line(f.last_error)}", style="red")
        table.add_row(str(f.id), safe(f.label), safe(", ".join(f.tags) or "—"), str(f.articles), str(f.unread),
                      checked, safe(f.url))
    console.print(table)


@contextmanager
def refresh_progress(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A Rich progress bar on stderr when it is a terminal; otherwise no callback."""
    if not enabled:
        yield None
        return
    columns = (TextColumn("[bold]Refreshing"), BarColumn(), MofNCompleteColumn(), TextColumn("feeds"),
               TextColumn("{task.fields[new]} new"), TimeElapsedColumn(), TextColumn("{task.fields[feed]}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("refresh", total=None, new=0, feed="")
        new = 0

        def update(done: int, total: int, result: FeedResult | None) -> None:
            nonlocal new
            name = ""
            if result is not None:
                new += len(result.new)
                name = _one_line(result.name)[:40]
            bar.update(task, completed=done, total=total, new=new, feed=name)

        yield update


def _outcome(r: FeedResult) -> Text:
    if r.status == "error":
        return Text(f"error: {_one_line(r.error)}", style="bold red")
    if r.status == "skipped":
        return Text("skipped: " + _one_line("; ".join(r.notes)), style="dim")
    if r.status == "unchanged":
        return Text("unchanged (not modified since the last check)", style="dim")
    text = Text(f"{len(r.new)} new", style="bold green" if r.new else "")
    extra = []
    if r.duplicates:
        extra.append(f"{plural(r.duplicates, 'duplicate')}")
    if r.full_text:
        extra.append(f"{plural(r.full_text, 'full text')} fetched from the linked pages")
    if extra:
        text.append(f" ({', '.join(extra)})")
    return text


def print_refresh(report: RefreshReport) -> None:
    """One line for the whole refresh, then one per feed with its new articles or its error."""
    console = stdout()
    counts = {s: sum(r.status == s for r in report.feeds) for s in ("unchanged", "skipped", "error")}
    line = Text.assemble(
        (f"Refreshed {plural(len(report.feeds), 'feed')}: ", ""),
        (str(report.new), "bold green"), (" new ", ""), ("article" if report.new == 1 else "articles", ""),
        (f", {counts['unchanged']} unchanged, {counts['skipped']} skipped, ", ""),
        (plural(counts["error"], "error"), "bold red" if counts["error"] else "bold"),
    )
    console.print(line)
    width = min(30, max((len(_one_line(r.name)) for r in report.feeds), default=0))
    for r in report.feeds:
        row = Text(f"  #{r.id} ") + Text(_one_line(r.name)[:width].ljust(width)) + Text("  ") + _outcome(r)
        console.print(row)
        for note in r.notes if r.status != "skipped" else []:
            console.print(Text("      " + _one_line(note), style="dim"))
        for skip in r.skipped[:MAX_SKIPS_SHOWN]:
            console.print(Text("      skipped ", style="yellow") + safe(_one_line(skip)))
        if len(r.skipped) > MAX_SKIPS_SHOWN:
            console.print(Text(f"      … and {len(r.skipped) - MAX_SKIPS_SHOWN} more (use --json for all)", style="dim"))
