"""Word lists and lexical cues of the English recogniser: organisation suffixes and head
words, personal titles and roles, sentence openers, demonyms, first names.

These are general English and newsroom vocabulary, written by hand; none is mined from an
evaluation corpus.
"""

from __future__ import annotations

from functools import lru_cache

from ..paths import bundled_data_dir
from .gazetteer import Gazetteer

ORG_SUFFIXES = frozenset(
    "inc inc. corp corp. corporation co co. company ltd ltd. llc plc pjsc jsc ojsc oao zao ooo ag sa gmbh nv bv "
    "group holding holdings motors motor automotive automobile auto autos industries industry technologies "
    "technology systems energy electric electronics bank partners capital fund airlines airways railways "
    "university institute academy college school ministry agency council committee commission party association "
    "federation union league club fc united city rovers wanderers athletic foundation society service services "
    "newspaper times post journal news press television tv radio exchange board office department court parliament "
    "assembly government army navy police plant factory works mills labs laboratories media network newsroom "
    "newsdesk desk bureau trust securities insurance brothers associates international organisation organization "
    "movement front alliance congress senate authority reserve treasury hospital power oil gas steel chemical "
    "chemicals pharmaceutical pharmaceuticals petroleum mining resources foods telecom communications airport "
    "entertainment pictures studios enterprises ventures investments trading shipping software hotels stores "
    "bancorp financial properties utilities cooperative consortium directorate".split()
)
ORG_HEADS = frozenset("ministry university bank department institute council commission agency federation "
                      "union league association committee office board court bureau organisation organization "
                      "party movement front alliance".split())
ORG_AFTER = frozenset("plant factory newspaper agency company group brand automaker carmaker startup "
                      "project holding bank daily weekly shares stock".split())
#: roles that introduce a person: nameparser's titles plus newsroom roles it lacks
ROLES = frozenset("ceo chief chairman chairwoman founder co-founder businessman businesswoman expert analyst "
                  "mayor governor minister president premier spokesman spokeswoman director head coach "
                  "striker midfielder defender goalkeeper captain manager economist journalist says said "
                  "all-rounder batsman bowler spinner pitcher champion seed winger forward leader "
                  "envoy ambassador secretary negotiator lawyer judge".split())
PERSON_BEFORE = frozenset("mr mrs ms dr sir lord lady".split())
#: capitalised titles that stand before a name and are not part of it ("Prime Minister John
#: Major"); nameparser's long list also has "National", "Federal", "General", which start
#: organisation names, so only these split a run of capitalised words
SPLIT_TITLES = frozenset(
    "mr mrs ms dr sir lord lady dame president vice-president president-elect prime minister premier secretary "
    "senator sen rep representative congressman congresswoman governor gov mayor judge king queen prince "
    "princess pope sheikh ayatollah cardinal bishop archbishop rabbi imam gen col capt lt sgt adm maj "
    "professor prof chancellor commissioner ambassador deputy vice ceo chairman chairwoman director spokesman "
    "spokeswoman coach manager captain striker midfielder defender goalkeeper emir sultan tsar czar "
    "lieutenant colonel sergeant admiral envoy hurricane typhoon cyclone storm father reverend rev pastor".split()
) | (ROLES - {"says", "said", "head", "forward", "leader", "champion", "seed"})
STOP_STARTS = frozenset(
    "a an the this that these those it its he she they we i you his her their our my your there here "
    "in on at for from by with of to as and but or if when while after before since during under over "
    "however although though nevertheless meanwhile also additionally notably moreover furthermore today "
    "yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december one two three four five first second new last "
    "what which who whom how why where all some many most several each every no not other such both "
    "historically industry market according asked earlier later then now still only even just "
    "shares prices total net revenue sales profit analysts officials police".split()
)
#: words of event and competition names, which the two-word person rule must not take
EVENT_WORDS = frozenset("world cup series league open championship championships grand prix games olympic olympics "
                        "tour trophy masters final finals cup derby rally motor show summit forum congress expo "
                        "national international union nations republic street avenue square day week "
                        "road park stadium centre center hall island islands river sea ocean gulf bay "
                        "north south east west northern southern eastern western central middle "
                        "airport hotel church cathedral palace bridge index exchange".split())
