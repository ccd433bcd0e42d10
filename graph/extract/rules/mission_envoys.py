"""Read the post an envoy's seat implies: "the Chilean ambassador in Lima" says that Chile has
an embassy in Lima.

A head of mission is named with the state that sends them and the city where they sit: "Peru's
consul in Hamburg", "the Dutch ministers in Quito and Lima", "the Kenyan High Commissioner in
Accra". Such a title states a post of that state in that city, of the kind the title heads:
an ambassador an embassy, a minister (an envoy of the old rank) a legation, a high
commissioner a high commission, a consul general a consulate general, a consul a consulate, an
honorary consul an honorary consulate. The title must say both whose post it is and where (a
title "to Norway" names a state, not a seat, and says nothing of a city); a title in a clause
of plans, negation or condition states nothing.
"""

from ...reading.gazetteer import Entity
from ...reading.lexicon import NOT_STATED
from ...vocab import DKG
from .. import identity
from . import Reading, Rule
from .discourse import clause
from .missions import CLASSES, LABELS, _host
from .person_titles import titles

# The kind of post each title heads (keys of the lexicon's OFFICES).
HEADS = {
    "ambassador": "embassy",
    "minister": "legation",
    "high commissioner": "high_commission",
    "consul general": "consulate_general",
    "consul": "consulate",
    "honorary consul": "honorary_consulate",
}
ENVOYS = {DKG.Envoy, DKG.Consul, DKG.HonoraryConsul}


def _place_end(reading: Reading, i: int, city: Entity, lo: int, hi: int) -> int | None:
    """Return where the city's name ends within [lo, hi) of sentence i, or None."""
    for m in reading.mentions[i]:
        if m.entity.slug == city.slug and lo <= m.start and m.end <= hi:
            return m.end
    return None


def envoy_seats(reading: Reading, i: int) -> None:
    """State the mission that a state's head of mission sitting in a city implies."""
    for t in titles(reading, i):
        kind = HEADS.get(t.key)
        sender = t.polity
        if kind is None or t.cls not in ENVOYS or not t.places:
            continue
        if sender is None or sender.kind != "state":
            continue
        lo, _ = clause(reading, i, t.start)
        if NOT_STATED.search(reading.doc.text[lo : t.start]):
            continue  # "Peru plans to send an ambassador to Lima"
        cls = CLASSES[kind]
        for city in t.places:
            if city.kind != "city":
                continue  # "the ambassador in Chile": a state, where the embassy's city is not said
            host = _host(city)
            end = _place_end(reading, i, city, t.start, t.end)
            if end is None or host is None or host.slug == sender.slug:
                continue
            family = identity.MISSION_FAMILY[cls]
            noun = LABELS.get(family, family.capitalize())
            pairs = [
                (DKG.sendingEntity, reading.facts.use(sender)),
                (DKG.city, reading.facts.use(city)),
                (DKG.hostState, reading.facts.use(host)),
            ]
            reading.facts.state(
                identity.mission(cls, sender.slug, city.slug),
                pairs,
                (t.lead, end),
                "missions.envoy-seat",
                cls=cls,
                label=f"{noun} of {sender.label} in {city.label}",
            )


RULES: list[Rule] = [envoy_seats]
