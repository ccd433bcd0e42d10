"""Gather what the dataset says of one entity: facts grouped by meaning, each with its evidence."""

from dataclasses import dataclass, field

import pyoxigraph as ox

from diplokg.graph.disagreements import disagreements

from .lookup import cached, labels_of, select, short, term_view

EVENT_LINKS = "participant location visitor host partOf hasPart"
ROLE_LINKS = "roleHolder holdsRole roleIn"
DATES = "date startDate endDate signingDate effectiveDate opened closed inception dissolved"
DATES += " birthDate deathDate"


def _keys(direction: str, names: str) -> list[tuple[str, str]]:
    return [(direction, name) for name in names.split()]


# Groups by meaning: (title, [(direction, property local name)]). "out": the entity is the
# subject; "in": the entity is the object. A property in no group lands in "Other facts".
GROUPS = [
    ("What it is", _keys("out", "type country locatedIn")),
    ("Missions it sends", _keys("in", "sendingEntity") + _keys("out", "sendsMission")),
    ("Missions it hosts", _keys("in", "hostState city") + _keys("out", "hostsMission")),
    ("Where and for whom", _keys("out", "sendingEntity hostState city accreditedTo")),
    ("Memberships", _keys("out", "memberOf hasMember") + _keys("in", "memberOf")),
    ("Relations", _keys("out", "diplomaticRelation") + _keys("in", "diplomaticRelation")),
    ("Agreements", _keys("in", "party signatory") + _keys("out", "party signatory")),
    ("Events", _keys("in", EVENT_LINKS) + _keys("out", EVENT_LINKS)),
    ("People and roles", _keys("in", ROLE_LINKS) + _keys("out", ROLE_LINKS)),
    ("Dates", _keys("out", DATES)),
    ("Figures", _keys("in", "about fromParty toParty")),
]
HIDDEN = {"evidence", "label", "exactMatch", "source"}  # shown elsewhere on the page
GRAPHS = "/graph/document/"

FACTS = """SELECT ?dir ?p ?other ?g WHERE {
  #VALUES
  { GRAPH ?g { ?e ?p ?other } BIND("out" AS ?dir) }
  UNION { GRAPH ?g { ?other ?p ?e } BIND("in" AS ?dir) }
  FILTER(CONTAINS(STR(?g), "/graph/document/") || STRENDS(STR(?g), "/graph/reference"))
}"""
EVIDENCE = """SELECT ?x ?g ?ev ?quote ?doc ?start ?end WHERE {
  VALUES ?x { %s }
  GRAPH ?g { ?x dkg:evidence ?ev . ?ev dkg:quote ?quote ; dkg:source ?doc ;
             dkg:start ?start ; dkg:end ?end }
}"""
ABOUT = """SELECT ?p ?o WHERE { #VALUES
  ?e ?p ?o FILTER(?p IN (rdfs:label, skos:exactMatch, rdf:type) || STRSTARTS(STR(?p), STR(dkg:)))
}"""


@dataclass
class Fact:
    """One statement about the entity, with the documents that make it and their quotes."""

    direction: str
    prop: dict
    other: dict
    sources: dict = field(default_factory=dict)  # document path -> {"doc": ..., "quotes": [...]}
    reference: bool = False


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def describe(entity: ox.NamedNode) -> dict:
    """Return the page's content: label, kinds, Wikidata links, groups, disagreements."""
    rows = select(FACTS, e=entity)
    nodes = {entity.value} | {
        r["other"].value for r in rows if isinstance(r["other"], ox.NamedNode)
    }
    nodes |= {r["p"].value for r in rows}
    evidence = _evidence(nodes)
    docs = {q["doc"] for quotes in evidence.values() for q in quotes}
    labels = labels_of(nodes | docs)
    facts: dict[tuple, Fact] = {}
    for r in sorted(
        rows, key=lambda r: (r["dir"].value, str(r["p"]), str(r["other"]), str(r["g"]))
    ):
        direction, p, g = r["dir"].value, r["p"].value, r["g"].value
        if _local(p) in HIDDEN or (direction == "in" and _local(p) == "type"):
            continue
        key = (direction, p, str(r["other"]))
        fact = facts.setdefault(
            key,
            Fact(
                direction, {"text": _prop_label(p, labels), "iri": p}, term_view(r["other"], labels)
            ),
        )
        if GRAPHS not in g:
            fact.reference = True
            continue
        quotes = _quotes_for(entity.value, direction, r["other"], g, evidence)
        doc = quotes[0]["doc"] if quotes else None
        entry = fact.sources.setdefault(g, {"graph": short(g), "quotes": []})
        if doc:
            entry["doc"] = term_view(ox.NamedNode(doc), labels)
        for q in quotes:
            if q not in entry["quotes"]:
                entry["quotes"].append(q)
    about = select(ABOUT, e=entity)
    return {
        "iri": entity.value,
        "label": labels.get(entity.value) or short(entity.value),
        "labels": sorted({r["o"].value for r in about if _local(r["p"].value) == "label"}),
        "kinds": _kinds(about, labels),
        "wikidata": sorted({r["o"].value for r in about if _local(r["p"].value) == "exactMatch"}),
        "groups": _group(facts.values()),
        "disagreements": _disagreements(entity.value),
        "quotes": _all_quotes(entity.value, evidence, labels),
    }


