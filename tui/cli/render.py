"""Terminal output for the CLI: JSON, tables, the progress bar and one-line errors.

Article text is data: everything printed goes through :func:`sanitize` and is rendered
as Rich ``Text`` (never parsed as markup), so titles like ``[bold]`` print literally.
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..core import versions
from ..core.models import Article, ImportReport
from ..core.text import sanitize

if TYPE_CHECKING:  # the importer pulls in most of the core; the app's launcher needs none of it
    from ..core.importer import Progress as ProgressCallback

MAX_SKIPS_SHOWN = 20


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def stdout() -> Console:
    return Console(highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> int:
    """Print ``evnews-tui: error: message`` as one line on stderr and return ``code``."""
    line = " ".join(sanitize(message).split())
    print(f"evnews-tui: error: {line}", file=sys.stderr)
    return code


# Characters json.dumps leaves raw that a terminal may act on (C1 controls such as 8-bit CSI,
# bidi overrides, zero-width and line/paragraph separators); they are written as \\uXXXX escapes.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")


def warn_stale(conn: sqlite3.Connection, *parts: str) -> None:
    """One warning line on stderr when ``parts`` of the library (see tui.core.versions) were
    built by an older evnews-tui."""
    if found := versions.stale(conn, *parts):
        print(f"evnews-tui: warning: {versions.advice(found)}", file=sys.stderr)


def print_json(data: Any) -> None:
    """JSON on stdout: the data unchanged, but no character in it can act on the terminal."""
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(data, ensure_ascii=False, indent=2))
    sys.stdout.write(text + "\n")


def safe(value: object) -> Text:
    """Untrusted text as a Rich Text (no markup, no control characters)."""
    return Text(sanitize("" if value is None else str(value)))


@contextmanager
def import_progress(enabled: bool) -> Iterator[ProgressCallback | None]:
    """A Rich progress bar on stderr when it is a terminal; otherwise no callback."""
    if not enabled:
        yield None
        return
    columns = (TextColumn("[bold]Importing"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
               TextColumn("{task.fields[added]} articles"), TimeElapsedColumn(), TextColumn("{task.fields[file]}"))
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("import", total=None, added=0, file="")

        def update(done: int, total: int, path: str, added: int) -> None:
            name = sanitize(path.rsplit("/", 1)[-1])[:40]
            bar.update(task, completed=done, total=total, added=added, file=name)

        yield update


def print_report(report: ImportReport) -> None:
    """The import summary: added, duplicates, and each skip with its reason."""
    console = stdout()
    read = len(report.added) + len(report.duplicates)
    line = Text.assemble(
        (f"Imported {plural(read, 'article')} from {plural(report.files, 'file')}: ", ""),
        (str(len(report.added)), "bold green"), (" new, ", ""),
        (str(len(report.duplicates)), "bold"), (" duplicates, ", ""),
        (str(len(report.skipped)), "bold yellow" if report.skipped else "bold"), (" skipped", ""),
    )
    console.print(line)
    if report.duplicates:
        console.print(Text("  duplicates are stored once; the other paths are kept as copies (see 'show --json')", style="dim"))
    for skip in report.skipped[:MAX_SKIPS_SHOWN]:
        console.print(Text("  skipped ", style="yellow") + safe(skip.message()))
    if len(report.skipped) > MAX_SKIPS_SHOWN:
        console.print(Text(f"  … and {len(report.skipped) - MAX_SKIPS_SHOWN} more (use --json for all)", style="dim"))


def print_list(articles: list[Article]) -> None:
    """The article table: id, date, language, source, title, with read/starred marks."""
    console = stdout()
    if not console.is_terminal:
        for a in articles:
            marks = ("*" if a.starred else " ") + (" " if a.read else "N")
            fields = [str(a.id), marks, a.date or "-", a.lang, a.source or "-", a.title]
            sys.stdout.write("\t".join(" ".join(sanitize(f).split()) for f in fields) + "\n")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, kwargs in (("ID", {"justify": "right"}), ("", {}), ("Date", {}), ("Lang", {}), ("Source", {"max_width": 18}), ("Title", {"overflow": "fold"})):
        table.add_column(name, **kwargs)
    for a in articles:
        marks = Text("★" if a.starred else " ", style="yellow") + Text(" " if a.read else "●", style="cyan")
        table.add_row(str(a.id), marks, a.date or "—", a.lang, safe(a.source or "—"), safe(a.title))
    console.print(table)


def print_article(article: Article, raw: bool) -> None:
    """Title, a metadata line, then the cleaned (or original) body."""
    console = stdout()
    meta = " · ".join(
        sanitize(str(v)) for v in (article.date, article.source, article.author, article.lang, f"{article.words} words") if v
    )
    console.print(safe(article.title), style="bold")
    console.print(Text(meta, style="dim"))
    if article.url:
        console.print(Text(sanitize(article.url), style="dim"))
    console.print()
    console.print(safe(article.raw_text if raw else article.text))
