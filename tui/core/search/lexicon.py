"""Bilingual concepts (``data/lexicon.toml``): "electric car" and «электромобиль» are one concept.

Each phrase is turned into its sequence of word keys (English words also by stem), so a
concept is found in any inflection of any of its phrases, in either language.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from ..paths import bundled_data_dir, config_dir
from .terms import Word, stem, words
from .vocab import Vocabulary


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    en: tuple[str, ...]
    ru: tuple[str, ...]


class Lexicon:
    """Phrase keys → concepts, for finding concepts in a word sequence."""

    def __init__(self, concepts: list[Concept]) -> None:
        self.concepts = {c.id: c for c in concepts}
        self.by_phrase: dict[tuple[str, ...], Concept] = {}
        for concept in concepts:
            for phrase in (*concept.en, *concept.ru):
                keys = tuple(_norm(w.key) for w in words(phrase))
                if keys:
                    self.by_phrase.setdefault(keys, concept)
        self.max_len = max((len(k) for k in self.by_phrase), default=1)

    def find(self, seq: list[Word]) -> list[tuple[int, int, Concept]]:
        """Concept phrases in ``seq``: (first word, last word, concept), longest first, no overlaps."""
        norm = [_norm(w.key) for w in seq]
        found, i = [], 0
        while i < len(seq):
            for n in range(min(self.max_len, len(seq) - i), 0, -1):
                concept = self.by_phrase.get(tuple(norm[i:i + n]))
                if concept:
                    found.append((i, i + n - 1, concept))
                    i += n - 1
                    break
            i += 1
        return found


def _norm(key: str) -> str:
    return stem(key)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon plus the user's ``lexicon.toml`` from the config folder."""
    concepts: list[Concept] = []
    for path in (bundled_data_dir() / "lexicon.toml", config_dir() / "lexicon.toml"):
        if path.is_file():
            with path.open("rb") as handle:
                for item in tomllib.load(handle).get("concept", []):
                    concepts.append(Concept(item["id"], tuple(item.get("en", ())), tuple(item.get("ru", ()))))
    return Lexicon(concepts)


def concept_query(concept: Concept, vocab: Vocabulary, covered: set[str]) -> str | None:
    """Any phrase of the concept, in either language, as an FTS query over the text.

    Russian phrases are lemma keys already. English words take their inflections from the
    vocabulary ("electric vehicle" also finds "electric vehicles"). Words the unit already
    matches on its own (``covered``) are left out; None if nothing is left."""
    phrases: list[str] = []
    for phrase in (*concept.en, *concept.ru):
        keys = [w.key for w in words(phrase)]
        if not keys or (len(keys) == 1 and keys[0] in covered):
            continue
        lasts = [keys[-1], *vocab.variants(keys[-1])] if phrase.isascii() else [keys[-1]]
        if len(keys) == 1:  # the unit's own words and their inflections are matched already
            lasts = [last for last in lasts if last not in covered]
        phrases += [f'"{" ".join(keys[:-1] + [last])}"' for last in lasts if vocab.has(last)]
    phrases = list(dict.fromkeys(phrases))
    return f"{{title body}} : ({' OR '.join(phrases)})" if phrases else None
