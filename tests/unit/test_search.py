"""Search as a user types it: the right seed first, in either script, with typos and concepts."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SEEDS
from tui.core.search import Searcher
from tui.core.search.query import parse
from tui.core.store import Library


@pytest.fixture
def searcher(seeded: Library) -> Searcher:
    return Searcher(seeded)


@pytest.fixture
def ids(seeded: Library) -> dict[str, int]:
    return {key: next(a.id for a in seeded.list_articles() if a.path.endswith(name)) for key, name in SEEDS.items()}


# query -> the seeds that must come first (in any order)
EXPECTED = {
    "moskvich": {"kama", "kamaz"},
    "Москвич": {"kama", "kamaz"},
    "moskvch": {"kama", "kamaz"},
    "kogogin": {"kama", "kamaz"},
    "Когогин": {"kama", "kamaz"},
    "Kazakhstan": {"qoshcar"},
    "казахстан": {"qoshcar"},
    "qoshcar": {"qoshcar"},
    "электромобиль": {"qoshcar", "kama"},
    "electric car": {"kama", "kamaz", "qoshcar"},
    "charging station": {"qoshcar"},
    "зарядные станции": {"qoshcar"},
    "Renault plant": {"kama", "kamaz"},
    "KAMAZ": {"kamaz", "kama"},
}


@pytest.mark.parametrize("query", sorted(EXPECTED))
def test_expected_seeds_rank_first(searcher: Searcher, ids: dict[str, int], query: str) -> None:
    hits = searcher.search(query)
    expected = {ids[k] for k in EXPECTED[query]}
    assert {h.id for h in hits[: len(expected)]} == expected


@pytest.mark.parametrize("typo", ["xogogin", "ogogin", "kkogogin", "kogoxin", "kogogi", "Кгогин", "omskvich", "mmoskvich"])
def test_a_typo_anywhere_in_the_word_is_corrected(searcher: Searcher, ids: dict[str, int], typo: str) -> None:
    """Typo candidates are looked up by their first two letters: an edit at the start of the
    word (replaced, dropped, doubled or swapped letters) must still be found."""
    assert {h.id for h in searcher.search(typo)[:2]} == {ids["kama"], ids["kamaz"]}


def test_kamaz_ranks_the_kamaz_article_above_the_passing_mention(searcher: Searcher, ids: dict[str, int]) -> None:
    assert searcher.search("KAMAZ")[0].id == ids["kamaz"]
    assert searcher.search("Renault plant")[0].id == ids["kama"]  # "the former Renault plant"


def test_match_spans_point_at_the_right_text(seeded: Library, searcher: Searcher, ids: dict[str, int]) -> None:
    (hit,) = searcher.search("Kazakhstan")
    article = seeded.get(ids["qoshcar"])
    texts = {("title" if m.field == "title" else "text", (article.title if m.field == "title" else article.text)[m.start:m.end], m.kind)
             for m in hit.matches}
    assert ("title", "Казахстане", "translit") in texts
    assert ("text", "Казахстана", "translit") in texts
    moskvch = searcher.search("moskvch")[0]
    assert {m.kind for m in moskvch.matches} == {"fuzzy"}
    assert all(seeded.get(moskvch.id).text[m.start:m.end] == "Moskvich" for m in moskvch.matches if m.field == "text")
    concept = searcher.search("electric car", limit=5)
    qoshcar = next(h for h in concept if h.id == ids["qoshcar"])
    spans = {seeded.get(qoshcar.id).text[m.start:m.end] for m in qoshcar.matches if m.kind == "concept"}
    assert "электрических автомобилей" in spans and "электрокар" in spans


def test_snippet_shows_the_match(searcher: Searcher) -> None:
    hit = searcher.search("зарядные станции")[0]
    assert "зарядных станций" in hit.snippet


def test_filters_and_exclusion(searcher: Searcher, ids: dict[str, int]) -> None:
    assert [h.id for h in searcher.search("lang:ru electric car")] == [ids["qoshcar"]]
    assert {h.id for h in searcher.search("kamaz lang:en")} == {ids["kama"], ids["kamaz"]}
    assert [h.id for h in searcher.search("kamaz -vardanyan")] == [ids["kamaz"]]
    assert [h.id for h in searcher.search("after:2024-01-01 qoshcar")] == [ids["qoshcar"]]
    assert searcher.search("before:2024-01-01 qoshcar") == []
    assert {h.id for h in searcher.search("entity:Kogogin")} == {ids["kama"], ids["kamaz"]}
    assert [h.id for h in searcher.search('"passenger division"')] == [ids["kamaz"]]
    assert searcher.search('"division passenger"') == []


def test_articles_matching_all_words_come_first(searcher: Searcher, ids: dict[str, int]) -> None:
    # only the KAMAZ seed has all three words; the Kama seed has two; the Russian seed none
    assert [h.id for h in searcher.search("kamaz kogogin division")] == [ids["kamaz"], ids["kama"]]


@pytest.mark.parametrize("query", ["", "   ", "!!!", "?*+[](){}^$|\\", "a" * 10_000, "🚗⚡🔋", '"', "-", "lang:", "entity:",
                                   "after:not-a-date", "\x00\x1b[31m", "NEAR(a b)", 'title : "x" OR', "zc0 ze1"])
def test_hostile_queries_return_cleanly(searcher: Searcher, query: str) -> None:
    hits = searcher.search(query)
    assert isinstance(hits, list)


def test_query_parser() -> None:
    q = parse('kamaz "electric car" -truck lang:ru entity:"Sergey Kogogin" after:01.02.2024 foo:bar')
    assert (q.words, q.phrases, q.excluded, q.lang, q.entity, q.after) == (
        ["kamaz", "foo:bar"], ["electric car"], ["truck"], "ru", "Sergey Kogogin", "2024-02-01")


def test_cli_search_json(cli) -> None:
    code, out, _ = cli("search", "moskvch", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 2
    assert set(hits[0]) == {"id", "title", "lang", "date", "score", "snippet", "matches"}
    assert set(hits[0]["matches"][0]) == {"field", "start", "end", "term", "kind"}
    code, out, _ = cli("search", "qoshcar", "--lang", "en", "--json")
    assert code == 0 and json.loads(out) == []


def test_new_articles_are_searchable_at_once(seeded: Library, tmp_path) -> None:
    from tui.core.importer import import_paths

    searcher = Searcher(seeded)
    assert searcher.search("evolute") == []
    (tmp_path / "e.txt").write_text("Evolute opens in Kazan\n\nThe Evolute i-PRO goes on sale.\n", encoding="utf-8")
    import_paths(seeded, [tmp_path / "e.txt"])
    assert [h.title for h in searcher.search("evolut")] == ["Evolute opens in Kazan"]


def test_entity_and_feed_filters_narrow_before_the_best_page(library: Library, tmp_path, monkeypatch) -> None:
    """With a filter on, a word common outside it must still list every article inside it,
    not only those that happened to be in the library-wide best page."""
    from tui.core import views
    from tui.core.importer import import_paths

    lines = [json.dumps({"title": f"Battery plant {i}", "text": f"Battery battery battery plant number {i} opens."})
             for i in range(260)]
    lines += [json.dumps({"title": f"Quiet note {i}", "text": f"A long note on trucks that names a battery once ({i})."})
              for i in range(3)]
    (tmp_path / "news.jsonl").write_text("\n".join(lines), encoding="utf-8")
    import_paths(library, [tmp_path / "news.jsonl"], entities=False)
    quiet = {i for (i,) in library.conn.execute("SELECT id FROM articles WHERE title LIKE 'Quiet note%'")}
    searcher = Searcher(library)
    assert {h.id for h in searcher.search("battery", limit=views.SEARCH_LIMIT, details=False, within=quiet)} == quiet
    monkeypatch.setattr(views, "_entity_articles", lambda _library, _entity: quiet)
    rows = views.list_rows(library, searcher, views.Filters(query="battery", entity=1, entity_name="X"))
    assert {row.id for row in rows} == quiet
