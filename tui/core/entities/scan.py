"""Tokens with offsets, and the gazetteer scan that finds known names in running text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Entry, Gazetteer
from .keys import link_key
from .morph import lemma

_TOKEN = re.compile(r"\w+(?:[-'’.&]\w+)*\.?|[^\w\s]")
_JOINERS = re.compile(r"[ \t\u00a0-]*")  # what may sit between the words of one name (fullmatch: no newline)
_CONNECTORS = frozenset("of and for the de del der la le von van и имени им. им".split())
#: words that keep their dot; any other trailing dot is punctuation
_ABBREVIATIONS = frozenset("inc. corp. co. ltd. jr. sr. st. mr. mrs. ms. dr. prof. gen. col. lt. sgt. no. vs. "
                           "u.s. u.k. u.n. e.u. г. ул. им. д. т.е. т.д. др. руб. млн. млрд. тыс.".split())


@dataclass(slots=True, frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def name_like(self) -> bool:
        """Capitalised, an acronym, or a model code such as iEVS4 / 3e."""
        t = self.text
        return t[0].isupper() or t[0].isdigit() or (t[0].isalpha() and not t[1:].islower() and t[1:] != t[1:].lower())


def tokenize(text: str) -> list[Token]:
    tokens = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        # "Inc." and initials ("J.") keep their dot; a sentence-final dot is punctuation
        if word[-2:] in ("'s", "’s") and len(word) > 3:  # "Russia's": the name, then its "'s"
            tokens.append(Token(m.start(), m.end() - 2, word[:-2]))
            tokens.append(Token(m.end() - 2, m.end(), word[-2:]))
        elif word.endswith(".") and len(word) > 2 and word.casefold() not in _ABBREVIATIONS and "." not in word[:-1]:
            tokens.append(Token(m.start(), m.end() - 1, word[:-1]))
            tokens.append(Token(m.end() - 1, m.end(), "."))
        else:
            tokens.append(Token(m.start(), m.end(), word))
    return tokens


def contiguous(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """True when tokens i..j are one run of words (spaces or hyphens between them)."""
    return all(
        tokens[k].is_word and _JOINERS.fullmatch(text[tokens[k - 1].end:tokens[k].start]) for k in range(i + 1, j + 1)
    ) and tokens[i].is_word


def scan(text: str, tokens: list[Token], gazetteer: Gazetteer, *, lemmatize: bool, max_rank: int = 2) -> list[tuple[int, int, Entry]]:
    """Longest-first matches of gazetteer names: ``(first token, last token, entry)``.

    A name must start and end with a name-like word; lowercase connectors ("of", «и»)
    may sit inside. With ``lemmatize``, Russian words also match in any case form.
    """
    found = []
    starts = gazetteer.first_words
    i = 0
    while i < len(tokens):
        first = tokens[i]
        if not (first.is_word and first.name_like) or not (
            link_key(first.text) in starts or (lemmatize and link_key(lemma(first.text)) in starts)
            or (first.text.isupper() and link_key(first.text.title()) in starts)
        ):
            i += 1
            continue
        for j in range(min(len(tokens), i + gazetteer.max_words) - 1, i - 1, -1):
            last = tokens[j]
            if not (last.name_like or (j == i)) or not contiguous(text, tokens, i, j):
                continue
            if any(not t.name_like and t.text.lower() not in _CONNECTORS for t in tokens[i + 1:j]):
                continue
            phrase = text[tokens[i].start:last.end]
            entry = gazetteer.lookup(phrase)
            if entry is None and phrase.isupper() and len(phrase) > 2:
                entry = gazetteer.lookup(phrase.title())  # "BONN", "NEW YORK" in a headline
            if entry is None and lemmatize:
                entry = gazetteer.lookup(" ".join(lemma(t.text) for t in tokens[i:j + 1]))
            if entry is not None and entry.rank <= max_rank:
                found.append((i, j, entry))
                i = j
                break
        i += 1
    return found