def _prop_label(p: str, labels: dict) -> str:
    return labels.get(p) or _local(p)


def _kinds(about: list[dict], labels: dict) -> list[dict]:
    kinds = {r["o"].value for r in about if _local(r["p"].value) == "type"}
    names = labels_of(kinds)
    return [
        {"text": names.get(k) or _local(k), "iri": k, "href": "/ontology#" + _local(k)}
        for k in sorted(kinds)
        if k.startswith("https://w3id.org/diplokg/ontology#")
    ]


def _evidence(nodes: set[str]) -> dict[tuple[str, str], list[dict]]:
    """Map (node, graph) to the evidence quotes of that node in that graph."""
    values = " ".join(f"<{n}>" for n in sorted(nodes))
    found: dict[tuple[str, str], list[dict]] = {}
    for r in select(EVIDENCE % values):
        found.setdefault((r["x"].value, r["g"].value), []).append(
            {
                "iri": r["ev"].value,
                "href": "/id/" + r["ev"].value.split("/id/", 1)[-1],
                "quote": r["quote"].value,
                "doc": r["doc"].value,
                "start": int(r["start"].value),
                "end": int(r["end"].value),
            }
        )
    for quotes in found.values():
        quotes.sort(key=lambda q: (q["doc"], q["start"], q["end"]))
    return found


def _quotes_for(entity: str, direction: str, other, g: str, evidence: dict) -> list[dict]:
    """Quote the sentences that state a fact: those both ends share, else the subject's own."""
    other_iri = other.value if isinstance(other, ox.NamedNode) else None
    subject, obj = (entity, other_iri) if direction == "out" else (other_iri, entity)
    own = evidence.get((subject, g), [])
    theirs = evidence.get((obj, g), []) if obj else []
    shared = [q for q in own if q in theirs]
    return shared or own


def _group(facts) -> list[dict]:
    """Put facts under the headings of GROUPS, in their order; the rest under 'Other facts'."""
    where = {key: i for i, (_, keys) in enumerate(GROUPS) for key in keys}
    buckets: dict[int, list[Fact]] = {}
    for fact in facts:
        index = where.get((fact.direction, _local(fact.prop["iri"])), len(GROUPS))
        buckets.setdefault(index, []).append(fact)
    titles = [title for title, _ in GROUPS] + ["Other facts"]
    return [{"title": titles[i], "facts": buckets[i]} for i in sorted(buckets) if buckets[i]]


def _disagreements(entity: str) -> list:
    """Return the disagreements about the entity (computed once for the whole dataset)."""
    from .lookup import store

    found = cached("disagreements", lambda: disagreements(store()))
    return [d for d in found if entity in d.subject.split(" / ")]


def _all_quotes(entity: str, evidence: dict, labels: dict) -> list[dict]:
    """List every quote that speaks of the entity, by document."""
    by_doc: dict[str, dict] = {}
    for (node, _g), quotes in sorted(evidence.items()):
        if node != entity:
            continue
        for q in quotes:
            doc = by_doc.setdefault(
                q["doc"], {"doc": term_view(ox.NamedNode(q["doc"]), labels), "quotes": []}
            )
            if q not in doc["quotes"]:
                doc["quotes"].append(q)
    return [by_doc[k] for k in sorted(by_doc)]
