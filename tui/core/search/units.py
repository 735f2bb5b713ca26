"""Query expansion: each query word (or phrase) becomes a *unit* with every alternative
that can satisfy it, in decreasing weight: the word's own key (exact, lemma or
transliteration: they share the key), other inflections, typo corrections and respellings
from the vocabulary, entity aliases and lexicon concepts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..entities.keys import link_key
from .lexicon import concept_query, load_lexicon
from .query import Query
from .terms import STOPWORDS, word_key, words
from .vocab import Vocabulary

WEIGHTS = {"exact": 1.0, "lemma": 0.95, "fuzzy": 0.8, "concept": 0.75, "entity": 1.0}


@dataclass
class Unit:
    """One query word or phrase and the index tokens that can satisfy it."""

    text: str
    keys: set[str] = field(default_factory=set)  # the word's own key(s)
    alternatives: dict[str, tuple[str, float]] = field(default_factory=dict)  # fts query -> (kind, weight)
    concepts: set[str] = field(default_factory=set)  # lexicon concept ids it stands for
    #: queries that only add to articles the unit matched anyway: the concepts of the words
    #: inside a multi-word concept ("cars" for «отзыв автомобилей», a recall of cars)
    bonus: dict[str, float] = field(default_factory=dict)

    def covered(self) -> set[str]:
        """Keys this unit already matches as words (its own and their inflections)."""
        return {m.group(1) for fts in self.alternatives if (m := _KEY_FTS.fullmatch(fts))}

    def add(self, fts: str, kind: str) -> None:
        if fts not in self.alternatives or self.alternatives[fts][1] < WEIGHTS[kind]:
            self.alternatives[fts] = (kind, WEIGHTS[kind])


@lru_cache(maxsize=1)
def stop_keys() -> frozenset[str]:
    """The keys of the stopwords (a query word with one of them is left out)."""
    return frozenset(word_key(w) for w in STOPWORDS)


_KEY_FTS = re.compile(r'\{title body\} : "([^" ]+)"')


def key_query(key: str) -> str:
    return f'{{title body}} : "{key}"'




def build_units(query: Query, vocab: Vocabulary, aliases: dict[str, set[int]]) -> list[Unit]:
    """The query's units with every alternative that can satisfy them (``aliases``: entity
    alias keys → entity ids)."""
    # Stopwords and one-letter keys ("a", or "aaaa…" once doubled letters fold) match everything.
    units = [Unit(w) for w in query.words if len(word_key(w)) > 1 and word_key(w) not in stop_keys()]
    for unit in units:
        for word in words(unit.text):
            unit.keys.add(word.key)
            unit.add(key_query(word.key), "exact")
            for variant in vocab.variants(word.key):
                unit.add(key_query(variant), "lemma")
            for typo in vocab.typos(word.key):
                unit.add(key_query(typo), "fuzzy")
            for form in vocab.endings(word.key):
                unit.add(key_query(form), "lemma")
            # English text transliterates the form as written: «Кузнецова» is "Kuznetsova",
            # though its lemma is «Кузнецов».
            if (surface := link_key(word.surface.lower())) != word.key and vocab.has(surface):
                unit.add(key_query(surface), "lemma")
            for other in vocab.respelt(word.key, latin=word.surface.isascii()):
                unit.add(key_query(other), "fuzzy")
    for phrase in query.phrases:
        keys = [w.key for w in words(phrase)]
        if keys:
            unit = Unit(phrase, set(keys))
            unit.add(f'{{title body}} : "{" ".join(keys)}"', "exact")
            units.append(unit)
    _add_entities(units, aliases)
    return _add_concepts(units, vocab)

def _add_concepts(units: list[Unit], vocab: Vocabulary) -> list[Unit]:
    """A one-word concept is one more alternative for its word. Words that together name
    a concept ("electric car", «зарядная станция») become one unit: the words near each
    other, or the concept in any language; either word alone no longer satisfies it."""
    singles = [u for u in units if " " not in u.text]
    seq = [w for u in singles for w in words(u.text)[:1]]
    merged: dict[int, Unit] = {}
    for first, last, concept in load_lexicon().find(seq):
        if first == last:
            if fts := concept_query(concept, vocab, singles[first].covered()):
                singles[first].add(fts, "concept")
            singles[first].concepts.add(concept.id)
            continue
        parts = singles[first:last + 1]
        unit = Unit(" ".join(u.text for u in parts), set().union(*(u.keys for u in parts)))
        near = " ".join(f'"{min(u.keys)}"' for u in parts if u.keys)
        unit.add(f"{{title body}} : NEAR({near}, 2)", "exact")
        if fts := concept_query(concept, vocab, set()):
            unit.add(fts, "concept")
        unit.concepts.add(concept.id)
        for part in parts:
            unit.alternatives.update({f: a for f, a in part.alternatives.items() if f.startswith("entities")})
            for *_, inner in load_lexicon().find(words(part.text)[:1]):
                if inner.id != concept.id and (fts := concept_query(inner, vocab, set())):
                    unit.bonus[fts] = WEIGHTS["concept"]
            merged[id(part)] = unit
    out: list[Unit] = []
    for unit in units:
        replacement = merged.get(id(unit), unit)
        if not out or out[-1] is not replacement:
            out.append(replacement)
    return out

def _add_entities(units: list[Unit], aliases: dict[str, set[int]]) -> None:
    singles = [u for u in units if " " not in u.text]
    for n in range(min(4, len(singles)), 0, -1):
        for i in range(len(singles) - n + 1):
            for entity_id in aliases.get(link_key(" ".join(u.text for u in singles[i:i + n])), ()):
                for unit in singles[i:i + n]:
                    unit.add(f'entities : "ze{entity_id}"', "entity")
    for unit in units:
        if " " in unit.text:
            for entity_id in aliases.get(link_key(unit.text), ()):
                unit.add(f'entities : "ze{entity_id}"', "entity")
