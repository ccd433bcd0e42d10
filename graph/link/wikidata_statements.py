"""Give every truthy statement of the Wikidata view its statement node, references and dates.

In the Wikidata RDF model (as the Wikidata Query Service has it) each truthy triple
``S wdt:P O`` is also a statement: ``S p:P st . st ps:P O ; wikibase:rank …`` with
``prov:wasDerivedFrom`` reference nodes whose ``pr:`` values name the source, and ``pq:``
qualifiers for its dates. A statement's references are the documents whose claims state the
fact; a reference holds only the properties of the checked table
(ontology/wikidata-reference-properties.tsv). Statement and reference nodes are ours, minted
under the base IRI, never in Wikidata's namespace.
"""

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD
from rdflib.term import Node

from .. import iris
from ..terms import iri_or_none, literal_or_none
from ..vocab import DKG, SCHEMA, WDT
from .references import ReferenceProperties, reference_properties
from .wikidata_view import SUPPORT, ViewNodes

P = Namespace("http://www.wikidata.org/prop/")
PS = Namespace("http://www.wikidata.org/prop/statement/")
PQ = Namespace("http://www.wikidata.org/prop/qualifier/")
PR = Namespace("http://www.wikidata.org/prop/reference/")
WIKIBASE = Namespace("http://wikiba.se/ontology#")
# Our date properties of a statement's value, as qualifiers (start time, end time).
VALUE_DATES = [(DKG.startDate, "P580"), (DKG.endDate, "P582")]
# A truthy triple of the view: (node, wdt: property, value).
Truthy = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Source:
    """A document as a reference: what the checked reference properties may say of it."""

    document: URIRef
    title: Literal | None
    url: URIRef | None
    item: URIRef | None
    retrieved: Literal | None
    publisher: str = ""
    language: str = ""


def _pid(prop: Node) -> str:
    return str(prop)[len(str(WDT)) :]


def statement_iri(s: Node, p: Node, o: Node) -> URIRef:
    """Return the IRI of the statement of a truthy triple: stable while the triple is."""
    key = " ".join(term.n3() for term in (s, p, o))
    return iris.entity("statement", hashlib.sha256(key.encode()).hexdigest()[:20])


def reference_iri(document: URIRef) -> URIRef:
    """Return the IRI of the reference to one document (shared by its statements)."""
    return iris.entity("reference", str(document).rstrip("/").rsplit("/", 1)[-1])


def sources(doc_graphs: Mapping[URIRef, Graph]) -> dict[URIRef, Source]:
    """Return each document graph's source: title, URL, Wikidata item, retrieval date."""
    found = {}
    for name, g in doc_graphs.items():
        for doc in g.subjects(RDF.type, DKG.SourceDocument):
            if not isinstance(doc, URIRef):
                continue  # a document is named by its IRI (iris.document)
            found[name] = Source(
                doc,
                literal_or_none(g.value(doc, DCTERMS.title)),
                iri_or_none(g.value(doc, SCHEMA.url)),
                iri_or_none(g.value(doc, SKOS.exactMatch)),
                literal_or_none(g.value(doc, DKG.retrieved)),
                str(g.value(doc, DCTERMS.publisher) or ""),
                str(g.value(doc, DCTERMS.language) or ""),
            )
    return found


def supports(
    doc_graphs: Mapping[URIRef, Graph], nodes: ViewNodes
) -> dict[Truthy, list[tuple[URIRef, Node]]]:
    """Map each truthy triple that documents' claims state to (document graph, claim) pairs."""
    by_property: dict[Node, list[tuple[URIRef, bool]]] = defaultdict(list)
    for wp, ours in SUPPORT.items():
        for prop, inverse in ours:
            by_property[prop].append((wp, inverse))
    found: dict[Truthy, list[tuple[URIRef, Node]]] = defaultdict(list)
    for name in sorted(doc_graphs):
        g = doc_graphs[name]  # one at a time: they may be made on demand
        parts: dict[Node, dict[Node, Node]] = defaultdict(dict)
        for part in (RDF.subject, RDF.predicate, RDF.object):
            for claim, value in g.subject_objects(part):
                parts[claim][part] = value
        for claim in sorted(parts, key=str):  # claims are IRIs: rdflib orders them so too
            s, p, o = (parts[claim].get(x) for x in (RDF.subject, RDF.predicate, RDF.object))
            if s is None or p is None or o is None:
                continue  # no triple: it could support no statement of the view
            for wp, inverse in by_property.get(p, ()):
                subject, value = (o, s) if inverse else (s, o)
                value = nodes.cls(value) if p == RDF.type else nodes.node(value)
                found[(nodes.node(subject), wp, value)].append((name, claim))
    return found


