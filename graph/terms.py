"""Write RDF terms one way everywhere: canonical decimals, stable blank nodes, the dumps' prefixes,
and rdflib terms as pyoxigraph's. Every stage may import it; it imports no stage.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, RDF, RDFS, VOID, XSD
from rdflib.term import Identifier, Node

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def iri_or_none(node: Node | None) -> URIRef | None:
    """Return a graph's value if it is an IRI, else None (what Graph.value() gives is a Node)."""
    return node if isinstance(node, URIRef) else None


def literal_or_none(node: Node | None) -> Literal | None:
    """Return a graph's value if it is a literal, else None."""
    return node if isinstance(node, Literal) else None


def ordered(nodes: Iterable[Node]) -> list[Identifier]:
    """Sort a graph's terms in rdflib's order (by kind, then value): every term of a graph is
    an Identifier (IRI, blank node, literal), the class that defines the order."""
    return sorted(n for n in nodes if isinstance(n, Identifier))


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
            if isinstance(o, Literal) and o.datatype == XSD.decimal:
                o = canonical_decimal(o)
            fixed.add((s, p, o))
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


def to_oxigraph(term: Node, memo: dict[Node, OxTerm] | None = None) -> OxTerm:
    """Return the pyoxigraph term for an rdflib term, remembered in memo when given (terms
    recur a lot within one conversion; a memo kept for the process's life would hold every
    term of every document read, twice)."""
    if memo is None:
        return _convert(term)
    found = memo.get(term)
    if found is None:
        found = memo[term] = _convert(term)
    return found


def converter() -> Callable[[Node], OxTerm]:
    """Return a function converting rdflib terms to pyoxigraph's, with its own memo."""
    memo: dict[Node, OxTerm] = {}
    return lambda term: to_oxigraph(term, memo)


def triple_terms(
    triple: tuple[Node, Node, Node], convert: Callable[[Node], OxTerm]
) -> tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, OxTerm]:
    """Return an rdflib triple's terms as pyoxigraph's (for ox.Triple, ox.Quad): a subject that
    is an IRI or a blank node, a predicate that is an IRI, an object."""
    s, p, o = convert(triple[0]), convert(triple[1]), convert(triple[2])
    if isinstance(s, ox.Literal) or not isinstance(p, ox.NamedNode):
        raise TypeError(f"not an RDF triple: {triple!r}")
    return s, p, o


def _convert(term: Node) -> OxTerm:
    if isinstance(term, URIRef):
        return ox.NamedNode(term)
    if isinstance(term, BNode):
        return ox.BlankNode(term)
    if not isinstance(term, Literal):
        raise TypeError(f"no pyoxigraph term for {term!r}")
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype))
    return ox.Literal(str(term))
