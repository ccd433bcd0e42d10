"""Find visits and trade missions: who made them, to which places, when.

"P made a visit to A and B in June" (no year: no date); "P and Q came to visit X in 2017" (one
visit each); "the royal visit to X (2007)" (a state visit, in the voice of the document's
state); "the princely missions to A (2008), B/C (2011)" (one trade mission per date).
"""

import re

from rdflib import URIRef

from ... import iris
from ...reading.gazetteer import Entity
from ...reading.lexicon import PLACE_KINDS, STATE_KINDS, TRADE_MISSION_WORDS, VISIT_KINDS
from ...reading.values import DateMatch
from ...vocab import DKG
from . import Pair, Reading, Rule
from . import discourse as d
from .people import people_in, state_person
from .visit_clauses import Visitor

# A visit or mission "to" places, with the words before the noun that say its kind.
TO_PLACES = re.compile(
    r"\b(?P<adj>(?:[\w-]+\s+){0,3}?)(?P<noun>(?i:visits?|missions?))\s+to\s+(?:the\s+)?"
    r"(?:[a-z]+ern\s+)?"
)
MADE = re.compile(
    r"\b(?:made|paid|undertook|led|(?:is|are|was|were)\s+(?:paying|making|on))\s+"
    r"(?:an?\s+|the\s+|two\s+|several\s+)?(?:[\w-]+\s+){0,2}$"
)
# "visited X", "came to visit X"; "went to X" only for a mission or a delegation.
VISITED = re.compile(r"\b(?:visit(?:ed|s)|came\s+to\s+visit)\s+(?:the\s+)?(?:[a-z]+ern\s+)?")
WENT = re.compile(r"\b(?:went|travel+ed|came)\s+to\s+(?:the\s+)?(?:[a-z]+ern\s+)?")
MISSION_WORDS = "|".join(sorted(TRADE_MISSION_WORDS))
TRADE = re.compile(rf"\b(?:{MISSION_WORDS})\b", re.I)
MISSION_SUBJECT = re.compile(rf"\b(?:{MISSION_WORDS})\s+(?:[\w-]+\s+)?missions?\b|\bdelegations?\b")
DONE = re.compile(
    r"\s*(?:took\s+place|(?:was|were)\s+(?:organi[sz]ed|made|led|held|conducted|carried\s+out))"
)
PAREN_YEAR = re.compile(r"\s*\((?P<y>\d{4})\)")
# The document's own head of state or mission: "the royal visit", "princely missions".
OWN = re.compile(r"\b(?:royal|princely|[Oo]ur)\b")
VISITOR_NOUN = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:delegations?|missions?|government|ministers?|prime\s+minister"
    r"|president|king|queen|prince|princess|monarchs?|officials?)\b",
    re.I,
)
# Places visited together, and the year in brackets after them: "A and B (2011)".
Segment = tuple[list[Entity], str | None]


def destinations(reading: Reading, i: int, at: int) -> tuple[list[Segment], int]:
    """Return the places from offset `at` on, in segments each closed by a "(year)", and
    where the enumeration ends."""
    doc = reading.doc.text
    segments: list[Segment] = []
    current: list[Entity] = []
    pos = at
    for m in d.mentions(reading, i, PLACE_KINDS, at):
        if m.via in ("demonym", "reference") or m.start < pos:
            continue
        gap = doc[pos : m.start]
        if not (m.start == at or (pos > at and d.joined(gap))):
            break
        current.append(m.entity)
        pos = m.end
        year = PAREN_YEAR.match(doc, pos)
        if year:
            segments.append((current, year["y"]))
            current, pos = [], year.end()
    if current:
        segments.append((current, None))
    return segments, pos


def kind_of(adj: str, noun: str) -> URIRef | None:
    """Return the class of a visit by its noun and the words before it."""
    if noun.startswith("mission"):
        return DKG.TradeMission if TRADE.search(adj) else None
    if re.search(r"\b(?:state|royal)\b", adj, re.I):
        return DKG.StateVisit
    if re.search(r"\b(?:official|working)\b", adj, re.I):
        return DKG.OfficialVisit
    return DKG.Visit


def visitors(reading: Reading, i: int, lo: int, before: int, words: str) -> list[Visitor]:
    """Return who made a visit: people named before the verb, a state, or the document's state.

    Each is (IRI, name, key); a person is stated with its label.
    """
    doc = reading.doc.text
    found = [p for p in people_in(reading, i) if lo <= p.phrase_start < before]
    if found:
        return [
            (state_person(reading, p, "event-visit"), p.name, iris.slugify(p.name)) for p in found
        ]
    states = d.heads_of(reading, i, lo, before) + [
        m.entity
        for m in d.mentions(reading, i, STATE_KINDS, lo, before)
        if (m.via not in ("demonym", "reference") and not d.is_object(reading, m.start))
        or (m.via == "demonym" and VISITOR_NOUN.match(doc, m.end))
    ]
    speaker = reading.context.speaker
    if not states and speaker and (OWN.search(words) or TRADE.search(words)):
        states = [speaker]  # the document's own royals, regions and missions
    return [(reading.facts.use(e), e.label, e.slug) for e in dict.fromkeys(states)]


