"""Mint the IRIs of extracted things so that every rule and document names a thing alike.

Two documents that speak of the same mission, agreement or event must give it the same IRI,
so that their claims merge on one node while each keeps its own evidence. The keys below
say what makes two mentions the same thing; they never depend on wording or on order.
"""

import re

from rdflib import URIRef

from .. import iris
from ..vocab import DKG

# A mission's identity: who sends it, of which family, where (or to whom).
# An embassy is one per sending state and host state; a career consulate (consulate or
# consulate general: documents disagree on the rank, and both claims stay) one per city;
# an honorary consulate, a part-time consulate and a sub-national office are other posts.
MISSION_FAMILY = {
    DKG.Embassy: "embassy",
    DKG.HighCommission: "embassy",
    DKG.Consulate: "consulate",
    DKG.ConsulateGeneral: "consulate",
    DKG.HonoraryConsulate: "honorary-consulate",
    DKG.PermanentMission: "mission",
    DKG.SubnationalRepresentation: "office",
    DKG.GeneralDelegation: "office",
    DKG.EconomicAndTradeOffice: "office",
    DKG.DiplomaticMission: "mission",
}


def mission(cls: URIRef, sender: str, where: str, part_time: bool = False) -> URIRef:
    """Name a mission by its family, its sender's slug and its place (city, host or body).

    where is a city slug for consulates and offices, the host state's slug for an embassy,
    and the international organisation's slug for a mission to one.
    """
    family = MISSION_FAMILY[cls]
    if part_time:
        family = "part-time-" + family
    return iris.entity("mission", f"{sender}-{family}-{where}")


def kind_slug(cls: URIRef) -> str:
    """Spell a class's local name as a slug: EstablishmentOfDiplomaticRelations ->
    establishment-of-diplomatic-relations."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", str(cls).rsplit("#", 1)[-1]).lower()


def agreement(cls: URIRef, parties: list[str], about: str) -> URIRef:
    """Name an agreement by its kind, its parties' slugs (sorted) and its topic or date."""
    kind = kind_slug(cls)
    return iris.entity("agreement", "-".join([*sorted(parties), kind, iris.slugify(about)]))


def event(cls: URIRef, key: str) -> URIRef:
    """Name an event by its kind and a key: its proper name, or its date and place."""
    kind = kind_slug(cls)
    return iris.entity("event", f"{kind}-{iris.slugify(key)}")


def person(name: str) -> URIRef:
    """Name a person by the full name the document gives."""
    return iris.entity("person", iris.slugify(name))


def organisation(name: str) -> URIRef:
    """Name an organisation (company, university, agency, unit) by its name."""
    return iris.entity("organisation", iris.slugify(name))


def role(cls: URIRef, of: str, holder: str | None = None) -> URIRef:
    """Name a role (a post) by its kind and the actor it belongs to ("head-of-state-mexico").

    Posts held by one person at a time get no holder in their name; posts of which a
    state has many (envoys, consuls, agents) are named with their holder.
    """
    kind = kind_slug(cls)
    slug = f"{kind}-{of}" if holder is None else f"{kind}-{of}-{iris.slugify(holder)}"
    return iris.entity("role", slug)


def statistic(doc_id: str, start: int, measure: URIRef) -> URIRef:
    """Name a statistic by where it is stated: figures are claims of one document each."""
    kind = kind_slug(measure)
    return iris.entity("statistic", f"{doc_id}-{start}-{kind}")
