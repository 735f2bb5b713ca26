"""Entities as a reader sees them: found, normalised, linked across languages, never from boilerplate."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


from tests.conftest import SEEDS
from tui.core import entity_store
from tui.core.entities import extract
from tui.core.entities.figures import find_figures
from tui.core.entities.morph import normal_form
from tui.core.importer import import_paths
from tui.core.store import Library


def _entities(library: Library, article_id: int | None = None) -> dict[tuple[str, str], entity_store.EntityInfo]:
    return {(i.type, i.name): i for i in entity_store.list_entities(library.conn, article=article_id)}


def _seed_id(library: Library, key: str) -> int:
    return next(a.id for a in library.list_articles() if a.path.endswith(SEEDS[key]))


def test_kamaz_and_kogogin_are_one_entity_each_across_both_english_seeds(seeded: Library) -> None:
    found = _entities(seeded)
    both = {_seed_id(seeded, "kama"), _seed_id(seeded, "kamaz")}
    assert set(found[("ORG", "KAMAZ")].articles) == both  # "Kamaz" in one, "KAMAZ PJSC" in the other
    assert set(found[("PERSON", "Sergey Kogogin")].articles) == both
    assert {"Kamaz", "KAMAZ", "KAMAZ PJSC", "КАМАЗ"} <= set(found[("ORG", "KAMAZ")].aliases)


def test_english_seed_entities(seeded: Library) -> None:
    names = set(_entities(seeded))
    assert {("ORG", "Moskvich"), ("ORG", "Renault"), ("PRODUCT", "JAC iEVS4"), ("PRODUCT", "Kama-1"),
            ("PLACE", "Moscow"), ("PERSON", "Ruben Vardanyan"), ("PERSON", "Sergey Sobyanin")} <= names


def test_russian_seed_entities_are_lemmatised_and_linked(seeded: Library) -> None:
    found = _entities(seeded, _seed_id(seeded, "qoshcar"))
    assert {("ORG", "Qoshcar Automotive"), ("PLACE", "Kazakhstan"), ("PLACE", "Russia"), ("PRODUCT", "GT Vision 1")} <= set(found)
    assert found[("PLACE", "Kazakhstan")].names == {"en": "Kazakhstan", "ru": "Казахстан"}
    russia = seeded.conn.execute(
        "SELECT group_concat(DISTINCT surface) FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.name = 'Russia'"
    ).fetchone()[0]
    assert set(russia.split(",")) == {"РФ", "России"}


def test_figures_in_cleaned_text(seeded: Library) -> None:
    figures = {name for kind, name in _entities(seeded) if kind == "FIGURE"}
    assert {"100 тысяч долларов США", "4 тысяч экземпляров ежегодно", "14 to 40 tons"} <= figures
    # "450 thousand electric cars a year" is only in a "More on the topic:" teaser, which cleaning
    # removes; the recogniser itself does read it:
    teaser = "Kama startup plans to produce more than 450 thousand electric cars a year"
    assert [s for _, _, s in find_figures(teaser, "en")] == ["450 thousand electric cars a year"]
    assert not any("450" in f for f in figures)


def test_no_entity_comes_from_boilerplate(seeded: Library) -> None:
    text = " ".join(f"{kind}:{name} " + " ".join(info.aliases) for (kind, name), info in _entities(seeded).items())
    for junk in ("Bret Jackson", "Amazon", "One Medical", "BlaBlaCar", "Neuralink", "Lada", "Monica", "Gadget Onus", "Behind the Wheel"):
        assert junk not in text


def test_russian_normal_forms() -> None:
    assert normal_form("Казахстане", "PLACE") == "Казахстан"
    assert normal_form("Сергея Когогина", "PERSON") == "Сергей Когогин"
    assert normal_form("Министерства промышленности и торговли", "ORG") == "Министерство промышленности и торговли"
    assert normal_form("Набережных Челнах", "PLACE") == "Набережные Челны"


def _import_texts(library: Library, tmp_path: Path, texts: dict[str, str]) -> dict[str, int]:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ids = {}
    for name in texts:
        (article_id,) = import_paths(library, [tmp_path / name]).added
        ids[name] = article_id
    return ids


def test_cross_language_articles_share_entities(library: Library, tmp_path: Path) -> None:
    ids = _import_texts(library, tmp_path, {
        "en.txt": "KAMAZ raises truck output\n\nKAMAZ said on Tuesday it would build more trucks. Vladimir Putin visited the plant.",
        "ru.txt": "КАМАЗ увеличил выпуск\n\nПрезидент Путин посетил завод КАМАЗа в Набережных Челнах.",
    })
    en, ru = (_entities(library, ids[k]) for k in ("en.txt", "ru.txt"))
    assert en[("ORG", "KAMAZ")].id == ru[("ORG", "KAMAZ")].id
    assert en[("PERSON", "Vladimir Putin")].id == ru[("PERSON", "Vladimir Putin")].id
    assert en[("ORG", "KAMAZ")].langs == {"en": 1, "ru": 1}


def test_unknown_names_link_across_scripts_and_spellings(library: Library, tmp_path: Path) -> None:
    ids = _import_texts(library, tmp_path, {
        "a.txt": "Zarechny opens\n\nCEO Arkady Zarechny told reporters the Voltix plant would open in May.",
        "b.txt": "Заречный\n\nГендиректор Аркадий Заречный рассказал о заводе.",
        "c.txt": "Zarechnyy again\n\nCEO Arkadiy Zarechnyy said sales grew.",
    })
    people = [_entities(library, i).get(("PERSON", "Arkady Zarechny")) for i in ids.values()]
    assert all(people) and len({p.id for p in people}) == 1
    assert set(people[0].names.values()) == {"Arkady Zarechny", "Аркадий Заречный"}


def test_no_over_merging(library: Library, tmp_path: Path) -> None:
    ids = _import_texts(library, tmp_path, {
        "a.txt": "Startups\n\nThe Kama startup is not KAMAZ. The Moskvich plant is in Moscow.",
        "b.txt": "Two Petrovs\n\nAnalyst Ivan Petrovsky met economist Oleg Petrovsky in Kazan.",
    })
    a = _entities(library, ids["a.txt"])
    assert a[("ORG", "Kama")].id != a[("ORG", "KAMAZ")].id
    assert a[("ORG", "Moskvich")].id != a[("PLACE", "Moscow")].id
    people = {name for kind, name in _entities(library, ids["b.txt"]) if kind == "PERSON"}
    assert people == {"Ivan Petrovsky", "Oleg Petrovsky"}


def test_user_gazetteer_is_merged_and_reindex_applies_it(seeded: Library, isolated_home: Path, cli) -> None:
    config = isolated_home / "config" / "evnews-tui"
    config.mkdir(parents=True, exist_ok=True)
    (config / "entities.toml").write_text(
        '[[org]]\nid = "rb-media"\nen = "RB Media"\nru = "РБ Медиа"\naliases = ["RB"]\n', encoding="utf-8")
    from tui.core.entities.gazetteer import load_gazetteer
    load_gazetteer.cache_clear()
    try:
        assert extract("", "Source: RB said so.", "en")[0].key == "org:rb-media"
    finally:
        load_gazetteer.cache_clear()


def test_cli_entities_json_and_list_by_entity(cli) -> None:
    code, out, _ = cli("entities", "--type", "place", "--json")
    places = json.loads(out)
    assert code == 0 and all(p["type"] == "PLACE" for p in places)
    kz = next(p for p in places if p["name"] == "Kazakhstan")
    assert set(kz) == {"id", "name", "type", "names", "aliases", "articles", "mentions", "langs"}
    assert kz["names"] == {"en": "Kazakhstan", "ru": "Казахстан"} and kz["langs"] == {"ru": 1}
    for query in ("Moskvich", "Москвич", "moskvch", "KAMAZ", "камаз", "Когогин", "kogogn"):
        code, out, err = cli("list", "--entity", query, "--json")
        assert code == 0, err
        assert len(json.loads(out)) == 2, query
    code, _, err = cli("list", "--entity", "Zyxwvut")
    assert code == 1 and "no entity matches" in err


def test_reindex_rebuilds_the_same_entities(cli) -> None:
    before = json.loads(cli("entities", "--json")[1])
    code, out, _ = cli("reindex", "--json")
    assert code == 0 and json.loads(out)["articles"] == 3
    after = json.loads(cli("entities", "--json")[1])
    assert [(e["type"], e["name"], len(e["articles"])) for e in after] == [(e["type"], e["name"], len(e["articles"])) for e in before]


def test_reading_entities_never_loads_the_ner_model(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite3"
    code = (f"from tui.cli import main; import sys; main(['--db', {str(db)!r}, 'list'])\n")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)  # first run seeds (runs NER)
    probe = (f"from tui.cli import main; import sys, io, contextlib\n"
             f"with contextlib.redirect_stdout(io.StringIO()): main(['--db', {str(db)!r}, 'entities'])\n"
             f"print(sorted({{'natasha', 'slovnet', 'pymorphy3'}} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