def _state(
    reading: Reading,
    i: int,
    cls: URIRef,
    who: Visitor,
    places: list[Entity],
    date: DateMatch | None,
    span: tuple[int, int],
) -> None:
    """Assert one visit of one visitor to some places, at a date or none, stated by the clause
    at span."""
    iri, name, slug = who
    year = date.value if date else None
    key = "-".join([slug, *(p.slug for p in places), year or ""])
    where = d.enumeration(p.label for p in places)
    label = f"{VISIT_KINDS[cls]} of {name} to {where}" + (f" ({year})" if year else "")
    pairs: list[Pair] = [(DKG.visitor, iri)]
    pairs += [(DKG.location, reading.facts.use(p)) for p in places]
    pairs += [(DKG.date, d.literal(date))] if date else []
    d.event(reading, i, cls, key, label, pairs, "event-visit", span)


def _dates(reading: Reading, i: int, lo: int, hi: int, plural: bool) -> list[DateMatch | None]:
    """Return the dates of a visit's clause: one, or one per year for plural missions."""
    doc = reading.doc.text
    when = {
        x.value: x
        for x in d.dates(reading, i, lo, hi)
        if x.value
        and x.relation in d.WHEN
        and doc[x.start - 1 : x.end + 1] != f"({x.text})"  # a year of its own segment
    }
    if len(when) == 1 or (plural and when):
        return list(when.values())
    return [None]


def _year(reading: Reading, i: int, year: str) -> list[DateMatch | None]:
    """Return the date match of a parenthesised year (none if it is no year: "(3000)")."""
    found: list[DateMatch | None] = [x for x in d.dates(reading, i) if x.value == year]
    return found[:1] or [None]


def visits(reading: Reading, i: int) -> None:
    """Read visits and missions "to" places, "visited X", "a trade mission went to X"."""
    s = reading.sentences[i]
    doc = reading.doc.text
    for m in TO_PLACES.finditer(s.text):
        cls = kind_of(m["adj"], m["noun"])
        at, noun = s.start + m.end(), s.start + m.start("noun")
        segments, end = destinations(reading, i, at)
        lo, hi = d.clause(reading, i, noun)
        if cls is None or not segments or d.hedged(reading, lo, hi) or _stated(reading, noun):
            continue
        made = MADE.search(doc[lo : s.start + m.start()] + m["adj"])
        undated = [places for places, year in segments if year is None]
        if not made and undated and not DONE.match(doc, end):
            continue  # "visits to X" that no verb says were made
        head = s.start + m.start() if made else noun
        who = visitors(reading, i, lo, head, m["adj"] + m["noun"])
        _emit(reading, i, cls, who, segments, lo, hi, m["noun"].endswith("s"))
    for pattern in (VISITED, WENT):
        for m in pattern.finditer(s.text):
            lo, hi = d.clause(reading, i, s.start + m.start())
            words = doc[lo : s.start + m.start()]
            mission = MISSION_SUBJECT.search(words)
            if pattern is WENT and not (mission or people_in(reading, i)):
                continue
            segments, _ = destinations(reading, i, s.start + m.end())
            if not segments or d.hedged(reading, lo, hi) or _stated(reading, s.start + m.start()):
                continue
            cls = DKG.TradeMission if mission and TRADE.search(mission.group()) else DKG.Visit
            who = visitors(reading, i, lo, s.start + m.start(), words)
            _emit(reading, i, cls, who, segments, lo, hi, False)


def _stated(reading: Reading, offset: int) -> bool:
    """Say whether visit_clauses.py has read the visit whose words are at this offset."""
    return any(
        c.rule == "event-visit-syntax" and c.start <= offset < c.end for c in reading.facts.claims
    )


def _emit(
    reading: Reading,
    i: int,
    cls: URIRef,
    who: list[Visitor],
    segments: list[Segment],
    lo: int,
    hi: int,
    plural: bool,
) -> None:
    """Assert the visits of each visitor: one per dated segment, or per date of the clause."""
    for visitor in who:
        for places, year in segments:
            for date in _year(reading, i, year) if year else _dates(reading, i, lo, hi, plural):
                _state(reading, i, cls, visitor, places, date, (lo, hi))


RULES: list[Rule] = [visits]
