"""Find where the text places cities and subdivisions: in their region, province or state.

Reference data already says where every place lies; these rules record where a document says
so, with its words as evidence: "Quebec City, the capital of the province of Quebec" (in the
province, and its capital), "the Belgian port of Zeebrugge", "Vancouver, the port city on the
Canadian West Coast", "Brandon, Manitoba", "Belgium's three regions (Wallonia, Flanders and
Brussels)". A city lies in a subdivision (dkg:locatedIn) or a state (dkg:country); a
subdivision in its state (dkg:country). A statement that reference data contradicts is not
taken: "Oslo, Sweden" is far more likely a list than a claim that Oslo is Swedish.
"""

import re
from collections.abc import Collection, Iterable
from itertools import pairwise

from ...reading.gazetteer import Entity, gazetteer, name_key
from ...reading.lexicon import PLACE_KINDS, POLITY_KINDS, SUBDIVISION_KINDS
from ...reading.mentions import Mention
from ...vocab import DKG
from . import Reading, Rule

# "Quebec City, the capital of the province of Quebec"; "Oslo is the capital of Norway".
CAPITAL_AFTER = re.compile(
    r"(?:,[ ](?:the[ ])?|[ ](?P<verb>is|was|became|remains)[ ]the[ ])(?P<former>former[ ])?"
    r"capital(?:[ ]city)?[ ]of[ ](?:the[ ])?"
)
# "the capital of Norway, Oslo"; "the Norwegian capital, Oslo", "Norway's capital Oslo".
CAPITAL_OF = re.compile(r"\bcapital[ ]of[ ](?:the[ ])?$")
CAPITAL_NAMED = re.compile(r"(?:['\u2019]s)?[ ]capital,?[ ]")
# "Vancouver, the port city on the Canadian West Coast"; "Bergen, a harbour town in Norway".
DESCRIBED = re.compile(
    r",[ ](?:the|a)[ ](?:[\w-]+[ ]){0,3}?(?:city|port|town|harbou?r|metropolis)(?:[ ]city)?"
    r"[ ](?:on|in|of)[ ](?:the[ ])?"
)
# "the Belgian port of Zeebrugge", "the Bavarian city of Munich".
KIND_OF = re.compile(r"[ ](?P<noun>port|city|town|capital)[ ]of[ ]")
# "Belgium's three regions (A, B and C)", "the three Belgian regions (A, B and C)",
# "the Canadian provinces of A, B and C".
GROUP = re.compile(
    r"^(?:['\u2019]s)?[ ](?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)[ ])?"
    r"(?P<kind>regions|provinces|territories|states|communities|cantons|L\u00e4nder)"
    r"(?:[ ]\(|[ ]of[ ])",
    re.I,
)
LIST_GAP = re.compile(r"^(?:,\s|,?\s(?:and|or)\s)(?:the\s)?$")
FIRST_GAP = re.compile(r"^(?:the\s)?$")


def _consistent(place: Entity, polity: Entity) -> bool:
    """Say whether reference data agrees that a place lies in a polity (in the same state)."""
    if polity.kind == "state":
        return place.country == polity.slug
    return place.country == polity.country and place.slug != polity.slug


def _state_in(
    reading: Reading,
    i: int,
    a: Mention,
    b: Mention,
    rule: str,
    capital: bool = False,
    place: Entity | None = None,
) -> None:
    """State that the place of mention a lies in the polity of mention b (and, if said, is its
    capital); the phrase runs from the first of the two to the last."""
    place, polity = place or a.entity, b.entity
    # A subdivision lies in its state; "Bavaria, Saxony" is a list of two, not one in the other.
    if not _consistent(place, polity) or (place.kind != "city" and polity.kind != "state"):
        return
    span = (min(a.start, b.start), max(a.end, b.end))
    inside = DKG.locatedIn if place.kind == "city" and polity.kind != "state" else DKG.country
    node, where = reading.facts.use(place), reading.facts.use(polity)
    reading.facts.state(node, [(inside, where)], span, rule)
    # A state's capital must be the one reference data knows ("Bonn, the capital of Germany"
    # is history); of a subdivision's capital reference data knows nothing.
    if polity.kind == "state" and place.slug not in gazetteer().capitals:
        capital = False
    if capital and place.kind == "city":
        reading.facts.state(where, [(DKG.capital, node)], span, rule)


