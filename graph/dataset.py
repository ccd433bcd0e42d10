"""Assemble the named graphs into one dataset and write it in every format, deterministically."""

import hashlib
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, RDF, RDFS, VOID, XSD

from . import iris
from .jsonld import compact_jsonld

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
FILES = ("diplokg.trig", "diplokg.nq", "diplokg.ttl", "diplokg.nt", "diplokg.jsonld")


def version_of(graphs: dict[URIRef, Graph]) -> str:
    """Return a short content hash of the graphs: the dataset's version and ETag."""
    nquads = ox.serialize(to_quads(graphs), format=ox.RdfFormat.N_QUADS)
    return hashlib.sha256(nquads).hexdigest()[:16]


def describe(graphs: dict[URIRef, Graph], sources: list[URIRef], version: str) -> Graph:
    """Describe the dataset (VoID): title, licence, version, sources and each graph's size."""
    g = Graph()
    ds = iris.entity("dataset", "diplokg")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDFS.label, Literal("diplokg", lang="en")))
    g.add((ds, DCTERMS.title, Literal("diplokg: diplomatic relations with evidence", lang="en")))
    g.add((ds, DCTERMS.license, LICENSE))
    g.add((ds, DCTERMS.hasVersion, Literal(version)))
    for source in sources:
        g.add((ds, DCTERMS.source, source))
    for name, graph in sorted(graphs.items()):
        g.add((ds, VOID.subset, name))
        g.add((name, RDF.type, VOID.Dataset))
        g.add((name, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    # The dataset's size is its default graph's: the merge (a set) of every graph, this one
    # included, as /sparql counts it, /.well-known/void reports it and the union dumps hold
    # it. A triple in two graphs counts once; the count's own triple counts too.
    merged = set(g)
    for graph in graphs.values():
        merged.update(graph)
    g.add((ds, VOID.triples, Literal(len(merged) + 1, datatype=XSD.integer)))
    return g


def canonical_decimal(literal: Literal) -> Literal:
    """Write an xsd:decimal in its canonical form, with a fractional part ("750.0").

    rdflib's Turtle writer abbreviates "750"^^xsd:decimal as 750.0, which reads back as
    another lexical form: the dumps would hold different terms for one value.
    """
    text = format(Decimal(str(literal)).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def stable_terms(graph: Graph) -> Graph:
    """Make a graph's terms stable: decimals in canonical form, blank nodes labelled by content."""
    decimals = bnodes = False
    for s, _, o in graph:
        if type(o) is Literal and o.datatype == XSD.decimal and canonical_decimal(o) != o:
            decimals = True
        if type(s) is BNode or type(o) is BNode:
            bnodes = True
    if not (decimals or bnodes):
        return graph
    if decimals:
        fixed = Graph()
        for s, p, o in graph:
            is_decimal = isinstance(o, Literal) and o.datatype == XSD.decimal
            fixed.add((s, p, canonical_decimal(o) if is_decimal else o))
        graph = fixed
    with_bnodes = {t for t in graph if any(isinstance(term, BNode) for term in t)}
    if not with_bnodes:
        return graph
    # Only the triples that touch a blank node need new labels; canonicalizing just those is
    # as deterministic as canonicalizing the whole graph, and far cheaper.
    stable = Graph()
    for triple in graph:
        if triple not in with_bnodes:
            stable.add(triple)
    part = Graph()
    for triple in with_bnodes:
        part.add(triple)
    for triple in to_canonical_graph(part):
        stable.add(triple)
    return stable


# The prefixes the dumps may use; a dump declares those its terms use.
PREFIXES = {
    "dcterms": str(DCTERMS),
    "dkg": "https://w3id.org/diplokg/ontology#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "p": "http://www.wikidata.org/prop/",
    "pq": "http://www.wikidata.org/prop/qualifier/",
    "pr": "http://www.wikidata.org/prop/reference/",
    "ps": "http://www.wikidata.org/prop/statement/",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "vann": "http://purl.org/vocab/vann/",
    "wikibase": "http://wikiba.se/ontology#",
    "void": str(VOID),
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "xsd": str(XSD),
}


_TERMS: dict = {}


def to_oxigraph(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Return the pyoxigraph term for an rdflib term (remembered: terms recur a lot)."""
    found = _TERMS.get(term)
    if found is None:
        found = _TERMS[term] = _convert(term)
    return found


def _convert(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype))
    return ox.Literal(str(term))


def to_quads(graphs: dict[URIRef, Graph]) -> list[ox.Quad]:
    """Return every graph's triples as quads, sorted: the order of every dump."""
    quads = []
    for name, graph in graphs.items():
        g = ox.NamedNode(name)
        quads.extend(ox.Quad(*map(to_oxigraph, triple), g) for triple in graph)
    quads.sort(key=lambda q: (q.graph_name.value, str(q.subject), str(q.predicate), str(q.object)))
    return quads


def _used_prefixes(quads: list[ox.Quad]) -> dict[str, str]:
    iris_used = {t.value for q in quads for t in (q.subject, q.predicate, q.object)
                 if isinstance(t, ox.NamedNode)}  # fmt: skip
    iris_used |= {q.object.datatype.value for q in quads if isinstance(q.object, ox.Literal)}
    return {p: ns for p, ns in PREFIXES.items() if any(i.startswith(ns) for i in iris_used)}


def serialize(graphs: dict[URIRef, Graph]) -> dict[str, bytes]:
    """Return every dump file's bytes: TriG and N-Quads with graphs, the rest as the union.

    pyoxigraph writes Turtle, TriG and N-Triples from sorted quads, so equal graphs give equal
    bytes; it is an order of magnitude faster than rdflib's writers. JSON-LD is compacted with
    the project's @context by graph/jsonld.py.
    """
    quads = to_quads(graphs)
    prefixes = _used_prefixes(quads)
    triples, seen = [], set()
    for q in sorted(quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object))):
        if q.triple not in seen:
            seen.add(q.triple)
            triples.append(q.triple)
    return {
        "diplokg.trig": ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=prefixes),
        "diplokg.nq": ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
        "diplokg.ttl": ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes),
        "diplokg.nt": ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES),
        "diplokg.jsonld": compact_jsonld(triples),
    }
