"""Find where documents disagree, and count facts by how they were found (rule or curated).

Disagreement is kept, not flattened: each document's claim stays in its own graph with its
evidence. These queries list the places where claims about one thing differ, so that a
reader can look at both sources.
"""

import json
from dataclasses import dataclass

import pyoxigraph as ox

from .query import run_query

PREFIXES = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# Properties a thing has one value of: two documents giving two values disagree.
SINGLE_VALUED = [
    "opened",
    "closed",
    "signingDate",
    "effectiveDate",
    "date",
    "startDate",
    "endDate",
    "inception",
    "dissolved",
    "birthDate",
    "deathDate",
    "hostState",
]

# Two kinds given to one thing, each by some document. A family's generic class ("an office",
# "a mission", "an agreement") is less precise, not different, so it is never a disagreement.
GENERIC = (
    "DiplomaticMission SubnationalRepresentation Agreement Event Visit Meeting Organisation "
    "Role Actor Place Polity"
)
TYPES = """SELECT ?s ?ta ?tb
    (GROUP_CONCAT(DISTINCT STRAFTER(STR(?a), "/graph/document/"); separator=", ") AS ?ga)
    (GROUP_CONCAT(DISTINCT STRAFTER(STR(?b), "/graph/document/"); separator=", ") AS ?gb)
WHERE {
  GRAPH ?a { ?s a ?ta } GRAPH ?b { ?s a ?tb }
  FILTER(STR(?ta) < STR(?tb) && STRSTARTS(STR(?ta), STR(dkg:)) && STRSTARTS(STR(?tb), STR(dkg:))
         && CONTAINS(STR(?a), "/graph/document/") && CONTAINS(STR(?b), "/graph/document/"))
  FILTER(?ta NOT IN (%(generic)s) && ?tb NOT IN (%(generic)s))
} GROUP BY ?s ?ta ?tb ORDER BY ?s ?ta ?tb"""

VALUES = """SELECT DISTINCT ?s ?p ?a ?va ?b ?vb WHERE {
  VALUES ?p { %s }
  GRAPH ?a { ?s ?p ?va } GRAPH ?b { ?s ?p ?vb }
  FILTER(STR(?a) < STR(?b) && ?va != ?vb && CONTAINS(STR(?a), "/graph/document/")
         && CONTAINS(STR(?b), "/graph/document/"))
  FILTER NOT EXISTS { GRAPH ?a { ?s ?p ?vb } }
} ORDER BY ?s ?p ?a ?b"""

# Two documents' figures for one measure, the same parties and the same period.
FIGURES = """SELECT DISTINCT ?x ?y ?measure ?a ?va ?ca ?b ?vb ?cb WHERE {
  GRAPH ?a { ?x a dkg:Statistic ; dkg:measure ?measure ; dkg:period ?period ; dkg:value ?va
             OPTIONAL { ?x dkg:currency ?ca } }
  GRAPH ?b { ?y a dkg:Statistic ; dkg:measure ?measure ; dkg:period ?period ; dkg:value ?vb
             OPTIONAL { ?y dkg:currency ?cb } }
  FILTER(STR(?a) < STR(?b) && (?va != ?vb || COALESCE(?ca, "") != COALESCE(?cb, "")))
  FILTER NOT EXISTS { ?x dkg:about ?p FILTER NOT EXISTS { ?y dkg:about ?p } }
  FILTER NOT EXISTS { ?y dkg:about ?p FILTER NOT EXISTS { ?x dkg:about ?p } }
} ORDER BY ?x ?y"""