def _at(
    mentions: Iterable[Mention], start: int, kinds: Collection[str] = POLITY_KINDS
) -> Mention | None:
    """Return the mention starting at a document offset, if its entity is of one of the kinds."""
    return next((m for m in mentions if m.start == start and m.entity.kind in kinds), None)


def capitals(reading: Reading, i: int) -> None:
    """Read "X, the capital of Y", "X is the capital of Y", "the capital of Y, X"."""
    text, mentions = reading.doc.text, reading.mentions[i]
    lo = reading.sentences[i].start
    for m in (m for m in mentions if m.entity.kind == "city"):
        after = CAPITAL_AFTER.match(text, m.end)
        if after and (polity := _at(mentions, after.end())):
            now = not (after["former"] or after["verb"] in ("was", "became"))
            _state_in(reading, i, m, polity, "parts.capital", capital=now)
            continue
        for p in (p for p in mentions if p.end <= m.start and p.entity.kind in POLITY_KINDS):
            named = text[p.end : m.start] == ", " and CAPITAL_OF.search(text, lo, p.start)
            if named or CAPITAL_NAMED.fullmatch(text, p.end, m.start):
                _state_in(reading, i, m, p, "parts.capital", capital=True)


def described(reading: Reading, i: int) -> None:
    """Read "X, the port city on the Canadian coast" and "the Belgian port of X"."""
    text, mentions = reading.doc.text, reading.mentions[i]
    for m in mentions:
        if m.entity.kind == "city" and (d := DESCRIBED.match(text, m.end)):
            polity = _at(mentions, d.end())
            if polity:
                _state_in(reading, i, m, polity, "parts.described")
        if (
            m.entity.kind in POLITY_KINDS
            and m.via == "demonym"
            and (k := KIND_OF.match(text, m.end))
        ):
            city = _at(mentions, k.end(), {"city"})
            if city:
                capital = k["noun"] == "capital"
                _state_in(reading, i, city, m, "parts.described", capital)


def qualified(reading: Reading, i: int) -> None:
    """Read "Brandon, Manitoba" and "Lyon, France": a place, a comma, the polity it lies in."""
    text, mentions = reading.doc.text, reading.mentions[i]
    for a, b in pairwise(mentions):
        if text[a.end : b.start] != ", " or a.entity.kind not in SUBDIVISION_KINDS | {"city"}:
            continue
        if b.entity.kind not in POLITY_KINDS or b.via in ("demonym", "reference"):
            continue
        later = [c for c in mentions if c.start >= b.end and c.entity.kind in PLACE_KINDS]
        if later and LIST_GAP.match(text[b.end : later[0].start]):
            continue  # "Munich, Bavaria and Hamburg": a list of places
        _state_in(reading, i, a, b, "parts.qualified")


def groups(reading: Reading, i: int) -> None:
    """Read "Belgium's three regions (A, B and C)": each member is a subdivision of the state."""
    text, mentions = reading.doc.text, reading.mentions[i]
    end = reading.sentences[i].end
    for m in (m for m in mentions if m.entity.kind == "state"):
        if not (g := GROUP.match(text[m.end : end])):
            continue
        pos = m.end + g.end()
        for c in mentions:
            if c.start < pos:
                continue
            gap = FIRST_GAP if pos == m.end + g.end() else LIST_GAP
            if not gap.match(text[pos : c.start]):
                break  # the list has ended
            entity = c.entity if c.entity.kind in SUBDIVISION_KINDS else _subdivision(c, m.entity)
            if entity is not None:
                _state_in(reading, i, c, m, "parts.group", place=entity)
            pos = c.end


def _subdivision(mention: Mention, state: Entity) -> Entity | None:
    """Read a city's name in a list of a state's subdivisions as the subdivision: "Brussels"."""
    gaz = gazetteer()
    for entry in gaz.entries(name_key(mention.text)):
        e = gaz.resolve(entry)
        if e is not None and e.kind in SUBDIVISION_KINDS and e.country == state.slug:
            return e
    return None


RULES: list[Rule] = [capitals, described, qualified, groups]
