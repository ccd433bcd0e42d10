"""Hold every document's graph through a build without holding them all as rdflib graphs.

A document graph is about 1,150 triples (its text, every claim and passage); as an rdflib
graph it takes about 2 MB, so a thousand documents took 2 GB of the building process. Most of
the build needs only a document's facts (reasoning, the union's shapes, the Wikidata view,
linking wars) or reads each document once (its own shapes, the statements' references, the
dumps). So a document graph is kept as its N-Triples, compressed (about 15 KB), beside its
facts and the skeleton the union's shapes see, made once when the graph arrives; the whole
graph is parsed again (by pyoxigraph, three times faster than rdflib's parser) only for the
few documents a withdrawal changes, and the dumps read its triples straight from N-Triples.
The claims' parts (claim, subject, predicate, object) are kept too, for the references of
the Wikidata view's statements.
"""

import zlib
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import NamedTuple, TypeVar

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from ..claims.evidence import facts_of
from ..terms import stable_terms
from ..vocab import DKG
from .pool import serialize

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
K = TypeVar("K")
V = TypeVar("V")
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
RdflibTerm = URIRef | BNode | Literal


def _to_rdflib(term: OxTerm, memo: dict[OxTerm, RdflibTerm]) -> RdflibTerm:
    found = memo.get(term)
    if found is None:
        if isinstance(term, ox.NamedNode):
            found = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            found = BNode(term.value)
        elif isinstance(term, ox.Triple):
            raise ValueError(f"a triple term (RDF-star) in a document graph: {term}")
        elif term.language:
            found = Literal(term.value, lang=term.language)
        elif term.datatype.value == XSD_STRING:
            found = Literal(term.value)
        else:
            found = Literal(term.value, datatype=URIRef(term.datatype.value))
        memo[term] = found
    return found


def parse_ntriples(data: bytes) -> Graph:
    """Parse N-Triples into a context-free rdflib graph: pyoxigraph reads, and the terms are
    made once each."""
    g = Graph(store="SimpleMemory")
    memo: dict[OxTerm, RdflibTerm] = {}
    add = g.add
    for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES):
        add((_to_rdflib(t.subject, memo), _to_rdflib(t.predicate, memo),
             _to_rdflib(t.object, memo)))  # fmt: skip
    return g


class ClaimParts(NamedTuple):
    """A claim of a document graph and its reified triple's parts (None when it states none)."""

    claim: Node
    subject: Node | None
    predicate: Node | None
    object: Node | None


class DocumentGraphs(Mapping[URIRef, Graph]):
    """Document graph name -> its graph, in the corpus's order; a graph is parsed anew from
    compressed N-Triples each time it is asked for, so read each one once."""

    def __init__(self) -> None:
        self._data: dict[URIRef, bytes] = {}
        self._facts: dict[URIRef, Graph] = {}
        self._skeletons: dict[URIRef, Graph] = {}
        self._claims: dict[URIRef, list[ClaimParts]] = {}

    def put(self, name: URIRef, graph: Graph, ntriples: str | None = None) -> None:
        """Hold a document's graph (its N-Triples when already made, as a worker sends
        them). Its terms are made stable first, as every published graph's are."""
        stable = stable_terms(graph)
        if stable is not graph or ntriples is None:
            ntriples = serialize(stable)
        self._data[name] = zlib.compress(ntriples.encode(), 1)
        self._facts[name] = facts_of(stable)
        self._skeletons[name] = facts_of(stable, skeleton=True)
        self._claims[name] = _claims(stable)

    def ordered(self, names: list[URIRef]) -> "DocumentGraphs":
        """Return the same graphs in the order of names (the corpus's)."""
        new = DocumentGraphs()
        for name in names:
            new._data[name] = self._data[name]
            new._facts[name] = self._facts[name]
            new._skeletons[name] = self._skeletons[name]
            new._claims[name] = self._claims[name]
        return new

    def ntriples(self, name: URIRef) -> bytes:
        """Return a document graph's N-Triples."""
        return zlib.decompress(self._data[name])

    def __getitem__(self, name: URIRef) -> Graph:
        return parse_ntriples(self.ntriples(name))

    def __iter__(self) -> Iterator[URIRef]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def facts(self, name: URIRef) -> Graph:
        """Return a document's facts: its graph without claims, passages and text."""
        return self._facts[name]

    def skeleton(self, name: URIRef) -> Graph:
        """Return what the union's shapes see of a document: facts, one claim a thing."""
        return self._skeletons[name]

    def about(self, nodes: Collection[Node]) -> dict[URIRef, Graph]:
        """Return, parsed, the graphs of the documents whose facts say something of one of
        the nodes (every claim's triple is one of its document's facts)."""
        return {
            name: self[name]
            for name, facts in self._facts.items()
            if any((node, None, None) in facts for node in nodes)
        }

    def for_statements(self) -> Mapping[URIRef, Graph]:
        """Return document graph name -> what the Wikidata view's statements read of a
        document: its description and its claims' parts (subject, predicate, object)."""
        return Lazy(self, self._for_statements)

    def _for_statements(self, name: URIRef) -> Graph:
        g = Graph(store="SimpleMemory")
        facts = self._facts[name]
        for doc in facts.subjects(RDF.type, DKG.SourceDocument):
            for triple in facts.triples((doc, None, None)):
                g.add(triple)
        for c in self._claims[name]:
            for part, value in (
                (RDF.subject, c.subject),
                (RDF.predicate, c.predicate),
                (RDF.object, c.object),
            ):
                if value is not None:
                    g.add((c.claim, part, value))
        return g


def _claims(g: Graph) -> list[ClaimParts]:
    """Return the claim, subject, predicate and object of every claim of a document graph."""
    parts: dict[Node, list[Node | None]] = {}
    for i, part in enumerate((RDF.subject, RDF.predicate, RDF.object)):
        for claim, value in g.subject_objects(part):
            parts.setdefault(claim, [None, None, None])[i] = value
    return [ClaimParts(claim, *spo) for claim, spo in parts.items()]


class Lazy(Mapping[K, V]):
    """A mapping over the same keys as another, whose values a function makes on demand."""

    def __init__(self, keys: Collection[K], make: Callable[[K], V]):
        self._keys, self._make = keys, make

    def __getitem__(self, key: K) -> V:
        return self._make(key)

    def __iter__(self) -> Iterator[K]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)