# Entities of the documents and the reference graph without a Wikidata link, by their most
# specific asserted class (one a document states, not one a reasoner derives).
UNLINKED = """SELECT DISTINCT ?c ?s (SAMPLE(?l) AS ?label) WHERE {
  GRAPH ?g { ?s a ?c }
  FILTER(CONTAINS(STR(?g), "/graph/document/") || STRENDS(STR(?g), "/graph/reference"))
  FILTER(STRSTARTS(STR(?c), STR(dkg:)) && !STRSTARTS(STR(?s), STR(dkg:)))
  FILTER(?c NOT IN (dkg:Evidence, dkg:SourceDocument, dkg:Statistic))
  FILTER NOT EXISTS { ?s skos:exactMatch ?item }
  FILTER NOT EXISTS {
    GRAPH ?h { ?s a ?d } ?d rdfs:subClassOf+ ?c
    FILTER(?d != ?c && (CONTAINS(STR(?h), "/graph/document/")
                        || STRENDS(STR(?h), "/graph/reference")))
  }
  OPTIONAL { ?s rdfs:label ?l FILTER(LANG(?l) = "en") }
} GROUP BY ?c ?s ORDER BY ?c ?s"""

COUNTS = """SELECT ?curated (COUNT(*) AS ?n) WHERE {
  ?s dkg:evidence ?e .
  BIND(EXISTS { ?e dkg:curated true } AS ?curated)
} GROUP BY ?curated"""


@dataclass(frozen=True)
class Disagreement:
    """Two documents that say different things about one thing."""

    subject: str
    what: str
    first: str
    second: str


def _rows(store: ox.Store, query: str) -> list[dict]:
    body, _ = run_query(store, PREFIXES + query, "json")
    return [
        {k: v["value"] for k, v in row.items()} for row in json.loads(body)["results"]["bindings"]
    ]


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def disagreements(store: ox.Store) -> list[Disagreement]:
    """List the disagreements between documents: kinds, single values, and figures."""
    found = []
    generic = ", ".join(f"dkg:{name}" for name in GENERIC.split())
    for r in _rows(store, TYPES % {"generic": generic}):
        found.append(
            Disagreement(
                r["s"],
                "kind",
                f"{_short(r['ta'])}: {r['ga']}",
                f"{_short(r['tb'])}: {r['gb']}",
            )
        )
    props = " ".join(f"dkg:{p}" for p in SINGLE_VALUED)
    for r in _rows(store, VALUES % props):
        found.append(
            Disagreement(
                r["s"],
                _short(r["p"]),
                f"{_short(r['a'])}: {_short(r['va'])}",
                f"{_short(r['b'])}: {_short(r['vb'])}",
            )
        )
    for r in _rows(store, FIGURES):
        found.append(
            Disagreement(
                f"{r['x']} / {r['y']}",
                f"figure ({_short(r['measure'])})",
                f"{_short(r['a'])}: {r['va']} {r.get('ca', '')}".rstrip(),
                f"{_short(r['b'])}: {r['vb']} {r.get('cb', '')}".rstrip(),
            )
        )
    return found


def summary(store: ox.Store):
    """Count instances per class of ours (asserted or inferred) and triples per graph."""
    classes = {
        _short(r["c"]): int(r["n"])
        for r in _rows(
            store,
            "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c "
            "FILTER(STRSTARTS(STR(?c), STR(dkg:)) && !STRSTARTS(STR(?s), STR(dkg:))) } GROUP BY ?c",
        )
    }
    graphs = {
        r["g"]: int(r["n"])
        for r in _rows(
            store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
    }
    return classes, graphs


def fact_counts(store: ox.Store) -> dict[str, int]:
    """Count facts (a thing with one span that states it) found by rule and curated."""
    counts = {"rule": 0, "curated": 0}
    for r in _rows(store, COUNTS):
        counts["curated" if r["curated"] == "true" else "rule"] += int(r["n"])
    return counts


def unlinked(store: ox.Store) -> dict[str, list[str]]:
    """List the entities without a Wikidata link (skos:exactMatch), by class: labels, sorted."""
    found: dict[str, list[str]] = {}
    for r in _rows(store, UNLINKED):
        found.setdefault(_short(r["c"]), []).append(r.get("label") or _short(r["s"]))
    return {cls: sorted(labels) for cls, labels in sorted(found.items())}
