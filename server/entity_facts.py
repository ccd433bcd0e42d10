"""Gather what the dataset says of one entity: facts by meaning, each with its claims' phrases."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

import pyoxigraph as ox

from diplokg.graph.query.disagreements import Side, disagreements

from .lookup import Row, TermView, cached, labels_of, select, short, term_view

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
REIFICATION = {
    f"http://www.w3.org/1999/02/22-rdf-syntax-ns#{n}" for n in ("subject", "predicate", "object")
}
LANGUAGES = ("en", "fr", "nl")  # the summary's names, in this order, then any other
GRAPHS = "/graph/document/"

FACTS = """SELECT ?dir ?p ?other ?g WHERE {
  #VALUES
  { GRAPH ?g { ?e ?p ?other } BIND("out" AS ?dir) }
  UNION { GRAPH ?g { ?other ?p ?e } BIND("in" AS ?dir) }
  FILTER(CONTAINS(STR(?g), "/graph/document/") || STRENDS(STR(?g), "/graph/reference"))
}"""
# The claims of the entity's triples (as subject or object), with each phrase and its sentence.
CLAIMS = """SELECT ?g ?s ?p ?o ?ev ?quote ?doc ?start ?end ?sentence ?from WHERE {
  #VALUES
  GRAPH ?g {
    { ?c rdf:subject ?e } UNION { ?c rdf:object ?e }
    ?c rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dkg:evidence ?ev .
    ?ev dkg:quote ?quote ; dkg:source ?doc ; dkg:start ?start ; dkg:end ?end .
    OPTIONAL { ?ev dkg:sentence ?in . ?in dkg:quote ?sentence ; dkg:start ?from }
  }
}"""
ABOUT = """SELECT ?p ?o WHERE { #VALUES
  ?e ?p ?o FILTER(?p IN (rdfs:label, skos:exactMatch, rdf:type) || STRSTARTS(STR(?p), STR(dkg:)))
}"""


class PhraseView(TypedDict):
    """A phrase inside its sentence: the words before it, the phrase, the words after it."""

    before: str
    phrase: str
    after: str


class Quote(PhraseView):
    """A phrase a claim cites, in its sentence, with its passage and document."""

    iri: str
    href: str
    doc: str
    start: int
    end: int


class Source(TypedDict):
    """A document graph that states a fact: the phrases its claims cite."""

    graph: str
    quotes: list[Quote]
    doc: NotRequired[TermView]


class Named(TypedDict):
    """A property: its label and IRI."""

    text: str
    iri: str


@dataclass
class Fact:
    """One statement about the entity, with the documents that make it and their quotes."""

    direction: str
    prop: Named
    other: TermView
    sources: dict[str, Source] = field(default_factory=dict)  # by document graph
    reference: bool = False
    quotes: int = 0  # phrases in all its sources


class Property(TypedDict):
    """A property under a heading, in one direction, with its facts."""

    text: str
    iri: str
    direction: str
    facts: list[Fact]


class Group(TypedDict):
    """A heading of the page (GROUPS) and its properties."""

    title: str
    id: str
    props: list[Property]


# A claimed triple (graph, subject, predicate, object) -> the phrases its claims cite.
Claims = dict[tuple[str, str, str, str], list[Quote]]


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def describe(entity: ox.NamedNode) -> dict[str, object]:
    """Return the page's content: label, kinds, Wikidata links, groups, disagreements."""
    rows = select(FACTS, e=entity)
    nodes = {entity.value} | {
        r["other"].value for r in rows if isinstance(r["other"], ox.NamedNode)
    }
    nodes |= {r["p"].value for r in rows}
    claims = _claims(entity)
    docs = {q["doc"] for quotes in claims.values() for q in quotes}
    labels = labels_of(nodes | docs)
    facts: dict[tuple[str, str, str], Fact] = {}
    for r in sorted(
        rows, key=lambda r: (r["dir"].value, str(r["p"]), str(r["other"]), str(r["g"]))
    ):
        direction, p, g = r["dir"].value, r["p"].value, r["g"].value
        if _local(p) in HIDDEN or (direction == "in" and _local(p) == "type"):
            continue
        if p in REIFICATION:  # a claim about the entity: its facts show the claims' phrases
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
        subject, obj = (entity, r["other"]) if direction == "out" else (r["other"], entity)
        quotes = claims.get((g, str(subject), p, str(obj)), [])
        entry = fact.sources.setdefault(g, {"graph": short(g), "quotes": []})
        if quotes:
            entry["doc"] = term_view(ox.NamedNode(quotes[0]["doc"]), labels)
        entry["quotes"] = quotes
    about = select(ABOUT, e=entity)
    groups = _group(facts.values())
    kinds = _kinds(about, labels)
    names: dict[str, list[str]] = {}
    for r in about:
        if _local(r["p"].value) == "label":
            names.setdefault(r["o"].language or "", []).append(r["o"].value)
    return {
        "iri": entity.value,
        "label": labels.get(entity.value) or short(entity.value),
        "labels": sorted({r["o"].value for r in about if _local(r["p"].value) == "label"}),
        "names": [(lang, sorted(names[lang])) for lang in LANGUAGES if lang in names]
        + [(lang, sorted(v)) for lang, v in sorted(names.items()) if lang not in LANGUAGES],
        "kinds": kinds,
        "wikidata": sorted({r["o"].value for r in about if _local(r["p"].value) == "exactMatch"}),
        "groups": groups,
        "key_facts": _key_facts(groups),
        "count": sum(len(p["facts"]) for g in groups for p in g["props"]),
        "disagreements": _disagreements(entity.value, labels),
    }


