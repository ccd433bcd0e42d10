"""Read the phrases that name diplomatic missions: type, modifiers, place and accreditation.

Offsets here are relative to the sentence; missions.py maps them into the document.
"""

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from ...reading.clauses import Boundary, boundary_at
from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import (
    ACTOR_KINDS,
    CARDINAL_WORDS,
    MISSION_PLACE_KINDS,
    MISSION_TYPES,
    NOT_A_POST,
    POLITY_KINDS,
    STATE_KINDS,
)
from ...reading.mentions import Mention

# A mention as a View holds it: start and end in the sentence, its entity, how it is named.
SentenceMention = tuple[int, int, Entity, str]

MISSION_TYPE = re.compile("|".join(rf"\b(?P<{k}>{p})\b" for k, p in MISSION_TYPES), re.I)
# "one" standing for a mission type just named: "Chile has an embassy in Oslo, while Norway has
# one in Santiago".
ONE = re.compile(r"\bone(?=\s+(?:in|at)\s)", re.I)
# Adjectives allowed inside a mission's noun phrase: "a new Brussels-Capital trade office".
MODIFIERS = {"new", "own", "separate", "shared", "second", "third", "first", "main", "former",
             "full-time", "part-time", "resident", "small", "large", "larger", "current", "old",
             "joint", "official", "government"}  # fmt: skip
COUNTING = {"a", "an", *CARDINAL_WORDS[:12]}  # "a", "an", "one" to "twelve"
# Words that may stand between a verb and its object mission: "maintains its own separate".
FILLERS = MODIFIERS | {"a", "an", "the", "its", "their", "our", "his", "her", "also", "now",
                       "still", "each", "both", "several", "some", "many", "further",
                       "additional", "no"} | COUNTING  # fmt: skip
WORD_BEFORE = re.compile(r"([\w-]+)\s*$")
POSSESSIVE = re.compile(r"['\u2019]s?\s*$")
THE = re.compile(r"(?:the\s+)?")
OF = re.compile(r"\s+(?:of|du|de\s+la|de|des)\s+", re.I)
# Titles before a state's short name: "the Kingdom of Belgium", "the Grand-Duchy of Luxembourg".
_TITLE = (
    r"(?:(?:Federal|Democratic|People['\u2019]s|Islamic|Socialist|Arab|United|Grand|Plurinational"
    r"|Bolivarian|Hashemite|Oriental|Independent|Sovereign)[-\s]+)*(?:Kingdom|Republic|Duchy"
    r"|Principality|State|Commonwealth|Federation|Confederation|Sultanate|Emirate|Government)"
)
TO = re.compile(r"\s+to\s+")
TITLE = re.compile(rf"(?:the\s+)?(?:{_TITLE}\s+of\s+(?:the\s+)?)?")
FROM = re.compile(r"\s+from\s+")
LOCATION = re.compile(
    r"\s+(?:(?:which|that)\s+)?(?:(?:is|are|was|were)\s+)?(?:(?:also|now|still|currently)\s+)?"
    r"(?:(?:located|based|situated|present|housed)\s+)?(?:in|at)\s+"
)
PAREN_LOCATION = re.compile(r"\s*\(\s*(?:in|at)\s+")
INFOBOX_PLACE = re.compile(r",\s+")
LINE_END = re.compile(r"\s*(?:[.;)]|$)")
LIST_GLUE = re.compile(r"(?:,?\s+(?:and|or)\s+|,\s*|\s*/\s*)(?:(?:in|at)\s+)?")
ALSO_COVERS = re.compile(
    r"\s*[,(]?\s*(?:(?:which|that|and|it)\s+)?(?:(?:is|are)\s+)?(?:(?:also\s+)?(?:covers?"
    r"|covering|accredited\s+to)|also\s+(?:responsible\s+for|serves|serving))\s+"
)
# "in nine other cities, among them X and Y": places counted, then some of them named.
COUNTED_PLACES = re.compile(
    r"(?:[\w-]+\s+){0,3}?(?:cities|towns|places|locations|capitals)\s*,?\s+"
    r"(?:among\s+them|including|notably|such\s+as|namely|for\s+example)\s*:?\s+"
)
# Words after a body's name that make the phrase name something of it: a meeting, an organ.
PART_OF_A_NAME = re.compile(
    r"\s+(?:[A-Z][\w-]*|(?:summit|meeting|conference|session|talks|assembly|council|forum"
    r"|negotiations|ministerial|headquarters)\b)"
)
# A mission named as the place of another: "an office in the Montreal consulate".
IN_THE = re.compile(r"\b(?:in|at|inside|within)\s+the\s+$", re.I)


@dataclass(frozen=True)
class Phrase:
    """A mission type in a sentence: "consulates general", "Embassy", "one"."""

    start: int
    end: int
    kind: str  # a group name of MISSION_TYPES, or "one"
    plural: bool = False


