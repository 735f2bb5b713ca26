"""XML entities are never resolved and never expand: external files stay unread, bombs stay small.

Feeds and HTML pages are imported without their entity declarations (tui/core/ingest/doctype.py);
references to undeclared entities stay literal text or are dropped.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tui.core.importer import import_paths
from tui.core.ingest.doctype import has_declarations, strip_declarations
from tui.core.store import Library

SECRET = "TOP-SECRET-XXE-CONTENT"
LOL = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10)).replace("&lol0;", "lol")


def _feed(doctype: str, title: str, body: str, root: str = "rss") -> str:
    if root == "feed":
        return (f'<?xml version="1.0"?>\n{doctype}\n<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
                f'<entry><title>{title}</title><id>1</id><content type="html">{body}</content></entry></feed>')
    return (f'<?xml version="1.0"?>\n{doctype}\n<rss version="2.0"><channel><title>T</title>'
            f"<item><title>{title}</title><description>{body}</description></item></channel></rss>")


def _page(doctype: str, body: str) -> str:
    return (f'<?xml version="1.0"?>\n{doctype}\n<html><head><title>Page</title></head><body><article>'
            f"<p>Tesla opened a charging hub in Berlin on Monday. {body}</p>"
            "<p>KAMAZ showed an electric truck in Moscow on Tuesday, the company said.</p></article></body></html>")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def _import(library: Library, folder: Path, files: dict[str, str]) -> list:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    report = import_paths(library, [folder])
    assert not report.skipped and len(report.added) == len(files)
    return [library.get(i) for i in report.added]


def test_external_entities_are_never_read(library: Library, tmp_path: Path, secret: Path) -> None:
    xxe = f'<!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    param = f'<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>'
    articles = _import(library, tmp_path / "in", {
        "xxe.rss": _feed(xxe.replace("x [", "rss ["), "Leak &xxe; title", "Tesla in Berlin: &xxe; end"),
        "xxe.atom": _feed(xxe.replace("x [", "feed ["), "Atom &xxe; title", "Tesla in Berlin: &xxe; end", root="feed"),
        "param.rss": _feed(param, "Parameter entity", "Tesla in Berlin"),
        "xxe.html": _page(xxe.replace("x [", "html ["), "Leak: &xxe; end."),
    })
    for article in articles:
        assert SECRET not in f"{article.title} {article.text} {article.raw_text}"
    by_name = {a.path.rsplit("/", 1)[-1]: a for a in articles}
    assert by_name["xxe.rss#1"].title == "Leak &xxe; title"  # the reference stays literal


def test_entity_bombs_do_not_expand(library: Library, tmp_path: Path) -> None:
    laughs = f"<!DOCTYPE x [\n{LOL}]>"
    quadratic = '<!DOCTYPE x [<!ENTITY a "' + "x" * 100_000 + '">]>'
    articles = _import(library, tmp_path / "in", {
        "laughs.rss": _feed(laughs, "Laughs &lol9;", "Tesla in Berlin &lol9;"),
        "laughs.atom": _feed(laughs, "Atom laughs &lol9;", "Tesla in Berlin &lol9;", root="feed"),
        "quadratic.rss": _feed(quadratic, "Quadratic", "Tesla " + "&a;" * 2000),
        "laughs.html": _page(laughs.replace("x [", "html ["), "Bomb &lol9; here."),
        "quadratic.html": _page(quadratic.replace("x [", "html ["), "&a;" * 2000),
    })
    for article in articles:
        assert len(article.text) < 20_000 and "lollol" not in article.text and "xxxxxxxxxx" not in article.text


def test_external_dtds_are_not_fetched(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    dtd = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://127.0.0.1:9/rss-0.91.dtd">'
    (article,) = _import(library, tmp_path / "in", {"dtd.rss": _feed(dtd, "Tesla cuts prices", "Tesla cut prices in China.")})
    assert article.text == "Tesla cut prices in China."


def test_declarations_are_cut_from_the_prolog_only() -> None:
    doc = '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "b"> <!ENTITY c SYSTEM "file:///etc/passwd">]>\n<rss><x>&a; <!ENTITY kept "in text"></x></rss>'
    assert has_declarations(doc)
    assert strip_declarations(doc) == '<?xml version="1.0"?>\n\n<rss><x>&a; <!ENTITY kept "in text"></x></rss>'
    plain = "<!DOCTYPE html>\n<html><body><p>[not a subset]</p></body></html>"
    assert not has_declarations(plain) and strip_declarations(plain) == plain
    cut = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "never closed'
    assert strip_declarations(cut) == '<?xml version="1.0"?>'
    stray = '<!ENTITY x SYSTEM "file:///etc/passwd"><rss/>'
    assert has_declarations(stray) and strip_declarations(stray) == "<rss/>"
