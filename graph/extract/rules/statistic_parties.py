"""Say whom a figure is about, and which way it flows: "Canadian exports to Belgium".

The sides follow dkg:fromParty (the origin of a flow) and dkg:toParty (its destination):
exports and investment go from the exporter or investor to the market or host; imports come to
the importer; subsidiaries, and the jobs of an investor, go from the owner's state to the host;
a diaspora goes from the state of origin to the state its people live in; a trade surplus from
the state that has it to the one it has it with (a deficit the other way). Trade, population,
shares of no flow and bare rankings get parties without sides.
"""

import dataclasses
import re
from dataclasses import dataclass

from rdflib import URIRef

from ...reading.gazetteer import Entity, gazetteer
from ...reading.lexicon import POLITY_KINDS
from ...reading.mentions import Mention
from ...reading.ranks import RANK_VERB, Rank
from ...vocab import DKG
from .statistic_measures import FLOWS, HOST_DEMONYM

ARTICLES = {"the", "its", "their", "our", "his", "her", "a", "an"}
# After these a name is where the flow goes ("exports to Belgium", "investors in Canada").
TO_WORDS = {"to", "into", "in", "at", "towards"}
# After these a name is the setting of a ranking or a figure, not a party: "within the EU".
SCOPE_WORDS = {"within", "among", "across", "amongst"}
PREPOSITIONS = TO_WORDS | SCOPE_WORDS | {"from", "with", "of", "for", "by", "on", "between",
                                         "than", "during", "since", "after", "before"}  # fmt: skip
LAST_WORD = re.compile(r"([\w'\u2019]+|[^\w\s])\s*$")
POSSESSIVE = re.compile(r"['\u2019]s\b")
# A name used as the owner of a measure: "US investments", "Canada direct investment".
OWNER_NOUN = re.compile(
    r"(?:\s+(?:direct|foreign|total|overall|annual))?\s+(?:exports?|imports?|investments?"
    r"|investors?|subsidiaries|affiliates)\b(?!\s+[A-Z])",
    re.I,
)
# A name as the subject of a verb of flow: "Belgium exported", "Chile also imports", "Japan
# contributes", "India extends" (funding goes from the one who gives, lends or pays).
FLOW_VERB = re.compile(
    r"\s+(?:also\s+|later\s+)?(?P<verb>export|import|invest|lend|lent|pay|paid|contribut|grant"
    r"|extend|provide|donat|give|gave)(?:s|ed|es|e|d)?\b",
    re.I,
)
# A trade balance with a sign: "Chile runs a trade surplus with Norway".
SURPLUS = re.compile(r"\b(surplus|deficit)\b", re.I)


@dataclass(frozen=True)
class Party:
    """A party of a figure: the entity, where the sentence names it, and its side of the flow.

    start and end are -1 for a party the sentence does not name (from "bilateral", or from the
    figure of the sentence before); role is "from", "to" or None.
    """

    entity: Entity
    start: int
    end: int
    role: str | None


def actor(entity: Entity) -> Entity | None:
    """Return the actor a mention stands for: a polity or an international organisation.

    A city stands for its state: "16,000 Belgians are registered in Montreal" live in Canada.
    """
    if entity.kind in POLITY_KINDS:
        return entity
    if entity.kind == "organisation" and entity.cls == DKG.InternationalOrganisation:
        return entity
    if entity.kind == "city" and entity.country:
        return gazetteer().state(entity.country)
    return None


def word_before(text: str, pos: int) -> str:
    """Return the word before pos, lower case, skipping articles: "in the US" gives "in"."""
    while True:
        m = LAST_WORD.search(text, 0, pos)
        if m is None:
            return ""
        word = m.group(1).lower()
        if word not in ARTICLES:
            return word
        pos = m.start()


def owner_side(flow: URIRef | None) -> str:
    """Return the side of the party that owns a flow: one's imports come to one."""
    return "to" if flow == DKG.Imports else "from"


