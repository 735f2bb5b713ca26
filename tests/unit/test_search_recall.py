"""Search recall beyond the seeds: inflections of English words in -t, index versioning,
name variants and concepts, on small libraries of articles written for these tests."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.importer import import_paths
from tui.core.search import Searcher
from tui.core.store import Library

ARTICLES = {
    "plant.txt": "Renault opens a plant in Tula\n\nRenault said its new plant will build crossovers from 2026.",
    "robot.txt": "A robot welds car bodies\n\nThe factory installed one welding robot on the body line.",
    "prices.txt": "Toyota hikes car prices\n\nToyota will raise prices of its cars in the United States by 2 percent.",
    "ru_prices.txt": "Погода в Москве\n\nВ выходные в Москве ожидается снег и небольшой мороз.",
}


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    library = Library.open(tmp_path / "lib.sqlite3")
    import_paths(library, [folder], entities=False)
    yield library
    library.close()


def titles(library: Library, query: str) -> list[str]:
    return [h.title for h in Searcher(library).search(query, details=False)]


@pytest.mark.parametrize("query, title", [
    ("plants", "Renault opens a plant in Tula"),
    ("robots", "A robot welds car bodies"),
    ("price", "Toyota hikes car prices"),
])
def test_plurals_in_ts_find_the_singular_and_back(lib: Library, query: str, title: str) -> None:
    assert titles(lib, query)[:1] == [title]


def test_a_new_library_is_not_stale_and_an_old_one_asks_for_reindex(lib: Library, tmp_path: Path) -> None:
    from tui.core.search import index as search_index

    assert not search_index.is_stale(lib.conn)
    lib.set_meta("search_keys", "1")  # as a library indexed by an older evnews-tui
    assert search_index.is_stale(lib.conn)
    db = str(lib.path)
    lib.close()
    run = [sys.executable, "-m", "tui", "--db", db]
    warned = subprocess.run([*run, "search", "plant"], capture_output=True, text=True, timeout=120)
    assert warned.returncode == 0 and "reindex --search" in warned.stderr
    assert "Renault opens a plant" in warned.stdout
    rebuilt = subprocess.run([*run, "reindex", "--search"], capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0 and "4 articles" in rebuilt.stdout
    again = subprocess.run([*run, "search", "plants"], capture_output=True, text=True, timeout=120)
    assert again.stderr == "" and "Renault opens a plant" in again.stdout


NAMES = {
    "iacocca.txt": "Chrysler chairman speaks\n\nLee Iacocca said Chrysler would buy American Motors this year.",
    "kuznetsova.txt": "Kuznetsova reaches the final\n\nSvetlana Kuznetsova beat her rival in straight sets on Friday.",
    "turkmen.txt": "Визит в Ашхабад\n\nДелегация встретилась с президентом Гурбангулы Бердымухамедовым в Ашхабаде.",
    "ghosn.txt": "Nissan names a new chief\n\nCarlos Ghosn will hand Nissan to a successor next year, the carmaker said.",
    "weather.txt": "Погода на выходные\n\nВ субботу в Москве ожидается снег, цены на билеты в театры не изменятся.",
}


@pytest.fixture(scope="module")
def names(tmp_path_factory: pytest.TempPathFactory) -> Library:
    folder = tmp_path_factory.mktemp("names")
    for name, text in {**ARTICLES, **NAMES}.items():
        (folder / name).write_text(text, encoding="utf-8")
    library = Library.open(folder / "lib.sqlite3")
    import_paths(library, [folder])  # with entities: curated people are found by surname
    yield library
    library.close()


@pytest.mark.parametrize("query, title", [
    ("Якокка", "Chrysler chairman speaks"),                  # respelt across scripts: c ↔ к
    ("Кузнецова", "Kuznetsova reaches the final"),           # the form as written, not the lemma
    ("Бердымухаммедов", "Визит в Ашхабад"),                  # a misspelt name in another case
    ("Гон", "Nissan names a new chief"),                     # a known person by surname, across scripts
    ("повышение цен на автомобили", "Toyota hikes car prices"),  # concepts: increase, price, car
])
def test_names_and_concepts_across_scripts(names: Library, query: str, title: str) -> None:
    assert titles(names, query)[:1] == [title]


def test_respelling_is_not_offered_for_common_words(names: Library) -> None:
    # "Chrysler" is in the library as written: no respelt alternatives pull in other articles
    assert titles(names, "Chrysler") == ["Chrysler chairman speaks"]


RECALLS = {
    "car_recall.txt": "Suzuki recalls 60,000 cars\n\nSuzuki will recall 60,000 cars to replace a faulty brake pipe.",
    "drug_recall.txt": "Drug maker recalls a batch\n\nThe company will recall one batch of its cough syrup from pharmacies.",
}


def test_the_words_inside_a_concept_still_count(tmp_path: Path) -> None:
    """«отзыв автомобилей» is one concept (a recall), but a recall of cars ranks above a recall of syrup."""
    folder = tmp_path / "recalls"
    folder.mkdir()
    for name, text in RECALLS.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Library.open(tmp_path / "lib.sqlite3") as library:
        import_paths(library, [folder], entities=False)
        assert titles(library, "отзыв автомобилей") == ["Suzuki recalls 60,000 cars", "Drug maker recalls a batch"]
