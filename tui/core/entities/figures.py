"""Key figures in both languages: money, volumes and capacities, with the unit and what they count.

"450 thousand electric cars a year", «100 тысяч долларов США», «4 тысяч экземпляров
ежегодно», "14 to 40 tons", "$2.5 billion". A bare number (a year, a date) is not a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUM = r"\d{1,3}(?:[,\u00a0 ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_EN_MULT = r"(?:thousand|million|billion|trillion|mln|bln|bn|tn)"
_EN_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|a|several|hundreds of|thousands of|tens of)"
_EN_UNIT = (
    r"(?:(?:electric|passenger|commercial|heavy|new|used|light|cargo|autonomous)\s+)?"
    r"(?:cars?|vehicles?|EVs?|units?|trucks?|buses|bus|vans?|models?|copies|tons?|tonnes?|dollars?|euros?|"
    r"rubles?|roubles?|yuan|yen|tenge|pounds? sterling|percent|per cent|kWh|kW|MW|MWh|GW|GWh|km|kilometers?|"
    r"kilometres?|miles?|hp|horsepower|jobs|workers|employees|people|charging stations?|chargers?|batteries|"
    r"battery packs?|cells?|seats?|square meters?|sq m|hectares?)"
)
_EN_PER = r"(?:\s+(?:a|per|each)\s+(?:year|month|week|day|annum|unit)|\s+annually|\s+(?:a|per) charge)?"
_MONEY_SIGN = r"(?:US\$|\$|€|£|¥|₽)"

_EN = re.compile(
    rf"""
    (?:(?:from|between)\s+)?
    (?:
        {_MONEY_SIGN}\s?(?:{_NUM})(?:\s?{_EN_MULT}|\s?[mbk]\b)?(?:\s*(?:to|-|–)\s*{_MONEY_SIGN}?\s?(?:{_NUM})(?:\s?{_EN_MULT})?)?
        (?:\s+{_EN_UNIT})?
      |
        (?:{_NUM}|{_EN_WORDS})(?:\s+{_EN_MULT})?(?:\s*(?:to|-|–|and)\s*(?:{_NUM})(?:\s+{_EN_MULT})?)?
        (?:\s?%|\s+(?:{_EN_UNIT}))
    )
    {_EN_PER}
    """,
    re.VERBOSE | re.IGNORECASE,
)

_RU_MULT = r"(?:тыс\.|тысяч[аи]?|млн|миллион(?:а|ов)?|млрд|миллиард(?:а|ов)?|трлн|триллион(?:а|ов)?)"
_RU_UNIT = (
    r"(?:(?:электрических|легковых|грузовых|новых)\s+)?"
    r"(?:доллар\w*(?:\s+США)?|рубл\w*|руб\.|евро|юан\w*|тенге|иен\w*|штук\w*|шт\.|экземпляр\w*|автомобил\w*|"
    r"машин\w*|электромобил\w*|электрокар\w*|грузовик\w*|автобус\w*|электробус\w*|единиц\w*|тонн\w*|"
    r"процент\w*|кВт(?:·ч|\*ч)?|МВт\w*|ГВт\w*|км(?:/ч)?|километр\w*|л\.\s?с\.|лошадин\w+ сил|сотрудник\w*|"
    r"рабочих мест|зарядн\w+ станц\w*|аккумулятор\w*|батаре\w*|мест|квадратных метров|кв\. м|гектар\w*)"
)
_RU_PER = r"(?:\s+(?:ежегодно|ежемесячно|в год|в месяц|в сутки|за единицу|на одной зарядке))?"
_RU = re.compile(
    rf"""
    (?:(?:от|до|около|более|менее|свыше|порядка)\s+)?
    (?:{_MONEY_SIGN}\s?)?(?:{_NUM})(?:\s+{_RU_MULT})?
    (?:\s*(?:до|-|–)\s*(?:{_NUM})(?:\s+{_RU_MULT})?)?
    (?:\s?%|\s+{_RU_UNIT})
    {_RU_PER}
    """,
    re.VERBOSE | re.IGNORECASE,
)
_LEAD_WORDS = re.compile(r"^(?:from|between|от|около|более|менее|свыше|порядка)\s+", re.IGNORECASE)


def find_figures(text: str, lang: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, surface)`` of each figure; both languages' patterns run on mixed text."""
    patterns = (_RU, _EN) if lang == "ru" else (_EN, _RU)
    taken: list[tuple[int, int]] = []
    for pattern in patterns:
        for m in pattern.finditer(text):
            start, end = m.span()
            surface = m.group()
            lead = _LEAD_WORDS.match(surface)
            if lead:
                start += lead.end()  # "from 14 to 40 tons": the figure is "14 to 40 tons"
            surface = text[start:end].strip()
            if not any(ch.isdigit() for ch in surface) and not re.search(_EN_MULT, surface, re.IGNORECASE):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            yield start, start + len(surface), surface
