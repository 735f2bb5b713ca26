"""The layout of an English text as the recogniser needs it: which lines are headlines in
capitals (where capitals say nothing about names), which is a dateline ("LONDON
1996-08-30"), which are rows of a results table or score lines ("Surrey 4 2 1 35",
"Colorado 5 Florida 3"), and whether the text is a sports report, where a city or county
named as a side is a team (an organisation), not a place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: sports and their words; a headline naming one ("CRICKET - ...") or a text using several
#: of the match words is a sports report
SPORTS = frozenset("soccer football cricket tennis golf baseball basketball rugby hockey athletics cycling "
                   "boxing skiing swimming motor-racing racing formula badminton volleyball handball "
                   "squash snooker rowing sailing yachting equestrianism nfl nba nhl".split())
_MATCH_WORDS = frozenset("halftime half-time innings scorers standings beat beats drew draw goals goal "
                         "wickets runs touchdown home-run semifinal semi-final quarter-final quarterfinal "
                         "seeded championship tournament league cup match season points".split())
_NUMBERISH = re.compile(r"^[\d.,:/+()-]*\d[\d.,:/+()-]*$|^\d+(?:st|nd|rd|th)$")
_DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]*[A-Za-z.])\s*,?\s+(?:\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+)\s*$")


@dataclass
class Layout:
    """Character ranges of the text's special lines and its sports flag."""

    shouting: list[tuple[int, int]] = field(default_factory=list)
    rows: list[tuple[int, int]] = field(default_factory=list)
    dateline: tuple[int, int] | None = None
    sports: bool = False

    def in_shouting(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.shouting)

    def in_row(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.rows)

    def in_dateline(self, pos: int) -> bool:
        return self.dateline is not None and self.dateline[0] <= pos < self.dateline[1]


def _is_shouting(line: str) -> bool:
    upper = sum(map(str.isupper, line))
    lower = sum(map(str.islower, line))
    return upper + lower >= 4 and upper > 0.6 * (upper + lower)


def _is_title_case(line: str) -> bool:
    """A Title Case headline ("KAMAZ Announces a Standalone Passenger Division")."""
    long_words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return (len(long_words) >= 4 and not line.rstrip().endswith((".", "!", "?", ":"))
            and not any(ch.isdigit() or ch in "()" for ch in line)
            and sum(w[0].isupper() for w in long_words) > 0.75 * len(long_words))


def _is_row(line: str) -> bool:
    """A table row or score line: words, then numbers (and maybe more words and numbers)."""
    words = line.split()
    while words and words[-1] in (")", ".", ",", ";"):
        words.pop()
    if len(words) < 2 or not words[0][:1].isalpha():
        if not (len(words) >= 3 and re.match(r"^\d+\.?$", words[0])):
            return False  # "1. Jesper Parnevik ( Sweden ) 67" is a row too
    if words[-1] in ("-", "–") and len(words) > 2:
        words = words[:-1]  # "NEW YORK 74 59 .556 -": games behind the leader
    numbers = sum(bool(_NUMBERISH.match(w)) for w in words)
    return numbers >= 1 and bool(_NUMBERISH.match(words[-1])) and numbers * 3 >= len(words) - 1


def analyse(text: str) -> Layout:
    layout = Layout()
    start = 0
    lines = text.split("\n")
    sport_words = 0
    for n, line in enumerate(lines):
        end = start + len(line)
        first_content = n == 0 or not any(l.strip() for l in lines[:n])
        if _is_shouting(line) or (first_content and _is_title_case(line)):
            layout.shouting.append((start, end))
        if _is_row(line):
            layout.rows.append((start, end))
        if layout.dateline is None and n <= 3 and (m := _DATELINE.match(line)):
            layout.dateline = (start + m.start(1), start + m.end(1))
        low = line.casefold()
        if n <= 2 and any(w.strip(" -:") in SPORTS for w in low.split(" - ")[0].split()) and " - " in line:
            layout.sports = True
        sport_words += sum(w in _MATCH_WORDS for w in low.split())
        start = end + 1
    layout.sports = layout.sports or sport_words >= 4 or (len(layout.rows) >= 4 and sport_words >= 2)
    return layout