def _role(text: str, m: Mention, flow: URIRef | None, previous: Party | None) -> str | None:
    """Read a mention's side of a flow from the words around it, or None."""
    after = text[m.end :]
    verb = FLOW_VERB.match(after)
    if m.via == "demonym":
        if flow == DKG.Funding:
            return None  # "a foundation set up by the Korean government": no side said
        # "Canadians of Belgian origin": the Canadians are the hosts.
        return "to" if HOST_DEMONYM.match(after) else owner_side(flow)
    if verb:
        return "to" if verb["verb"].lower() == "import" else "from"
    if POSSESSIVE.match(after) or OWNER_NOUN.match(after):
        return owner_side(flow)
    before = word_before(text, m.start)
    if before in TO_WORDS:
        return "to"
    if before == "from":
        return "from"
    joined = text[previous.end : m.start].strip().lower() if previous else None
    if previous and joined in {"-", "and", "or", "and the", "or the", ","}:
        return previous.role  # "Belgium-Luxembourg", "to Belgium and Luxembourg"
    return None


def parties(
    text: str, mentions: list[Mention], lo: int, hi: int, flow: URIRef | None
) -> list[Party]:
    """Return the parties named in text[lo:hi], each with its side of the flow."""
    found: list[Party] = []
    for m in mentions:
        if m.start < lo or m.end > hi:
            continue
        entity = actor(m.entity)
        if entity is None or word_before(text, m.start) in SCOPE_WORDS:
            continue
        found.append(
            Party(entity, m.start, m.end, _role(text, m, flow, found[-1] if found else None))
        )
    return found


def is_possessor(text: str, m: Mention, rank: Rank) -> bool:
    """Say whether a mention owns a ranking: "Canada's 5th biggest export destination"."""
    between = text[m.end : rank.start]
    return bool(POSSESSIVE.match(between)) and not between[2:].strip()


def ranking_span(text: str, mentions: list[Mention], rank: Rank) -> tuple[int, int]:
    """Return the span of a ranking with its owner: "Morocco's third biggest customer"."""
    owners = [m.start for m in mentions if is_possessor(text, m, rank)]
    return min([rank.start, *owners]), rank.end


def holders(
    text: str, mentions: list[Mention], rank: Rank, taken: list[tuple[int, int]]
) -> list[Mention]:
    """Return the mentions a ranking is about: "Belgium is the sixth-largest investor".

    taken holds the spans of the sentence's rankings, whose own words are no subjects.
    """
    # "Chile ranked 5th", "Peru came third": the name stands right before the verb.
    gap_only = bool(RANK_VERB.match(rank.text))
    chosen: list[Mention] = []
    for m in sorted((m for m in mentions if m.end <= rank.start), key=lambda m: -m.start):
        between = text[m.end : rank.start]
        if chosen:
            if text[m.end : chosen[-1].start].strip().lower() in {"-", "and", "and the"}:
                chosen.append(m)  # "Belgium-Luxembourg was the 14th ..."
                continue
            break
        if any(a <= m.start < b for a, b in taken) or ";" in between or actor(m.entity) is None:
            continue
        if gap_only and between.strip():
            break
        if is_possessor(text, m, rank):
            continue  # "Canada's 5th biggest export destination": Canada is the other side
        if word_before(text, m.start) in PREPOSITIONS:
            continue
        chosen.append(m)
    return chosen


def _balance(text: str, found: list[Party], lo: int) -> list[Party]:
    """Give a trade surplus its direction: its holder exports more to the one "with" it."""
    word = SURPLUS.search(text, lo)
    if word is None:
        return [dataclasses.replace(p, role=None) for p in found]
    holder, other = ("from", "to") if word.group(1).lower() == "surplus" else ("to", "from")
    out = []
    for p in found:
        before = word_before(text, p.start) if p.start >= 0 else "between"
        role = other if before == "with" else None if before in PREPOSITIONS else holder
        out.append(dataclasses.replace(p, role=role))
    return out


def directed(
    text: str,
    found: list[Party],
    measure: URIRef,
    flow: URIRef | None,
    before: tuple[int, int],
) -> list[Party]:
    """Merge a figure's parties, one per entity, keeping sides only where the measure flows.

    A party said to be on both sides keeps none: the text does not tell.
    """
    if measure == DKG.TradeBalance:
        found = _balance(text, found, before[0])
    elif flow not in FLOWS:
        found = [dataclasses.replace(p, role=None) for p in found]
    roles: dict[Entity, set[str | None]] = {}
    first: dict[Entity, Party] = {}
    for p in found:
        first.setdefault(p.entity, p)
        roles.setdefault(p.entity, set()).update({p.role} - {None})
    return [
        dataclasses.replace(p, role=next(iter(roles[e])) if len(roles[e]) == 1 else None)
        for e, p in first.items()
    ]
