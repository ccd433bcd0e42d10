"""Find where documents disagree, and count claims by how they were found (rule or curated).

Disagreement is kept, not flattened: each document's claim stays in its own graph with its
phrase. These queries list the places where claims about one thing differ, and each side
comes with its own claims (document title and the words that state it), so that a reader can
read both sources side by side.
"""

import json
from dataclasses import dataclass

from .engine import run_query
from .protocol import Queryable

PREFIXES = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
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
TYPES = """SELECT DISTINCT ?s ?ta ?a ?tb ?b WHERE {
  GRAPH ?a { ?s a ?ta } GRAPH ?b { ?s a ?tb }
  FILTER(STR(?ta) < STR(?tb) && STRSTARTS(STR(?ta), STR(dkg:)) && STRSTARTS(STR(?tb), STR(dkg:))
         && CONTAINS(STR(?a), "/graph/document/") && CONTAINS(STR(?b), "/graph/document/"))
  FILTER(?ta NOT IN (%(generic)s) && ?tb NOT IN (%(generic)s))
} ORDER BY ?s ?ta ?tb ?a ?b"""

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
  FILTER(?c NOT IN (dkg:Evidence, dkg:Claim, dkg:SourceDocument, dkg:Statistic))
  FILTER NOT EXISTS { ?s skos:exactMatch ?item }
  FILTER NOT EXISTS {
    GRAPH ?h { ?s a ?d } ?d rdfs:subClassOf+ ?c
    FILTER(?d != ?c && (CONTAINS(STR(?h), "/graph/document/")
                        || STRENDS(STR(?h), "/graph/reference")))
  }
  OPTIONAL { ?s rdfs:label ?l FILTER(LANG(?l) = "en") }
} GROUP BY ?c ?s ORDER BY ?c ?s"""

COUNTS = """SELECT ?curated (COUNT(*) AS ?n) WHERE {
  ?c a dkg:Claim .
  BIND(EXISTS { ?c dkg:curated true } AS ?curated)
} GROUP BY ?curated"""
# The claims of one triple in one graph: the document's title and the words that state it.
PHRASES = """SELECT ?doc ?title ?quote ?start ?end WHERE {
  GRAPH %(g)s { ?c rdf:subject %(s)s ; rdf:predicate %(p)s ; rdf:object %(o)s ; dkg:evidence ?ev .
                ?ev dkg:source ?doc ; dkg:quote ?quote ; dkg:start ?start ; dkg:end ?end .
                OPTIONAL { ?doc dcterms:title ?title } }
} ORDER BY ?start ?end"""


# A term of a SPARQL JSON result: its type, value, and datatype or language if any.
Term = dict[str, str]


@dataclass(frozen=True)
class Phrase:
    """The words of a document that state one side of a disagreement."""

    document: str
    title: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Side:
    """What one document says (a kind, a value, a figure), with the claims that say it."""

    graph: str
    value: str
    phrases: tuple[Phrase, ...]

    def text(self) -> str:
        """Write the side for a terminal: the value, then each document's words."""
        said = "; ".join(f'{p.title or _short(p.document)}: "{p.quote}"' for p in self.phrases)
        return f"{self.value} ({said or _short(self.graph)})"


@dataclass(frozen=True)
class Disagreement:
    """Two documents that say different things about one thing, each with its own claims."""

    subject: str
    what: str
    first: Side
    second: Side


def _rows(store: Queryable, query: str) -> list[dict[str, str]]:
    body, _ = run_query(store, PREFIXES + query, "json")
    return [
        {k: v["value"] for k, v in row.items()} for row in json.loads(body)["results"]["bindings"]
    ]


def _short(iri: str) -> str:
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _term(value: Term) -> str:
    """Write a JSON result term in SPARQL syntax."""
    if value["type"] == "uri":
        return f"<{value['value']}>"
    text = json.dumps(value["value"])
    if "xml:lang" in value:
        return f"{text}@{value['xml:lang']}"
    return f"{text}^^<{value['datatype']}>" if "datatype" in value else text


def _side(store: Queryable, graph: str, s: str, p: str, o: Term, value: str) -> Side:
    """Return one side: a graph's claims of (s, p, o), with their documents' words."""
    query = PHRASES % {"g": f"<{graph}>", "s": f"<{s}>", "p": f"<{p}>", "o": _term(o)}
    phrases = tuple(
        Phrase(r["doc"], r.get("title", ""), r["quote"], int(r["start"]), int(r["end"]))
        for r in _rows(store, query)
    )
    return Side(graph, value, phrases)


def _raw(store: Queryable, query: str) -> list[dict[str, Term]]:
    body, _ = run_query(store, PREFIXES + query, "json")
    rows: list[dict[str, Term]] = json.loads(body)["results"]["bindings"]
    return rows


def disagreements(store: Queryable) -> list[Disagreement]:
    """List the disagreements between documents: kinds, single values, and figures."""
    found = []
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    generic = ", ".join(f"dkg:{name}" for name in GENERIC.split())
    for r in _raw(store, TYPES % {"generic": generic}):
        s = r["s"]["value"]
        found.append(
            Disagreement(
                s,
                "kind",
                _side(store, r["a"]["value"], s, rdf_type, r["ta"], _short(r["ta"]["value"])),
                _side(store, r["b"]["value"], s, rdf_type, r["tb"], _short(r["tb"]["value"])),
            )
        )
    props = " ".join(f"dkg:{p}" for p in SINGLE_VALUED)
    for r in _raw(store, VALUES % props):
        s, p = r["s"]["value"], r["p"]["value"]
        found.append(
            Disagreement(
                s,
                _short(p),
                _side(store, r["a"]["value"], s, p, r["va"], _short(r["va"]["value"])),
                _side(store, r["b"]["value"], s, p, r["vb"], _short(r["vb"]["value"])),
            )
        )
    for f in _rows(store, FIGURES):
        first = _figure_side(store, f["a"], f["x"], f"{f['va']} {f.get('ca', '')}".rstrip())
        second = _figure_side(store, f["b"], f["y"], f"{f['vb']} {f.get('cb', '')}".rstrip())
        what = f"figure ({_short(f['measure'])})"
        found.append(Disagreement(f"{f['x']} / {f['y']}", what, first, second))
    return found


def _figure_side(store: Queryable, graph: str, figure: str, value: str) -> Side:
    """Return one side of two figures: the value, and the words that state the figure."""
    statistic = {"type": "uri", "value": "https://w3id.org/diplokg/ontology#Statistic"}
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    return _side(store, graph, figure, rdf_type, statistic, value)


def summary(store: Queryable) -> tuple[dict[str, int], dict[str, int]]:
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


def fact_counts(store: Queryable) -> dict[str, int]:
    """Count claims (one triple a document states) found by rules and curated."""
    counts = {"rule": 0, "curated": 0}
    for r in _rows(store, COUNTS):
        counts["curated" if r["curated"] == "true" else "rule"] += int(r["n"])
    return counts


def unlinked(store: Queryable) -> dict[str, list[str]]:
    """List the entities without a Wikidata link (skos:exactMatch), by class: labels, sorted."""
    found: dict[str, list[str]] = {}
    for r in _rows(store, UNLINKED):
        found.setdefault(_short(r["c"]), []).append(r.get("label") or _short(r["s"]))
    return {cls: sorted(labels) for cls, labels in sorted(found.items())}