def phrase_view(
    quote: str, start: int, end: int, sentence: str | None, sentence_start: int | None
) -> PhraseView:
    """Split a phrase's sentence around it, for a page that marks the phrase in its sentence."""
    if sentence is None or sentence_start is None:
        return {"before": "", "phrase": quote, "after": ""}
    at, to = start - sentence_start, end - sentence_start
    if sentence[at:to] != quote:  # the data says otherwise: show the phrase alone
        return {"before": "", "phrase": quote, "after": ""}
    return {"before": sentence[:at], "phrase": quote, "after": sentence[to:]}


def _claims(entity: ox.NamedNode) -> Claims:
    """Map (graph, subject, predicate, object) to the phrases its claims cite, in text order."""
    found: Claims = {}
    for r in select(CLAIMS, e=entity):
        start, end = int(r["start"].value), int(r["end"].value)
        sentence = r.get("sentence")
        quote: Quote = {
            "iri": r["ev"].value,
            "href": "/id/" + r["ev"].value.split("/id/", 1)[-1],
            "doc": r["doc"].value,
            "start": start,
            "end": end,
            **phrase_view(
                r["quote"].value,
                start,
                end,
                sentence.value if sentence else None,
                int(r["from"].value) if sentence else None,
            ),
        }
        key = (r["g"].value, str(r["s"]), r["p"].value, str(r["o"]))
        if quote not in found.setdefault(key, []):
            found[key].append(quote)
    for quotes in found.values():
        quotes.sort(key=lambda q: (q["start"], q["end"]))
    return found


def _prop_label(p: str, labels: dict[str, str]) -> str:
    return labels.get(p) or _local(p)


def _kinds(about: list[Row], labels: dict[str, str]) -> list[dict[str, str]]:
    kinds = {r["o"].value for r in about if _local(r["p"].value) == "type"}
    names = labels_of(kinds)
    return [
        {"text": names.get(k) or _local(k), "iri": k, "href": "/ontology#" + _local(k)}
        for k in sorted(kinds)
        if k.startswith("https://w3id.org/diplokg/ontology#")
    ]


def _group(facts: Iterable[Fact]) -> list[Group]:
    """Put facts under the headings of GROUPS, in their order, the rest under 'Other facts';
    inside a heading, by property: each value once, its sources folded under it."""
    where = {key: i for i, (_, keys) in enumerate(GROUPS) for key in keys}
    buckets: dict[int, dict[tuple[str, str], Property]] = {}
    for fact in facts:
        key = (fact.direction, fact.prop["iri"])
        index = where.get((fact.direction, _local(fact.prop["iri"])), len(GROUPS))
        text = fact.prop["text"] if fact.direction == "out" else f"has it as {fact.prop['text']}"
        prop = buckets.setdefault(index, {}).setdefault(
            key, {"text": text, "iri": fact.prop["iri"], "direction": fact.direction, "facts": []}
        )
        fact.quotes = sum(len(src["quotes"]) for src in fact.sources.values())
        prop["facts"].append(fact)
    titles = [title for title, _ in GROUPS] + ["Other facts"]
    out: list[Group] = []
    for i in sorted(buckets):
        order = GROUPS[i][1] if i < len(GROUPS) else []
        props = sorted(
            buckets[i].values(),
            key=lambda p: (_position(order, p), p["direction"] != "out", p["text"]),
        )
        for p in props:
            p["facts"].sort(key=lambda f: (f.other.get("text", "").casefold(), str(f.other)))
        title = titles[i]
        out.append({"title": title, "id": "g-" + "-".join(title.lower().split()), "props": props})
    return out


def _position(order: list[tuple[str, str]], prop: Property) -> int:
    key = (prop["direction"], _local(prop["iri"]))
    return order.index(key) if key in order else len(order)


def _key_facts(groups: list[Group], most: int = 6) -> list[dict[str, object]]:
    """Pick the facts a summary box shows: the entity's own links, first of each property."""
    picked: list[dict[str, object]] = []
    for group in groups:
        for prop in group["props"]:
            if prop["direction"] != "out" or _local(prop["iri"]) == "type":
                continue
            values = prop["facts"]
            picked.append({"text": prop["text"], "shown": [f.other for f in values[:3]],
                           "more": max(len(values) - 3, 0)})  # fmt: skip
            if len(picked) == most:
                return picked
    return picked


def _disagreements(entity: str, labels: dict[str, str]) -> list[dict[str, object]]:
    """Return the disagreements about the entity (computed once for the whole dataset), each
    side with its value and its documents' titles and words."""
    from .lookup import store

    found = cached("disagreements", lambda: disagreements(store()))
    return [
        {"what": d.what, "sides": [_side(d.first), _side(d.second)]}
        for d in found
        if entity in d.subject.split(" / ")
    ]


def _side(side: Side) -> dict[str, object]:
    return {
        "value": side.value,
        "phrases": [
            {
                "title": p.title or short(p.document),
                "href": "/id/" + p.document.split("/id/", 1)[-1],
                "quote": p.quote,
                "start": p.start,
                "end": p.end,
            }
            for p in side.phrases
        ],
    }