NOT_NAMES = frozenset("january february march april may june july august september october november december "
                      "monday tuesday wednesday thursday friday saturday sunday i jan feb mar apr jun jul aug sep "
                      "sept oct nov dec mon tue tues wed thu thur thurs fri sat sun gmt est edt bst cet euro "
                      "first second third fourth fifth sixth seventh eighth ninth tenth".split())
#: last words of event and competition names, which news NER counts as neither person,
#: place nor organisation ("U.S. Open", "World Cup", "Greater Milwaukee Open")
EVENT_ENDS = frozenset("open cup series games olympics olympiad championship championships masters trophy prix "
                       "tour classic invitational derby rally marathon grand final finals war wars awards "
                       "award prize festival".split())
#: demonyms and group words that do not derive by a suffix from a country name
_IRREGULAR_DEMONYMS = frozenset(
    "french british dutch swiss greek thai english scottish welsh irish spanish danish swedish finnish polish "
    "german mexican korean turkish czech slovak filipino cypriot argentine argentinian basque flemish kurdish kurd kurds arab arabs "
    "arabic serb serbs croat croats bosnian soviet yugoslav slovene slovenian lebanese malagasy icelandic "
    "norwegian portuguese moroccan omani afghan tajik uzbek kazakh kyrgyz turkmen azeri welshman englishman "
    "muslim moslem muslims moslems christian christians catholic catholics protestant protestants jewish jew "
    "jews islamic sunni shi'ite shiite hindu sikh buddhist orthodox western eastern asian african american "
    "european latin nordic baltic scandinavian caucasian palestinian palestinians israeli israelis "
    "chechen chechens tamil tamils hutu hutus tutsi tutsis zulu pashtun briton britons brit brits pole poles "
    "swede swedes dane danes finn finns turk turks scot scots philippine kiwi kiwis yankee "
    "northeastern northwestern southeastern southwestern".split()
)
_DEMONYM_ENDINGS = (("ians", ("ia", "y", "")), ("ians", ("a",)), ("ans", ("a", "")), ("ian", ("ia", "y", "", "a")),
                    ("an", ("a", "", "o")), ("ese", ("a", "", "e", "on")), ("is", ("",)), ("i", ("",)),
                    ("ish", ("", "y")), ("n", ("",)), ("ns", ("",)), ("ean", ("e", "a")), ("nian", ("",)),
                    ("an", ("as",)), ("ans", ("a", "", "as")), ("ese", ("",)), ("ite", ("",)), ("ites", ("",)))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    path = bundled_data_dir() / "first_names.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    return frozenset(l.strip().casefold() for l in lines if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    from nameparser.config import CONSTANTS

    return frozenset(CONSTANTS.titles) | ROLES


@lru_cache(maxsize=20_000)
def is_demonym(word: str, gazetteer: Gazetteer) -> bool:
    """"Russian", "Iraqi", "Chinese", "Serbs": an adjective or people of a country (or
    region), which news NER treats as a miscellaneous name, not a place."""
    low = word.casefold()
    if low in _IRREGULAR_DEMONYMS:
        return True
    if not word[:1].isupper() or len(word) < 4:
        return False
    if "-" in word:  # "Brazilian-born", "Anglo-French"
        return all(is_demonym(part[:1].upper() + part[1:], gazetteer) or part.islower() for part in word.split("-"))
    if gazetteer.lookup(word) is not None and not word.endswith(("an", "ans", "ese", "ish")):
        return False  # a place itself
    for ending, stems in _DEMONYM_ENDINGS:
        if low.endswith(ending):
            base = word[: -len(ending)]
            for stem in stems:
                entry = gazetteer.lookup(base + stem) if len(base + stem) >= 3 else None
                if entry is not None and entry.type == "PLACE" and (entry.rank <= 1 or len(base) >= 4):
                    return True
    return False
