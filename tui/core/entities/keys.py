"""Script-independent keys: «Когогин», "Kogogin" and "Kogogyn" all become ``kogogin``.

A key is a transliteration to Latin followed by folding of the spelling variants that
romanisations disagree on (y/i/j, kh/h, ts/c, e/ye/yo/ё, doubled letters, -iy/-y endings).
Keys are for matching only; nothing displays them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import fold

_RU_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Ukrainian/Belarusian letters that turn up in CIS names
    "і": "i", "ї": "i", "є": "e", "ґ": "g", "ў": "u",
}
_RU_TABLE = str.maketrans(_RU_TO_LAT)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")

# Applied in order to a lowercase Latin string. Each folds spellings that romanisation
# schemes (BGN, GOST, passport, journalistic) use for the same Russian sound.
_VARIANTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"dzh|\bj(?=[aeiou])", "dj"),  # Дж in English names: "Джон" ↔ "John"
        (r"shch|sch", "sh"),   # Щ: shch / sch / sh
        (r"kh|h", "h"),        # Х: kh / h
        (r"(?<=[aeiou])h(?![aeiouy])", ""),  # silent h: "John" → "jon" (and «Шах» like "Shah")
        (r"tz|ts|cz", "c"),    # Ц: ts / tz / c
        (r"ck", "k"),
        (r"x", "ks"),
        (r"w", "v"),
        (r"\by(?=[aeiou])", "i"),  # Ya-, Yu-, Ye- at the start of a word
        (r"[jy]", "i"),        # й, ы, j, y
        (r"ie|ye", "e"),       # ё/е written ye / ie
        (r"iy\b|ii\b|yi\b", "i"),  # -ий/-ый endings: -iy, -ii, -y
        (r"(.)\1+", r"\1"),    # doubled letters
        (r"[^a-z0-9]+", ""),
    )
)


@lru_cache(maxsize=200_000)
def link_key(name: str) -> str:
    """The matching key of a name in either script (empty for names with no letters)."""
    text = fold(name).translate(_RU_TABLE)
    if not text.isascii():  # "Björn" → "bjorn", "Änew" → "anew" (not "new")
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    if len(name) <= 5 and name.isupper():
        return _NON_ALNUM.sub("", text)  # acronyms are spelled, not pronounced: EU ≠ EEU
    for pattern, replacement in _VARIANTS:
        text = pattern.sub(replacement, text)
    return text


def transliterate(name: str) -> str:
    """Readable Latin spelling of a Cyrillic name ("Сергей Когогин" -> "Sergei Kogogin")."""
    out = []
    for word in name.split():
        latin = word.lower().translate(_RU_TABLE)
        out.append(latin[:1].upper() + latin[1:] if word[:1].isupper() else latin)
    return " ".join(out)
