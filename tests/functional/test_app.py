"""Pilot tests: what a reader sees and can do with the keyboard."""

from __future__ import annotations

from pathlib import Path

from tests.functional.conftest import settle
from tui.app import EvNewsApp
from tui.core.store import Library
from tui.screens.help import HelpScreen
from tui.widgets.article_list import ArticleList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.reader import Reader
from tui.widgets.search_bar import SearchBar


def titles(app) -> list[str]:
    return [r.title[:12] for r in app.screen.query_one(ArticleList).rows]


async def test_opens_on_the_library_newest_first(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert titles(app) == ["В Казахстане", "KAMAZ Announc", "Vedomosti: t"][:3] or titles(app)[0].startswith("В Казах")
        assert "3 articles · EN 2 · RU 1" in str(app.screen.query_one("#status").render())


async def test_navigate_open_and_read_state_persists(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        opened = reader.content.article
        assert opened.title.startswith("KAMAZ Announces")
        assert app.screen.query_one(ArticleList).rows[1].read
        await pilot.press("asterisk")
        await pilot.press("q")
    with Library.open(seeded_db) as library:
        article = library.get(opened.id)
        assert article.read and article.starred


async def test_live_search_across_scripts_and_hits(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Казахстан")
        await pilot.pause(0.3)
        await settle(pilot)
        assert titles(app) == ["В Казахстане"]
        await pilot.press("enter", "enter")
        await settle(pilot)
        reader = app.screen.query_one(Reader)
        assert [f for f, _, _ in reader.content.hits] == ["title", "text"]  # «Казахстане», «Казахстана»
        await pilot.press("n", "n", "N")
        assert reader._hit == 1
        await pilot.press("escape")  # in the reader: clears the search as well
        await settle(pilot)
        assert len(titles(app)) == 3 and app.screen.query_one(SearchBar).value == ""
        assert app.screen.query_one(ArticleList).has_focus
        await pilot.press("slash", *"moskvich", "escape")
        await settle(pilot)
        assert len(titles(app)) == 3 and app.screen.query_one(SearchBar).value == ""


async def test_language_filter_and_sort(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert len(titles(app)) == 2  # en
        await pilot.press("l")
        await settle(pilot)
        assert titles(app) == ["В Казахстане"]  # ru
        await pilot.press("l", "s")
        await settle(pilot)
        assert [t[:3] for t in titles(app)] == ["KAM", "Ved", "В К"]  # by title


async def test_entity_filter_from_the_sidebar(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")  # the KAMAZ article
        await settle(pilot)
        sidebar = app.screen.query_one(EntitySidebar)
        assert [r.name for r in sidebar.rows if r.type == "ORG"][0] == "KAMAZ"
        await pilot.press("3", "enter")  # to the sidebar, whose cursor starts on its first entity: KAMAZ
        await settle(pilot)
        assert sorted(t[:5] for t in titles(app)) == ["KAMAZ", "Vedom"]
        assert "entity:KAMAZ" in str(app.screen.query_one("#status").render())
        await pilot.press("x")
        await settle(pilot)
        assert len(titles(app)) == 3


async def test_help_and_palette(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press("escape")


async def test_every_key_on_an_empty_library(empty_db: Path) -> None:
    app = EvNewsApp(empty_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in ["j", "k", "g", "G", "enter", "n", "N", "right_square_bracket", "left_square_bracket", "c", "o", "r",
                    "asterisk", "l", "s", "e", "x", "tab", "tab", "tab", "1", "2", "3", "t", "d", "1", "slash", "z", "escape"]:
            await pilot.press(key)
        await settle(pilot)
        assert len(app.screen.query_one(ArticleList).rows) == 0


async def test_narrow_terminal_shows_one_pane(seeded_db: Path) -> None:
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-single")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(Reader).display and not app.screen.query_one(ArticleList).display
        await pilot.press("1")
        assert app.screen.query_one(ArticleList).display


async def test_rows_keep_their_columns_whatever_the_language(seeded_db: Path, tmp_path: Path) -> None:
    """An article in neither English nor Russian gets a two-cell badge like the others, so
    its title starts in the same column."""
    from tui.core.importer import import_paths

    names = tmp_path / "names.txt"
    names.write_text("Neuer Wagen vorgestellt\n\nDer neue Wagen des Herstellers wurde heute vorgestellt und soll bald "
                     "verkauft werden, sagte der Sprecher.\n", encoding="utf-8")
    with Library.open(seeded_db) as library:
        import_paths(library, [names], entities=False)
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        article_list.render_lines(article_list.region.reset_offset)  # sets the frame's colours
        lines = [article_list.render_line(y).text for y in range(4)]
        starts = {line[line.index(row.title[:5]):][:5]: line.index(row.title[:5])
                  for line, row in zip(lines, article_list.rows) if row.title}
        assert len(set(starts.values())) == 1, lines
        assert any("··" in line and "Neuer Wagen" in line for line in lines), lines


async def test_reopens_where_it_was_left(seeded_db: Path) -> None:
    """Query, sort and the open article come back at the next launch, the article's hits
    marked (the restored search waits for the search warm-up instead of loading its own)."""
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Казахстан")
        await pilot.pause(0.3)
        await settle(pilot)
        await pilot.press("enter", "enter")
        await settle(pilot)
        await pilot.press("q")
    app = EvNewsApp(seeded_db)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == "Казахстан"
        assert titles(app) == ["В Казахстане"] and app.screen.filters.sort == "relevance"
        reader = app.screen.query_one(Reader)
        assert reader.content.article.title.startswith("В Казахстане") and reader.content.hits