@dataclass
class Reading:
    """What the words of one mission phrase say, before the sender is decided."""

    phrase: Phrase
    np_start: int  # where its noun phrase starts: "the Belgian Consulate General"
    own: list[Entity] = field(default_factory=list)  # "Belgian Consulate", "Embassy of Japan"
    lead: int = 0  # where its determiners start: "an", "its own", "four"
    our: bool = False  # "our embassy"
    its: bool = False  # "its embassy": the sender is the clause's subject
    counted: bool = False  # "a", "an", "one", "four": what a gapped subject needs
    definite: bool = False  # "the consulate in Toronto": a mission named before, maybe
    part_time: bool = False
    modifier_city: Entity | None = None  # "the Montreal consulate"
    as_place: bool = False  # "in the Montreal consulate": a place, not a mission stated
    senders_from: int | None = None  # offset where "from <senders>" starts
    accredited: list[Entity] = field(default_factory=list)  # "to the Kingdom of X and Y"
    also: list[Entity] = field(default_factory=list)  # "which also covers Z"
    cities: list[Entity] = field(default_factory=list)
    host: Entity | None = None  # "in Belgium", "located in Belgium"
    end: int = 0  # where the phrase with its complements ends
    place_ends: dict[str, int] = field(default_factory=dict)  # place slug -> where its name ends


class View:
    """A sentence's text with its mentions, offsets relative to the sentence."""

    def __init__(self, text: str, offset: int, mentions: list[Mention]):
        self.text = text
        self.mentions: list[SentenceMention] = [
            (m.start - offset, m.end - offset, m.entity, m.via)
            for m in mentions
            if offset <= m.start and m.end <= offset + len(text)
        ]

    def starting(self, pos: int, kinds: Collection[str] | None = None) -> SentenceMention | None:
        """Return the mention that starts at pos (after spaces and "the"), or None."""
        pos = past(THE, self.text, skip_space(self.text, pos))
        for m in self.mentions:
            if m[0] == pos and (kinds is None or m[2].kind in kinds):
                return m
        return None

    def ending(self, pos: int, kinds: Collection[str] | None = None) -> SentenceMention | None:
        """Return the mention that ends at pos (before spaces), or None."""
        pos = len(self.text[:pos].rstrip())
        for m in self.mentions:
            if m[1] == pos and (kinds is None or m[2].kind in kinds):
                return m
        return None


def skip_space(text: str, pos: int) -> int:
    """Return the offset of the first non-space character at or after pos."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def past(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Return where a pattern that may match nothing ("the" or not) ends, from pos."""
    m = pattern.match(text, pos)
    return m.end() if m else pos


def find_phrases(text: str) -> list[Phrase]:
    """Find the mission types and the "one"s in a sentence, in order."""
    found = [
        Phrase(
            m.start(),
            m.end(),
            m.lastgroup or "",
            any(w[-1:] in "sS" for w in re.split(r"[-\s]+", m[0])),
        )
        for m in MISSION_TYPE.finditer(text)
    ]
    found += [Phrase(m.start(), m.end(), "one") for m in ONE.finditer(text)]
    return sorted(found, key=lambda p: p.start)


def read_phrase(view: View, phrase: Phrase) -> Reading | None:
    """Read a mission phrase: the words before it, then its complements after it."""
    text = view.text
    before = WORD_BEFORE.search(text, 0, phrase.start)
    if phrase.kind in ("delegation", "mission") and before and before[1].lower() in NOT_A_POST:
        return None
    reading = Reading(phrase, phrase.start)
    _modifiers(view, reading)
    _complements(view, reading)
    return reading


def _modifiers(view: View, r: Reading) -> None:
    """Read the noun phrase before the type: "the Belgian", "Norway's new", "the Montreal"."""
    text, pos = view.text, r.phrase.start
    while True:
        word = WORD_BEFORE.search(text, 0, pos)
        mention = view.ending(pos)
        possessive = POSSESSIVE.search(text, 0, pos)
        if possessive and not mention:
            mention = view.ending(possessive.start(), POLITY_KINDS)
        if mention and mention[2].kind == "city" and r.modifier_city is None and not r.own:
            r.modifier_city, pos = mention[2], mention[0]
        elif mention and mention[2].kind in POLITY_KINDS and not r.own and r.phrase.kind != "one":
            r.own, pos = [mention[2]], mention[0]
        elif word and word[1].lower() in MODIFIERS:
            r.part_time |= word[1].lower() == "part-time"
            pos = word.start()
        else:
            break
    r.np_start = pos
    # "in the Montreal consulate" names a place; the mission is not what the clause states.
    r.as_place = r.modifier_city is not None and IN_THE.search(text, 0, pos) is not None
    while (word := WORD_BEFORE.search(text, 0, pos)) and word[1].lower() in FILLERS:
        w = word[1].lower()
        r.our |= w == "our"
        r.its |= w in ("its", "their")
        r.counted |= w in COUNTING
        r.definite |= w == "the"
        r.part_time |= w == "part-time"
        pos = word.start()
    r.lead = pos
    r.counted |= r.phrase.kind == "one"  # "and Chile one in Bergen"


