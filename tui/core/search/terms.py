"""Search terms: every word becomes a script-independent key of its dictionary form.

Russian words are lemmatised (pymorphy3) before keying, so «в Казахстане» and
"Kazakhstan" both index as ``kazahstan``. English words are keyed as written; their
inflections are matched at query time through the vocabulary's shared stems (snowball).
The same functions run at index time and at query time, so both sides always agree.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from ..entities.keys import link_key
from ..entities.morph import lemma

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
MAX_KEY = 40  # longer "words" (hashes, URLs) are indexed truncated
# Changing how words are keyed? Bump "search_keys" in tui/core/versions.py.

STOPWORDS = frozenset(
    "a an the of and or in on at to for by with from as is are was were be been it its this that these those "
    "but not no than then so if into over under about after before up down out he she they we you i his her "
    "their our has have had do does did will would can could should may might also which who whom what when "
    "where how all any each other such only own same too very just there here more most "
    "и в во не на с со по к ко о об от до за из у а но же ли бы что как так это этот эта эти тот та те то "
    "он она оно они мы вы я его ее её их для при под над без про через или либо также уже еще ещё был была "
    "было были быть есть который которая которое которые".split()
)


@dataclass(slots=True, frozen=True)
class Word:
    """A word in a text: its offsets, its surface, and its search key."""

    start: int
    end: int
    surface: str
    key: str


@lru_cache(maxsize=300_000)
def word_key(word: str) -> str:
    """The index key of one word (either script)."""
    if _CYRILLIC.search(word):
        if not (word.isupper() and len(word) <= 5):  # acronyms are not inflected
            word = lemma(word)
    elif len(word) > 3 and word[-2:].lower() == "ts":
        # An English plural of a word in -t ("plants", "robots"), not the Ц that link_key
        # folds "ts" into: keep the "s" so the stem, and so "plant", still match.
        return (link_key(word[:-1].lower()) + "s")[:MAX_KEY]
    return link_key(word.lower())[:MAX_KEY]


def words(text: str) -> list[Word]:
    """Words of ``text`` with offsets and keys (words whose key is empty are left out)."""
    out = []
    for m in _WORD.finditer(text):
        key = word_key(m.group())
        if key:
            out.append(Word(m.start(), m.end(), m.group(), key))
    return out


_local = threading.local()


def _stemmer():
    """One stemmer per thread: a snowballstemmer stemmer keeps its state in the object
    while it stems, so two threads sharing one corrupt each other (IndexError)."""
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _local.stemmer = snowballstemmer.stemmer("english")
    return stemmer


@lru_cache(maxsize=200_000)
def stem(key: str) -> str:
    """English stem of a key ("vehicles" and "vehicle" → "vehicl"); Russian keys pass through
    unchanged in effect, since their lemmas already merged the inflections."""
    return _stemmer().stemWord(key)
