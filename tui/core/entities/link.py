"""Library-wide linking: many mention keys, one entity.

Extraction gives each mention a key that is already script- and inflection-independent
(a gazetteer id, or a type plus transliteration key). The linker maps keys to entity ids
and merges spelling variants with rapidfuzz, only within one type and only for names long
enough that a near-miss is a variant, not another name ("Kama" is not "Kamaz").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import fuzz, process

MIN_FUZZY_LENGTH = 7  # keys shorter than this merge only when identical
FUZZY_CUTOFF = 90.0
_W_SOUND = re.compile(r"^u(?=[aeo])")  # «Уоррен», «Уэйд»: Russian spells an initial W as У + vowel


def skeleton(word: str) -> str:
    """A name's consonant skeleton, for spellings that differ in vowels and in letters one
    script writes and the other does not: "thomas"/«Томас», "varen"/«Уоррен» (Warren),
    "biorn"/«Бьёрн», "tereza"/"theresa". First letter kept, vowels dropped."""
    word = _W_SOUND.sub("v", word).replace("th", "t").replace("ph", "f").replace("z", "s")
    rest = re.sub(r"[aeiouy]+", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", word[:1] + rest)


class Linker:
    """Resolve mention keys to entity ids, creating entities through ``create(key, type)``."""

    def __init__(self, create: Callable[[str, str], int], keys: dict[str, int] | None = None,
                 types: dict[int, str] | None = None) -> None:
        self._create = create
        self.keys: dict[str, int] = dict(keys or {})
        self.types: dict[int, str] = dict(types or {})
        self._fuzzy: dict[str, dict[str, int]] = {}
        #: consonant skeleton of "first_last" person keys -> entity ids
        self._skeletons: dict[str, set[int]] = {}
        for key, entity_id in self.keys.items():
            self._remember(key, entity_id)
        #: keys learned since the last :meth:`take_added` (to persist)
        self.added: dict[str, int] = {}
        #: the last stored key row this linker knows (the library's, see entity_store.learn_keys)
        self.keys_seen = 0

    def _remember(self, key: str, entity_id: int) -> None:
        kind, _, body = key.partition(":")
        if kind.isupper() and kind != "FIGURE" and len(body) >= MIN_FUZZY_LENGTH:
            self._fuzzy.setdefault(kind, {})[body] = entity_id
        sk = _person_skeleton(key) if self.types.get(entity_id) == "PERSON" or kind == "PERSON" else None
        if sk:
            self._skeletons.setdefault(sk, set()).add(entity_id)

    def resolve(self, key: str, kind: str) -> int:
        """The entity for ``key``: known, a spelling variant of a known one, or new."""
        found = self.keys.get(key)
        if found is not None:
            return found
        found = self._variant_of(key, kind)
        if found is None:
            found = self._create(key, kind)
            self.types[found] = kind
        self.keys[key] = found
        self.added[key] = found
        self._remember(key, found)
        return found

    def learn(self, key: str, entity_id: int, kind: str) -> None:
        """Know ``key`` as ``entity_id`` (stored by someone else); keys already known keep theirs."""
        if key not in self.keys:
            self.keys[key] = entity_id
            self.types.setdefault(entity_id, kind)
            self._remember(key, entity_id)

    def take_added(self) -> dict[str, int]:
        """Keys learned since the last call (new entities and spelling variants)."""
        added, self.added = self.added, {}
        return added

    def _variant_of(self, key: str, kind: str) -> int | None:
        prefix, _, body = key.partition(":")
        if prefix != kind:
            return None  # gazetteer ids are exact by construction
        if kind == "PERSON" and body.startswith("_"):
            return self._unique_person_with_surname(body[1:])
        if kind == "PERSON":
            ids = self._skeletons.get(_person_skeleton(key) or "", set())
            if len(ids) == 1:
                return next(iter(ids))
        if kind == "FIGURE" or len(body) < MIN_FUZZY_LENGTH:
            return None
        choices = self._fuzzy.get(kind)
        if not choices:
            return None
        match = process.extractOne(body, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, processor=None)
        if match is None:
            return None
        if kind == "PERSON" and not _same_first_name(body, match[0]):
            return None
        return choices[match[0]]

    def _unique_person_with_surname(self, surname: str) -> int | None:
        ids = {eid for key, eid in self.keys.items()
               if self.types.get(eid) == "PERSON" and key.rsplit("_", 1)[-1] == surname and "_" in key}
        return ids.pop() if len(ids) == 1 else None


def _person_skeleton(key: str) -> str | None:
    """The skeleton of a "PERSON:first_last" key, or None when too short to be telling."""
    kind, _, body = key.partition(":")
    first, _, last = body.partition("_")
    if kind != "PERSON" or not first or not last:
        return None
    first_sk, last_sk = skeleton(first), skeleton(last)
    return f"{first_sk}_{last_sk}" if len(first_sk) >= 2 and len(last_sk) >= 3 else None


def _same_first_name(a: str, b: str) -> bool:
    """Two people with one surname stay apart unless their first names agree."""
    first_a, _, last_a = a.partition("_")
    first_b, _, last_b = b.partition("_")
    return bool(first_a and first_b) and fuzz.ratio(first_a, first_b) >= 80
