"""A library full of hostile articles, imported the way a user would, for the CLI and app tests.

Every format carries the samples of :mod:`tui.fuzz.hostile` (Rich markup, CSI/OSC/DCS escapes,
C0/C1 controls, bidi and zero-width characters, zalgo, emoji/CJK), plus a 1 MB one-line article
and an entity whose stored names are hostile too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tui.core.importer import import_paths
from tui.core.store import Library
from tui.fuzz import hostile

#: what no output may contain: escapes, C0 except tab/newline, DEL, C1, bidi controls, zero-width marks
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
ONE_LINE_TITLE = "A one-line article"
ENTITY = "[bold]Evil[/bold] Motors\x1b]52;c;ZXZpbA==\x07 [@click=app.quit]x[/]"


def write_inputs(folder: Path, giant: bool = True) -> Path:
    """The hostile files: text, JSON Lines, HTML, RSS and (with ``giant``) a 1 MB line."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.txt").write_text(hostile.hostile_article(), encoding="utf-8")
    record = {"id": "h1", "title": "JSONL " + hostile.hostile_title(), "text": hostile.hostile_body() + "\nlone \ud800 surrogate",
              "source": "[red]Src[/red]\x1b[5m\u202e", "author": "[link=https://evil.example]Eve[/link]\x9b2J",
              "url": "https://evil.example/\x1b]8;;x\x07", "date": "2024-05-01"}
    link = {"id": "h2", "title": "Local link", "text": "KAMAZ opened a depot; the link below is not a web page.",
            "url": "file:///etc/passwd"}
    (folder / "hostile.jsonl").write_text(json.dumps(record, ensure_ascii=True) + "\n" + json.dumps(link) + "\n",
                                          encoding="utf-8")
    (folder / "hostile.html").write_text(
        "<!doctype html><html><head><title>HTML [bold]page[/bold] &#27;[31mred&#27;[0m &#x9b;2J</title></head><body><article>"
        "<h1>HTML [bold]page[/bold] &#27;[31mred&#27;[0m &#x9b;2J</h1>"
        "<p>Tesla opened a charging hub in Berlin on Monday, the company said in a statement today.</p>"
        "<p>[link=https://evil.example]click[/link] &#27;]52;c;ZWNobyBwd25lZA==&#7; &#x202e;reversed &#8203;zero width.</p>"
        "<p>KAMAZ showed an electric truck in Moscow, and BYD cut prices in China again this week.</p>"
        "</article></body></html>", encoding="utf-8")
    (folder / "hostile.rss").write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>[bold]Feed[/bold]&#x1b;[2J</title>'
        "<item><title>RSS [@click=app.quit]quit[/] &#x1b;]0;pwned title&#x7;</title><guid>r1</guid>"
        "<description>&lt;p&gt;Tesla opened a hub in Berlin. [bold]not bold[/bold] &#x1b;[31mred&lt;/p&gt;</description>"
        "</item></channel></rss>", encoding="utf-8")
    if giant:
        (folder / "oneline.txt").write_text(f"{ONE_LINE_TITLE}\n\n{hostile.long_line()}", encoding="utf-8")
    return folder


def build(db: Path, folder: Path, giant: bool = True) -> Library:
    """Import the hostile files into ``db`` and add a hostile entity to the first article."""
    library = Library.open(db)
    report = import_paths(library, [write_inputs(folder, giant)], workers=1)
    assert not report.skipped, report.skipped
    first = report.added[0]
    with library.transaction() as conn:
        eid = conn.execute("INSERT INTO entities (type, name, name_en, name_ru) VALUES ('ORG', ?, ?, ?)",
                           (ENTITY, ENTITY, "Злые\u202e Моторс\x1b[2J")).lastrowid
        conn.execute("INSERT INTO entity_names (entity_id, name, lang, count) VALUES (?, ?, 'en', 1)", (eid, ENTITY))
        conn.execute("INSERT INTO mentions (article_id, entity_id, field, start, end, surface) VALUES (?, ?, 'text', 0, 5, 'Tesla')",
                     (first, eid))
    return library


def big_article(library: Library, chars: int = 10_000_000) -> int:
    """Store a 10 MB article the way the importer prepares it (cleaned, hashed, indexed)."""
    from tui.core.models import RawArticle
    from tui.core.prepare import prepare

    article = prepare(RawArticle(text=hostile.big_article(chars), path="big.txt", format="text", encoding="utf-8"))
    with library.transaction():
        article_id, _ = library.insert(article)
    return article_id
