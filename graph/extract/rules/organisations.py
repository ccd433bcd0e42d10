"""State organisations and the links the text states between them.

Names and kinds come from organisation_names.py. Links, as the text states them: a centre
"at" or "of" a university, or that a university "has", is part of it; "a ... centre
affiliated with" a university is affiliated with it; "was established in 1921 in Montreal"
gives inception and seat; "it was merged (absorbed) into the newly founded X" gives mergedInto
(of the body named last) and X's inception; "<person> founded X" gives foundedBy.

An agency named by a region's acronym, "Flanders (FIT)", is part of that region (dkg:partOf:
the region's own body; the text says nothing of who founded it or where it sits). A military
unit that a state's possessive names, "Canada's 12th Manitoba Dragoons", is based in that
state (dkg:basedIn: the unit belongs to it and is raised there; dkg:partOf would make it,
through wdt:P361, a part of the country itself). A demonym inside a unit's name ("Canadian
Expeditionary Force") is part of the name and states no link.
"""

import re
from collections.abc import Collection, Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from ...reading.values import DateMatch, find_dates
from ...vocab import DKG
from .. import identity
from ..facts import Object
from . import Reading, Rule
from .organisation_names import HAS, PART_OF, Org, names
from .people import people_in

AFFILIATED = re.compile(r"[ ]affiliated[ ]with[ ](?:the[ ])?")
ESTABLISHED = re.compile(r"[ ]w(?:as|ere)[ ](?:officially[ ])?(?:established|founded|created"
                         r"|set[ ]up)(?P<clause>[^,;]*)")  # fmt: skip
MERGED = re.compile(
    r"\b(?:[Ii]t|[Tt]he[ ](?:association|society|organi[sz]ation|company|centre|club|fund))[ ]was"
    r"[ ](?:merged|absorbed|folded|incorporated)[ ]into[ ](?:the[ ])?"
    r"(?P<new>newly[ ](?:founded|created|established|formed)[ ])?"
)
FOUNDED = re.compile(
    r"(?:co-)?founded[ ](?:(?:the|an?)[ ](?P<desc>(?:[\w'\u2019-]+[ ]){0,4}?(?P<noun>school"
    r"|college|academy|university|hospital|church|company|firm|bank|newspaper|association"
    r"|society|museum|library|orphanage|seminary))\b)?"
)
NOUN_CLASS = {
    "university": DKG.University,
    "company": DKG.Company,
    "firm": DKG.Company,
    "bank": DKG.Company,
    "association": DKG.Association,
    "society": DKG.Association,
}
POSSESSIVE = re.compile(r"['\u2019]s[ ]")
ACRONYM_AFTER = re.compile(r"[ ]?\([A-Z][A-Za-z0-9&.-]*\)")
PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are|newly)[ ]$")
# A link the text states: (subject, predicate, object or None, the phrase that states it).
Link = tuple[URIRef, URIRef, Object | None, tuple[int, int]]


def _org_at(orgs: list[Org], start: int) -> Org | None:
    """Return the organisation whose name starts at a document offset."""
    return next((o for o in orgs if o.start == start), None)


def _date(
    dates: Iterable[DateMatch], relations: Collection[str | None] = ("in",)
) -> DateMatch | None:
    """Return the first date of a list whose preposition is one of the given ones."""
    return next((d for d in dates if d.value and d.relation in relations), None)


def _year(
    dates: Iterable[DateMatch], relations: Collection[str | None] = ("in",)
) -> Literal | None:
    """Return the first such date as a literal at its precision."""
    d = _date(dates, relations)
    return Literal(d.value, datatype=d.datatype) if d else None


def name_span(text: str, org: Org) -> tuple[int, int]:
    """Return the words that name an organisation: its name, and a bracketed acronym after it."""
    end = org.start + len(org.name)
    if text[org.start : end] != org.name:
        return org.start, org.end
    acronym = ACRONYM_AFTER.match(text, end)
    return org.start, acronym.end() if acronym else end


