"""Each supported format imports with the metadata a reader expects."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.importer import import_paths
from tui.core.store import Library

HTML = """<!doctype html><html lang="ru"><head>
<title>КАМАЗ запускает электробус | Авто-Новости</title>
<meta property="og:title" content="КАМАЗ запускает электробус">
<meta property="og:site_name" content="Авто-Новости">
<meta name="author" content="Иван Петров">
<meta property="article:published_time" content="2024-05-14T09:30:00+03:00">
</head><body>
<nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
<article><h1>КАМАЗ запускает электробус</h1>
<p>Камский автомобильный завод начал серийный выпуск нового электробуса для Москвы и регионов России.</p>
<p>По словам генерального директора Сергея Когогина, в этом году планируется выпустить более 300 машин.</p>
<p>Электробус рассчитан на 85 пассажиров и проходит до 200 километров на одной зарядке.</p>
</article><footer>© 2024 Авто-Новости. Все права защищены.</footer></body></html>"""

RSS = """<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>ЭлектроВести</title><link>https://example.ru/</link>
<item><title>Tesla снизила цены</title><link>https://example.ru/1</link><guid>ev-1</guid>
<pubDate>Tue, 02 Apr 2024 10:00:00 +0300</pubDate><description>&lt;p&gt;Компания Tesla снизила цены на Model 3 в Китае.&lt;/p&gt;</description></item>
<item><title>BYD открыла завод</title><link>https://example.ru/2</link><guid>ev-2</guid>
<pubDate>Wed, 03 Apr 2024 11:00:00 +0300</pubDate><description>Краткое описание.</description>
<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;BYD открыла новый завод в Венгрии.&lt;/p&gt;&lt;p&gt;Мощность составит 200 тысяч машин в год.&lt;/p&gt;</content:encoded></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>EV Wire</title><id>urn:ev-wire</id><updated>2024-04-05T00:00:00Z</updated>
<entry><title>Moskvich restarts assembly</title><id>urn:ev-wire:1</id><link href="https://example.com/moskvich"/>
<updated>2024-04-05T08:00:00Z</updated><author><name>Jane Roe</name></author>
<content type="html">&lt;p&gt;The Moskvich plant in Moscow restarted assembly of the 3e electric crossover.&lt;/p&gt;</content></entry>
</feed>"""


def _only(library: Library, report) -> list:
    return [library.get(i) for i in report.added]


def test_html_main_text_and_metadata(library: Library, tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(HTML, encoding="utf-8")
    (article,) = _only(library, import_paths(library, [tmp_path / "page.html"]))
    assert article.title == "КАМАЗ запускает электробус"
    assert (article.date, article.author, article.source, article.lang) == ("2024-05-14", "Иван Петров", "Авто-Новости", "ru")
    assert "серийный выпуск нового электробуса" in article.text
    assert "85 пассажиров" in article.text
    assert "Главная" not in article.text and "Все права защищены" not in article.text


def test_jsonl_fields_and_bad_lines(library: Library, tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "title": "Tesla opens Berlin hub", "text": "Tesla opened a charging hub in Berlin.",
                    "date": "2024-01-02 10:00:00", "source": "ev.example", "url": "https://ev.example/a1", "author": "Jane Roe"}),
        "{not json",
        json.dumps({"title": "Газель Next Electro", "body": "ГАЗ начал продажи электрической Газели.", "lang": "ru"}),
        json.dumps(["a", "list"]),
        json.dumps({"title": "no body"}),
        "",
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    report = import_paths(library, [tmp_path / "feed.jsonl"])
    first, second = _only(library, report)
    assert (first.title, first.date, first.source, first.url, first.author, first.ext_id, first.lang) == (
        "Tesla opens Berlin hub", "2024-01-02", "ev.example", "https://ev.example/a1", "Jane Roe", "a1", "en")
    assert second.lang == "ru" and second.text == "ГАЗ начал продажи электрической Газели."
    reasons = {s.path.rsplit(":", 1)[-1]: s.detail for s in report.skipped}
    assert set(reasons) == {"2", "4", "5"}
    assert "invalid JSON" in reasons["2"] and "not a JSON object" in reasons["4"] and "no 'text'" in reasons["5"]


def test_rss_file_in_cp1251_uses_full_content_or_summary(library: Library, tmp_path: Path) -> None:
    (tmp_path / "ev.rss").write_bytes(RSS.encode("cp1251"))
    byd, tesla = sorted(_only(library, import_paths(library, [tmp_path / "ev.rss"])), key=lambda a: a.title)
    assert byd.title == "BYD открыла завод" and byd.text == "BYD открыла новый завод в Венгрии.\n\nМощность составит 200 тысяч машин в год."
    assert tesla.text == "Компания Tesla снизила цены на Model 3 в Китае."
    assert (tesla.date, tesla.source, tesla.url, tesla.lang, tesla.encoding) == ("2024-04-02", "ЭлектроВести", "https://example.ru/1", "ru", "windows-1251")


def test_atom_file(library: Library, tmp_path: Path) -> None:
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    (article,) = _only(library, import_paths(library, [tmp_path / "wire.atom"]))
    assert (article.title, article.author, article.date, article.source) == ("Moskvich restarts assembly", "Jane Roe", "2024-04-05", "EV Wire")
    assert article.text.startswith("The Moskvich plant in Moscow restarted")


def test_markdown_and_recursive_directories(library: Library, tmp_path: Path) -> None:
    deep = tmp_path / "2024" / "04" / "ev"
    deep.mkdir(parents=True)
    (deep / "note.md").write_text("# Evolute expands dealer network\n\nEvolute now sells its i-PRO in 20 cities.\n", encoding="utf-8")
    (tmp_path / "top.txt").write_text("Lada e-Largus enters production\n\nAvtoVAZ started building the e-Largus.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden\n\nshould not be imported", encoding="utf-8")
    articles = _only(library, import_paths(library, [tmp_path]))
    assert sorted(a.title for a in articles) == ["Evolute expands dealer network", "Lada e-Largus enters production"]


def test_html_references_128_to_159_are_windows_1252(library: Library, tmp_path: Path) -> None:
    """Legacy pages write dashes and quotes as &#150; or &#147;: HTML reads them as
    Windows-1252, so the text keeps them (they are not control characters)."""
    body = ("<p>Sales of electric trucks grew every year in 1990&#150;2000, and the company called it "
            "&#147;a steady market&#148; in its annual report to shareholders.</p>") * 3
    (tmp_path / "page.html").write_text(f"<html><head><title>Truck sales</title></head><body><article>{body}"
                                        "</article></body></html>", encoding="utf-8")
    report = import_paths(library, [tmp_path / "page.html"], entities=False)
    text = library.get(report.added[0]).text
    assert "1990–2000" in text and "“a steady market”" in text
