"""Typing one capitalised run of English words: gazetteer places (and sports sides),
organisation cues, demonyms, person cues, acronyms, and the shape of the name.

:func:`type_run` returns the pieces a run splits into, each ``(first token, last token,
type or None, entry or None)``; ``None`` means "a name, type unknown yet": the document's
other mentions decide it later (see ``extract_en``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .en_layout import Layout
from .en_words import (EVENT_ENDS, EVENT_WORDS, ORG_AFTER, ORG_HEADS, ORG_SUFFIXES, PERSON_BEFORE, SPLIT_TITLES,
                       STOP_STARTS, first_names, is_demonym, person_titles)
from .gazetteer import Entry, Gazetteer
from .scan import Token

#: words that make a place name out of what follows or precedes them
GEO_WORDS = frozenset("north south east west northern southern eastern western central upper lower greater "
                      "republic kingdom state states province region gulf sea strait straits heights valley "
                      "mountains mount lake river bay island islands peninsula coast desert port cape "
                      "county district territory federal democratic socialist islamic arab".split())
#: in a sports report, a city or county next to these words is a side, not a place
TEAM_BEFORE = frozenset("beat beating v vs vs. against over joined join for champions leaders host hosts "
                        "visiting visitors than".split())
TEAM_AFTER = frozenset("beat beats drew draw lost won win lead leads led trail trailed defeated play played "
                       "face faced meet host hosted 's ’s captain coach manager striker player players "
                       "midfielder defender goalkeeper batsman bowler side team were have has had will "
                       "reached scored".split())

#: words after which "of" continues one name ("Bank of Canada", "Gulf of Aqaba", "Duke of Norfolk")
OF_HEADS = (ORG_SUFFIXES | ORG_HEADS | GEO_WORDS) | frozenset(
    "duke duchess earl prince princess king queen isle house chamber church museum cathedral statue "
    "secretary minister head chief president governor mayor bay cape city town port".split())
#: words that name a sports club with its city ("Real Madrid", "Dynamo Kiev", "Rotor Volgograd")
CLUB_WORDS = frozenset("real dynamo dinamo sporting athletic atletico athletico olympique olympic racing inter ac "
                       "fc sc cf sv vfb vfl tsv fk nk spartak lokomotiv torpedo zenit rotor steaua partizan red "
                       "crvena hapoel maccabi slavia sparta legia wisla rapid austria union united city rovers "
                       "wanderers county albion".split())
#: a name after these is a place ("at Headingley"), unless something else says otherwise
VENUE_BEFORE = frozenset("in at near outside".split())
#: one-word names of institutions that news writes without an organisation cue
INSTITUTIONS = frozenset("fed treasury congress senate parliament pentagon cabinet bundesbank bundestag duma "
                         "knesset politburo interpol opec nato".split())

Piece = tuple[int, int, "str | None", "Entry | None"]


@dataclass
class Context:
    """What typing needs besides the run: tokens, gazetteer, layout, matches by first token."""

    text: str
    tokens: list[Token]
    gazetteer: Gazetteer
    layout: Layout
    places: dict[int, tuple[int, Entry]]  # first token -> (last token, non-curated entry)
    people: set[str]  # casefolded words of the document's full person names


def weak_city(ctx: Context, i: int) -> bool:
    """A one-word match from the city list that is more likely something else: a role
    ("Chief"), a first name ("Vladimir"), a month ("May")."""
    word = ctx.tokens[i].text.casefold()
    return word in SPLIT_TITLES or word in first_names() or word in STOP_STARTS


def place_type(ctx: Context, i: int, entry: Entry, j: int | None = None) -> tuple[str, Entry | None]:
    """A known place, or in a sports report a team: "Surrey beat Kent", "Colorado 5
    Florida 3" (ORG); national sides ("England beat Moldova"), the dateline and venues
    ("at The Oval, London") stay places."""
    if not ctx.layout.sports or entry.id in ctx.gazetteer.countries or entry.type != "PLACE":
        return entry.type, entry
    tokens, j = ctx.tokens, i if j is None else j
    pos = tokens[i].start
    if ctx.layout.in_dateline(pos):
        return "PLACE", entry
    before = tokens[i - 1].text.casefold() if i else ""
    after = tokens[j + 1].text.casefold() if j + 1 < len(tokens) else ""
    if ctx.layout.in_row(pos) or before in TEAM_BEFORE or after in TEAM_AFTER or after[:1].isdigit():
        return "ORG", None
    return "PLACE", entry


def context_type(ctx: Context, i: int, j: int, nickname: bool = True) -> str | None:
    """The type the words around an unexplained name suggest: a venue after "in"/"at",
    a side in a sports report."""
    tokens = ctx.tokens
    before = tokens[i - 1].text.casefold() if i else ""
    if before == "the" and i > 1:
        before = tokens[i - 2].text.casefold()  # "at the Oval"
    after = tokens[j + 1].text.casefold() if j + 1 < len(tokens) else ""
    if before in VENUE_BEFORE:
        return "PLACE"
    if ctx.layout.sports and (before in TEAM_BEFORE or after in TEAM_AFTER or ctx.layout.in_row(tokens[i].start)):
        return "ORG"
    word = tokens[i].text
    if nickname and ctx.layout.sports and i == j and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return "ORG"  # a team by its plural nickname: "Yankees", "Springboks"
    return None


def _next_after_parens(tokens: list[Token], k: int) -> int:
    """Index of the token after ``k``, skipping one "( Country )" aside."""
    k += 1
    if k < len(tokens) and tokens[k].text == "(":
        while k < len(tokens) and tokens[k].text != ")" and k < len(tokens) - 1:
            k += 1
        k += 1
    return k


def team_position(ctx: Context, i: int, j: int) -> bool:
    """In a sports report, where a side stands: a score line ("NEC Nijmegen 1 PSV Eindhoven
    4", "Ruch Chorzow ( Poland ) 5 Llansantffraid ( Wales ) 0"), a standings row (a name and
    five or more numbers) or a scorers line ("Gloria Bistrita - Ilie Lazar ( 32nd )")."""
    if not ctx.layout.sports:
        return False
    tokens, text = ctx.tokens, ctx.text
    line_start = text.rfind("\n", 0, tokens[i].start) + 1
    line_end = text.find("\n", tokens[j].end)
    line_end = len(text) if line_end < 0 else line_end
    k = _next_after_parens(tokens, j)
    if k >= len(tokens) or tokens[k].start >= line_end:
        return False
    if tokens[k].text == "-" and text[line_start:tokens[i].start].strip() == "":
        return True
    if not tokens[k].text.isdigit() or len(tokens[k].text) > 3:
        return False
    line_tokens = [t for t in tokens if line_start <= t.start < line_end]
    numbers = sum(t.text.isdigit() for t in line_tokens)
    names_then_number = sum(1 for a, b in zip(line_tokens, line_tokens[1:])
                            if b.text.isdigit() and (a.text[:1].isupper() or a.text == ")"))
    return numbers >= 5 or names_then_number >= 2


def _org_cue(words: list[str], after: str) -> bool:
    low = [w.casefold().rstrip(".") for w in words]
    if len(words) == 1 and low[0] in INSTITUTIONS:
        return True
    if any(w in ORG_HEADS and nxt in ("of", "for") for w, nxt in zip(low, low[1:])):
        return True  # "National Bank of Poland", "Organisation for Security and Cooperation"
    return (len(words) > 1 and (low[-1] in ORG_SUFFIXES or low[0] in ORG_HEADS)) or after in ORG_AFTER


def person_cue(words: list[str], before: str, after: str) -> bool:
    titled = all(w[:1].isupper() and not w.isupper() for w in words if w.isalpha() and len(w) > 1)
    if before in person_titles() or before in PERSON_BEFORE:
        return titled
    if words[0].casefold() in first_names() and len(words) in (2, 3, 4) and titled:
        return True
    return len(words) >= 2 and len(words[0]) == 2 and words[0][1] == "." and words[0][0].isupper()  # "J. Smith"


def _by_shape(words: list[str]) -> str | None:
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6 and words[0].replace("&", "").isalnum():
        return "ORG"  # an acronym that is not a known place
    low = {w.casefold() for w in words}
    if 2 <= len(words) <= 3 and all(w[0].isupper() and w[1:].islower() and w.replace("-", "").replace("'", "").isalpha()
                                    for w in words) and not low & (ORG_SUFFIXES | STOP_STARTS | ORG_HEADS | EVENT_WORDS):
        return "PERSON"  # "Renate Goetschl": two unknown capitalised words are most often a name
    return None


def type_run(ctx: Context, i: int, j: int) -> list[Piece]:
    """The typed pieces of the run of tokens ``i..j``."""
    tokens = ctx.tokens
    words = [t.text for t in tokens[i:j + 1] if t.is_word]
    before = tokens[i - 1].text.casefold().rstrip(".") if i else ""
    after = tokens[j + 1].text.casefold() if j + 1 < len(tokens) else ""
    whole = ctx.places.get(i)
    if whole and whole[0] == j and not (i == j and weak_city(ctx, i) and whole[1].rank == 2) \
            and not (i == j and words[0].casefold() in ctx.people):
        kind, entry = place_type(ctx, i, whole[1], j)
        return [(i, j, kind, entry)]
    if words[-1].casefold() in EVENT_ENDS or (i == j and words[0].casefold() in EVENT_WORDS):
        return []  # "U.S. Open", "World Cup": events, not names of the three kinds
    if i == j and is_demonym(words[0], ctx.gazetteer):
        return []
    initial = len(words[0]) > 1 and words[0][1] == "." and words[0][0].isupper()  # "A. Dale 69" bats
    if _org_cue(words, after) or (not whole and not initial and team_position(ctx, i, j)):
        return [(i, j, "ORG", None)]
    inner = sorted((a, b, e) for a, (b, e) in ctx.places.items() if i <= a and b <= j and (a, b) != (i, j)
                   and (e.rank < 2 or b > a or ctx.layout.sports))  # one-word cities in names: surnames
    if not whole and all(w.casefold() in GEO_WORDS or is_demonym(w, ctx.gazetteer) for w in words) \
            and any(is_demonym(w, ctx.gazetteer) for w in words):
        return []  # "South Korean", "Bosnian Serbs": adjectives and peoples, not names
    if is_demonym(words[0], ctx.gazetteer) and not (whole and whole[0] >= i + 1):
        k = i + 1
        while k <= j and is_demonym(tokens[k].text, ctx.gazetteer):
            k += 1
        return type_run(ctx, k, j) if k <= j and tokens[k].name_like else []  # "Australian Tom Moody"
    if person_cue(words, before, after):
        return [(i, j, "PERSON", None)]
    if inner:
        return _split_on_places(ctx, i, j, inner)
    kind = _by_shape(words)
    if kind is None and i == j and words[0].casefold() in ctx.people:
        kind = "PERSON"  # the surname of a person named in full elsewhere in the text
    if kind is None and ctx.layout.sports and ctx.layout.in_row(tokens[i].start) and len(words) == 1:
        kind = "ORG"  # a side in a results table: "Dinamo 3 Steaua 1"
    return [(i, j, kind, None)]


def _split_on_places(ctx: Context, i: int, j: int, inner: list[tuple[int, int, Entry]]) -> list[Piece]:
    """A run with a known place inside: "Los Angeles Lakers" (a team), "Republic of Ireland"
    (a place), or a place beside another name, each typed on its own."""
    tokens = ctx.tokens
    a, b, entry = inner[0]
    rest = [t.text.casefold() for k, t in enumerate(tokens[i:j + 1], i) if not a <= k <= b and t.is_word]
    telling = entry.rank < 2 or b > a or any(w in CLUB_WORDS for w in rest)  # not "Tino Martinez"
    if ctx.layout.sports and (a == i or b == j) and entry.id not in ctx.gazetteer.countries \
            and tokens[i].text.casefold() not in first_names() and telling:
        return [(i, j, "ORG", None)]  # a club named for its city: "Real Madrid", "Dynamo Moscow"
    if a == b and entry.rank == 2 and not telling:
        return [(i, j, _by_shape([t.text for t in tokens[i:j + 1] if t.is_word]), None)]
    if all(w in GEO_WORDS or w in ("of", "the", "and") for w in rest):
        return [(i, j, "PLACE", None)]  # "Northern Territory", "Gulf of Aqaba"
    if a == i and all(tokens[k].text[:1].isupper() for k in range(b + 1, j + 1)):
        if entry.rank == 2 and a == b and weak_city(ctx, a):
            return [(i, j, _by_shape([t.text for t in tokens[i:j + 1]]), None)]
        return [(i, j, "ORG", None)]  # "Hong Kong Telecom", "Warsaw Newsroom"
    pieces: list[Piece] = []
    end = a - 1
    while end >= i and not tokens[end].name_like:
        end -= 1  # "Bank of" before "Poland" loses its "of"
    if end >= i:
        pieces += type_run(ctx, i, end)
    kind, found = place_type(ctx, a, entry, b)
    pieces.append((a, b, kind, found))
    if b < j and tokens[b + 1].is_word and tokens[b + 1].name_like:
        pieces += type_run(ctx, b + 1, j)
    return pieces