def _complements(view: View, r: Reading) -> None:
    """Read what follows the type: of <sender>, to <body>, from <senders>, in <places>."""
    text, pos = view.text, r.phrase.end
    if r.phrase.kind != "one" and (m := OF.match(text, pos)):
        mention = view.starting(past(TITLE, text, m.end()), POLITY_KINDS)
        if mention:
            r.own, pos = [mention[2]], mention[1]
    if m := TO.match(text, pos):
        items, end = _names(view, m.end(), ACTOR_KINDS)
        if items:
            r.accredited, pos = items, end
    if m := FROM.match(text, pos):
        r.senders_from = m.end()
        return  # the caller reads the senders and the places after them
    place_list(view, r, pos)


def place_list(view: View, r: Reading, pos: int) -> None:
    """Read the places after a mission (or after its senders) and "also covers Z"."""
    text = view.text
    m = LOCATION.match(text, pos) or PAREN_LOCATION.match(text, pos)
    places, end = _places(view, m.end(), r.place_ends) if m else ([], pos)
    if m and not places and (counted := COUNTED_PLACES.match(text, m.end())):
        places, end = _places(view, counted.end(), r.place_ends)
    if places:
        r.cities = [p for p in places if p.kind == "city"]
        states = [p for p in places if p.kind == "state"]
        r.host = states[0] if states and not r.cities else None
        pos = end
    elif (m := INFOBOX_PLACE.match(text, pos)) and (city := view.starting(m.end(), {"city"})):
        # "Chilean Embassy, Oslo": a city that ends the line.
        r.cities, pos = ([city[2]], city[1]) if LINE_END.match(text, city[1]) else ([], pos)
    if not r.cities and r.modifier_city is not None:
        r.cities = [r.modifier_city]
    covered = ALSO_COVERS.match(text, pos)
    if covered and (also := _names(view, covered.end(), STATE_KINDS, demonyms=False))[0]:
        r.also, pos = also
    r.end = pos


def _places(view: View, pos: int, ends: dict[str, int] | None = None) -> tuple[list[Entity], int]:
    """Read "A, B and C", "A and in B", "the Montreal consulate": cities, or a state; note in
    ends where each one's name ends."""
    ends = {} if ends is None else ends
    found: list[Entity] = []
    glued: list[str] = []
    text = view.text
    before_glue = pos
    while True:
        mention = view.starting(pos, MISSION_PLACE_KINDS)
        entity = _as_city(view, mention) if mention else None
        if mention is None or not entity:
            return found, before_glue  # "in Busan and Jeju": Jeju is no city of the data
        if entity.kind == "state" and found and found[-1].country == entity.slug:
            if glued and glued[-1] != ",":
                return found, before_glue  # "in Oslo and Norway one in ...": a new clause
            pos = mention[1]  # "Bergen, Norway": the state says where the city lies
        else:
            pos = mention[1]
            ends.setdefault(entity.slug, pos)
            after = MISSION_TYPE.match(text, skip_space(text, pos))
            if entity.kind == "city" and after:
                pos = after.end()  # "in the Montreal consulate"
            found.append(entity)
        before_glue = pos
        glue = LIST_GLUE.match(text, pos)
        if not glue or view.starting(glue.end(), MISSION_PLACE_KINDS) is None:
            break
        # ", and X" after one place opens a new clause ("in Paris, and Quebec maintains ...");
        # in a list it closes it ("in A, B, and C").
        if boundary_at(glue[0], 0, Boundary.AND_AFTER_COMMA) and "," not in glued:
            break
        glued.append(glue[0].strip()[:1])
        pos = glue.end()
    return found, pos


def _as_city(view: View, mention: SentenceMention) -> Entity | None:
    """Return the place a mission is in: a city, a state, or the city a province is named after."""
    entity = mention[2]
    if entity.kind in ("city", "state"):
        return entity
    iso2 = (entity.iso or "").split("-")[0]
    if not iso2:
        return None
    # The city a province is named after: "Quebec" (Quebec), or "Jeju" (Jeju City).
    name = view.text[mention[0] : mention[1]]
    return gazetteer().city(iso2, name) or gazetteer().city(iso2, f"{name} City")


def _names(
    view: View, pos: int, kinds: Collection[str], demonyms: bool = True
) -> tuple[list[Entity], int]:
    """Read a list of states or bodies: "the Kingdom of X and the Grand-Duchy of Y"."""
    found: list[Entity] = []
    text, end = view.text, pos
    while True:
        mention = view.starting(past(TITLE, text, pos), kinds)
        if mention is not None and not demonyms and mention[3] == "demonym":
            break  # "serves Irish citizens": people, not the state
        if mention is None or PART_OF_A_NAME.match(text, mention[1]):
            break  # "the UN General Assembly", "the NATO summit": a meeting, not the body
        found.append(mention[2])
        end = mention[1]
        glue = LIST_GLUE.match(text, end)
        if not glue or (len(found) == 1 and boundary_at(glue[0], 0, Boundary.AND_AFTER_COMMA)):
            break  # "to A, and B is ...": a new clause
        pos = glue.end()
    return found, end