def _links(reading: Reading, i: int, orgs: list[Org], nodes: dict[Org, URIRef]) -> list[Link]:
    """Return the (subject, predicate, object) links the sentence states between organisations."""
    s, text = reading.sentences[i], reading.doc.text
    dates = [d for d in find_dates(s.text) if d.value]
    links: list[Link] = []
    for o in orgs:
        if o.cls == DKG.ResearchCentre:
            affiliated = AFFILIATED.match(text, o.end)
            part = PART_OF.match(text, o.end)
            if (m := affiliated or part) and (other := _org_at(orgs, m.end())):
                p = DKG.affiliatedWith if affiliated else DKG.partOf
                links.append((nodes[o], p, nodes[other], (o.start, other.end)))
        has = HAS.match(text, o.end) if o.cls == DKG.University else None
        if has and (other := _org_at(orgs, has.end())) is not None:
            links.append((nodes[other], DKG.partOf, nodes[o], (o.start, other.end)))
            # "has a centre since 1990": it exists since then; "opened a centre in 2001".
            held = has["verb"] in ("has", "had", "hosts", "houses")
            when = _date(dates, ("since",) if held else ("in", "since"))
            if when is not None:
                a, b = s.start + when.start, s.start + when.end
                word = f"{when.relation} "  # "Since 2004": the preposition says how
                if text[a - len(word) : a].lower() == word:
                    a -= len(word)
                span = (min(o.start, a), max(other.end, b))
                links.append((nodes[other], DKG.inception, _year([when], (when.relation,)), span))
        if (m := ESTABLISHED.match(text, o.end, s.end)) is not None:
            clause = find_dates(m["clause"])
            when = _date(clause)
            if when is not None:  # from the name through the date
                span = (o.start, m.start("clause") + when.end)
                links.append((nodes[o], DKG.inception, _year(clause), span))
            for c in reading.mentions[i]:
                inside = m.start("clause") <= c.start < m.end("clause")
                if c.entity.kind == "city" and inside and text.endswith("in ", 0, c.start):
                    where = reading.facts.use(c.entity)
                    links.append((nodes[o], DKG.basedIn, where, (o.start, c.end)))
        if o.region is not None:
            start = o.start if o.region_at is None else o.region_at  # "Catalonia (ACCIO)"
            end = o.end + 1 if text[o.end : o.end + 1] == ")" else o.end
            links.append((nodes[o], DKG.partOf, reading.facts.use(o.region), (start, end)))
        if o.cls == DKG.MilitaryUnit:
            for c in reading.mentions[i]:
                if c.entity.kind == "state" and POSSESSIVE.fullmatch(text, c.end, o.start):
                    where = reading.facts.use(c.entity)
                    links.append((nodes[o], DKG.basedIn, where, (c.start, o.end)))
    return links


def _merged(reading: Reading, i: int, orgs: list[Org], nodes: dict[Org, URIRef]) -> list[Link]:
    """Read "it was merged into the newly founded X": the last body named merged into X."""
    s = reading.sentences[i]
    links: list[Link] = []
    for m in MERGED.finditer(s.text):
        target = _org_at(orgs, s.start + m.end())
        earlier = [(k, start, node) for k, start, node in reading.memory.organisations_stated
                   if k == i - 1 or (k == i and start < s.start + m.start())]  # fmt: skip
        if target is None or not earlier:
            continue
        span = (earlier[-1][1], target.end)  # from the name "it" stands for
        links.append((earlier[-1][2], DKG.mergedInto, nodes[target], span))
        if m["new"]:
            year = _year(find_dates(s.text), ("in",))
            links.append((nodes[target], DKG.inception, year, (s.start, s.end)))
    return links


def _founded(reading: Reading, i: int, orgs: list[Org], nodes: dict[Org, URIRef]) -> list[Link]:
    """Read "<person> founded X" (active voice): X is founded by the nearest person before it."""
    s, text = reading.sentences[i], reading.doc.text
    links: list[Link] = []
    org: Org | None  # the organisation named after "founded", or described there
    for m in FOUNDED.finditer(s.text):
        at = s.start + m.start()
        if PASSIVE.search(text, s.start, at):
            continue  # "was founded", "the newly founded X"
        founders = [p for p in people_in(reading, i) if p.end <= at]
        if not founders:
            continue
        founder = identity.person(founders[-1].name)
        if m["desc"]:  # "founded the first European school in Mexico City"
            label, end = m["desc"], s.start + m.end("desc")
            places = [c for c in reading.mentions[i] if c.entity.kind == "city"
                      and c.start == end + 4 and text[end : c.start] == " in "]  # fmt: skip
            where = places[0] if places else None
            if where is not None:
                label, end = f"{label} in {where.text}", where.end
            cls = NOUN_CLASS.get(m["noun"], DKG.Organisation)
            org = Org(label, s.start + m.start("desc"), end, cls)
            nodes[org] = _state(reading, i, org)
            if where is not None:
                span = (org.start, where.end)
                links.append((nodes[org], DKG.basedIn, reading.facts.use(where.entity), span))
        elif (org := _org_at(orgs, s.start + m.end())) is None:
            continue
        links.append((nodes[org], DKG.foundedBy, founder, (founders[-1].start, org.end)))
    return links


def _state(reading: Reading, i: int, org: Org) -> URIRef:
    """State an organisation's kind and name; remember it for a later "it"."""
    node = identity.organisation(org.name)
    alias = [(SKOS.altLabel, Literal(org.acronym, lang="en"))] if org.acronym else []
    span = name_span(reading.doc.text, org)
    reading.facts.state(node, alias, span, "organisations.name", cls=org.cls,
                        label=org.name)  # fmt: skip
    reading.memory.organisations_stated.append((i, org.start, node))
    return node


def organisations(reading: Reading, i: int) -> None:
    """State the organisations sentence i names, and the links it states between them."""
    orgs = names(reading, i)
    nodes = {org: _state(reading, i, org) for org in orgs}
    links = _links(reading, i, orgs, nodes) + _merged(reading, i, orgs, nodes)
    links += _founded(reading, i, orgs, nodes)
    for subject, p, o, span in links:
        if o is not None:
            reading.facts.state(subject, [(p, o)], span, "organisations.link")


RULES: list[Rule] = [organisations]