def _reference(g: Graph, source: Source, allowed: ReferenceProperties) -> URIRef:
    """Add the reference node of one document (once) and return it."""
    ref = reference_iri(source.document)
    if (ref, RDF.type, WIKIBASE.Reference) in g:
        return ref
    g.add((ref, RDF.type, WIKIBASE.Reference))
    values = {
        "P1476": source.title,  # title, as a monolingual text
        "P854": source.url,  # reference URL
        "P248": source.item,  # stated in: the document's own item
        "P813": _retrieved(source.retrieved),  # retrieved
    }
    for pid, value in sorted(values.items()):
        if value is not None and pid in allowed:
            g.add((ref, PR[pid], value))
    return ref


def _retrieved(value: Literal | None) -> Literal | None:
    """Write a retrieval day as Wikidata writes times: an xsd:dateTime at midnight UTC."""
    if value is None:
        return None
    return Literal(f"{value}T00:00:00Z", datatype=XSD.dateTime)


def qualifiers(facts: Graph, view: Graph, nodes: ViewNodes) -> dict[Truthy, list[tuple[str, Node]]]:
    """Return the dates of statements: (pq: property, date) per truthy triple.

    A relation between two states starts when a document says they established it; a
    position held starts and ends when its role does.
    """
    found: dict[Truthy, list[tuple[str, Node]]] = defaultdict(list)
    for event in facts.subjects(RDF.type, DKG.EstablishmentOfDiplomaticRelations):
        parties = sorted(facts.objects(event, DKG.participant), key=str)  # IRIs
        for when in facts.objects(event, DKG.date):
            if len(parties) == 2:
                a, b = (nodes.node(x) for x in parties)
                found[(a, WDT.P530, b)].append(("P580", when))
                found[(b, WDT.P530, a)].append(("P580", when))
    for person, role in facts.subject_objects(DKG.holdsRole):
        for prop, pid in VALUE_DATES:
            for when in facts.objects(role, prop):
                found[(nodes.node(person), WDT.P39, nodes.node(role))].append((pid, when))
    return found


def statements(
    view: Graph,
    facts: Graph,
    doc_graphs: Mapping[URIRef, Graph],
    nodes: ViewNodes,
    allowed: ReferenceProperties | None = None,
) -> Graph:
    """Return the statement nodes of every truthy triple of the view, with references."""
    allowed = reference_properties() if allowed is None else allowed
    support = supports(doc_graphs, nodes)
    dates = qualifiers(facts, view, nodes)
    by_graph = sources(doc_graphs)
    g = Graph(store="SimpleMemory")
    for s, wp, o in view:
        if not str(wp).startswith(str(WDT)):
            continue
        pid = _pid(wp)
        st = statement_iri(s, wp, o)
        g.add((s, P[pid], st))
        g.add((st, RDF.type, WIKIBASE.Statement))
        g.add((st, RDF.type, WIKIBASE.BestRank))  # every statement here is of the one rank
        g.add((st, WIKIBASE.rank, WIKIBASE.NormalRank))
        g.add((st, PS[pid], o))
        for qualifier, when in dates.get((s, wp, o), ()):
            g.add((st, PQ[qualifier], when))
        for name in sorted({name for name, _ in support.get((s, wp, o), ())}):
            g.add((st, PROV.wasDerivedFrom, _reference(g, by_graph[name], allowed)))
    return g
