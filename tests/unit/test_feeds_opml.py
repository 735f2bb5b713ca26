"""OPML in and out, and the subscription store: round trips, folders as tags, hostile files."""

from __future__ import annotations

import pytest

from tui.core.feeds import add_feed, find_feeds, list_feeds, read_opml, remove_feed, write_opml
from tui.core.feeds.opml import MAX_OPML_BYTES, OpmlError
from tui.core.feeds.store import FeedError, normalize_url
from tui.core.store import Library


def test_opml_round_trip_keeps_urls_names_and_tags(library: Library, tmp_path) -> None:
    with library.transaction() as conn:
        add_feed(conn, "https://volt.example/feed.xml", "Volt & Wire <EV>", ["ev", "en"])
        add_feed(conn, "https://ru.example/rss", "Электротранспорт", ["ev", "ru"])
        add_feed(conn, "http://plain.example/atom", None, [])
    data = write_opml(list_feeds(library.conn))
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>') and b"Volt &amp; Wire &lt;EV&gt;" in data
    with Library.open(tmp_path / "other.sqlite3") as other:
        with other.transaction() as conn:
            for entry in read_opml(data):
                add_feed(conn, entry.url, entry.name, entry.tags)
        copied = [(f.url, f.name, f.tags) for f in list_feeds(other.conn)]
    assert sorted(copied) == sorted([("https://volt.example/feed.xml", "Volt & Wire <EV>", ["ev", "en"]),
                                     ("https://ru.example/rss", "Электротранспорт", ["ev", "ru"]),
                                     ("http://plain.example/atom", "plain.example", [])])


def test_folders_and_categories_of_other_readers_become_tags() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
    <opml version="1.0"><head><title>Reader export</title></head><body>
      <outline text="Cars"><outline text="Electric">
        <outline type="rss" text="Volt" xmlUrl="https://volt.example/feed" htmlUrl="https://volt.example/" category="/batteries,/news/"/>
      </outline></outline>
      <outline text="Just a folder with no feeds"/>
      <outline type="rss" title="Top" text="ignored when title is set" xmlurl="https://top.example/rss"/>
    </body></opml>"""
    feeds = read_opml(data)
    assert [(f.url, f.name, f.tags, f.site_url) for f in feeds] == [
        ("https://volt.example/feed", "Volt", ["Cars", "Electric", "batteries", "news"], "https://volt.example/"),
        ("https://top.example/rss", "Top", [], None),
    ]


def test_an_entity_bomb_is_refused_before_anything_expands() -> None:
    bomb = b"""<?xml version="1.0"?>
    <!DOCTYPE opml [
      <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
      <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
      <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
    ]>
    <opml version="2.0"><body><outline text="&d;" xmlUrl="https://x.example/&d;"/></body></opml>"""
    with pytest.raises(OpmlError, match="^refused: the file declares a DOCTYPE or entities"):
        read_opml(bomb)


def test_an_external_entity_never_reads_a_local_file(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TOKEN", encoding="utf-8")
    data = f"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY leak SYSTEM "file://{secret}">]>
    <opml version="2.0"><body><outline text="&leak;" xmlUrl="https://x.example/feed"/></body></opml>""".encode()
    with pytest.raises(OpmlError, match="^refused") as error:
        read_opml(data)
    assert "TOP-SECRET" not in str(error.value)
    undeclared = b'<opml version="2.0"><body><outline text="&leak;" xmlUrl="https://x.example/feed"/></body></opml>'
    with pytest.raises(OpmlError, match="undefined entity at line 1"):
        read_opml(undeclared)


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"<rss version='2.0'><channel/></rss>", r"not an OPML file \(the document is <rss>"),
    (b"<opml><body><outline xmlUrl='https://a.example/'></body>", "not well-formed XML: mismatched tag at line 1"),
    (b"<opml>" + b"<outline text='x'>" * 50 + b"</outline>" * 50 + b"</opml>", "nested deeper than 40 levels"),
    (b" " * (MAX_OPML_BYTES + 1), "too large for an OPML list"),
])
def test_unusable_files_are_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(OpmlError, match=message) as error:
        read_opml(data)
    assert "\n" not in str(error.value)


@pytest.mark.parametrize(("given", "stored"), [
    ("https://Volt.Example/Feed.xml", "https://volt.example/Feed.xml"),
    ("volt.example/rss", "https://volt.example/rss"),
    ("HTTP://volt.example:8080", "http://volt.example:8080/"),
    ("https://volt.example/feed#top", "https://volt.example/feed"),
])
def test_feed_urls_are_normalised(given: str, stored: str) -> None:
    assert normalize_url(given) == stored


@pytest.mark.parametrize("bad", ["", "ftp://volt.example/feed", "file:///etc/passwd", "https://", "not a url", "http://x:99999/"])
def test_bad_feed_urls_are_refused(bad: str) -> None:
    with pytest.raises(FeedError):
        normalize_url(bad)


def test_store_adds_once_finds_by_id_url_name_or_tag_and_removes_keeping_articles(library: Library) -> None:
    with library.transaction() as conn:
        volt, created = add_feed(conn, "https://volt.example/feed", "Volt", ["EV", "ev", "news, en"])
        again, created_again = add_feed(conn, "https://VOLT.example/feed", None, ["extra"])
        other, _ = add_feed(conn, "https://other.example/rss", None, ["news"])
    assert created and not created_again and again.id == volt.id
    assert list_feeds(library.conn)[0].tags == ["EV", "news", "en", "extra"]
    found, unknown = find_feeds(library.conn, [str(volt.id), "https://other.example/rss", "volt", "news", "nothing"])
    assert [f.id for f in found] == [volt.id, other.id] and unknown == ["nothing"]
    with library.transaction() as conn:
        remove_feed(conn, volt.id)
    assert [f.id for f in list_feeds(library.conn)] == [other.id]
