"""Assemble the named graphs into one dataset and write it in every format, deterministically."""

import hashlib
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, VOID, XSD
from rdflib.term import Node

from .. import iris
from ..terms import PREFIXES, converter, triple_terms
from .jsonld import compact_jsonld

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
FILES = ("diplokg.trig", "diplokg.nq", "diplokg.ttl", "diplokg.nt", "diplokg.jsonld")


def version_of(graphs: "dict[URIRef, Graph] | Quads") -> str:
    """Return a short content hash of the graphs: the dataset's version and ETag.

    The hash is of the dataset's N-Quads, written into the hash as they are made, never held
    whole (at a thousand documents they are half a gigabyte).
    """
    quads = graphs if isinstance(graphs, Quads) else Quads(graphs)
    sha = hashlib.sha256()
    for data in quads.nquads():
        sha.update(data)
    return sha.hexdigest()[:16]


def describe(
    graphs: dict[URIRef, Graph], sources: list[URIRef], version: str, quads: "Quads | None" = None
) -> Graph:
    """Describe the dataset (VoID): title, licence, version, sources and each graph's size.

    With quads (the graphs' quads, already made), the sizes are counted on them and graphs is
    not read: a build does not hold its document graphs as rdflib graphs.
    """
    g = Graph()
    ds = iris.entity("dataset", "diplokg")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDFS.label, Literal("diplokg", lang="en")))
    g.add((ds, DCTERMS.title, Literal("diplokg: diplomatic relations with evidence", lang="en")))
    g.add((ds, DCTERMS.license, LICENSE))
    g.add((ds, DCTERMS.hasVersion, Literal(version)))
    for source in sources:
        g.add((ds, DCTERMS.source, source))
    sizes = quads.sizes() if quads is not None else {n: len(g) for n, g in graphs.items()}
    for name, size in sorted(sizes.items()):
        g.add((ds, VOID.subset, name))
        g.add((name, RDF.type, VOID.Dataset))
        g.add((name, VOID.triples, Literal(size, datatype=XSD.integer)))
    # The dataset's size is its default graph's: the merge (a set) of every graph, this one
    # included, as /sparql counts it, /.well-known/void reports it and the union dumps hold
    # it. A triple in two graphs counts once; the count's own triple counts too.
    if quads is None:
        merged: set[tuple[Node, Node, Node]] = set(g)
        for graph in graphs.values():
            merged.update(graph)
        count = len(merged)
    else:  # the N-Triples lines of the graphs' triples and of this one's
        lines = quads.union_lines()
        lines.update(_nt_lines(ds, Quads({ds: g}).by_graph[ds]))
        count = len(lines)
    g.add((ds, VOID.triples, Literal(count + 1, datatype=XSD.integer)))
    return g


def _sort_quads(quads: list[ox.Quad]) -> list[ox.Quad]:
    quads.sort(key=lambda q: (str(q.subject), str(q.predicate), str(q.object)))
    return quads


def _nt_lines(name: URIRef, nquads: bytes) -> list[bytes]:
    """Return a graph's N-Quads lines as N-Triples lines (without the graph's name)."""
    tail = f" <{name}> .".encode()
    return [line[: -len(tail)] + b" ." for line in nquads.splitlines()]


class Quads:
    """Every graph's triples as N-Quads, in the order of every dump: by graph name, then
    subject, predicate and object. Each graph is converted and sorted once, alone, and kept
    as its N-Quads (a pyoxigraph quad takes about 540 bytes, its line about 250), so that the
    dumps are written from them without holding every quad of the dataset as an object."""

    def __init__(self, graphs: dict[URIRef, Graph] | None = None):
        self.by_graph: dict[URIRef, bytes] = {}
        convert = converter()
        for name, graph in (graphs or {}).items():
            g = ox.NamedNode(name)
            self._put(name, [ox.Quad(*triple_terms(t, convert), g) for t in graph])

    def _put(self, name: URIRef, quads: list[ox.Quad]) -> None:
        data = ox.serialize(_sort_quads(quads), format=ox.RdfFormat.N_QUADS)  # bytes: no output
        self.by_graph[name] = data or b""

    def add(self, name: URIRef, graph: Graph) -> None:
        """Add (or replace) one graph."""
        convert, g = converter(), ox.NamedNode(name)
        self._put(name, [ox.Quad(*triple_terms(t, convert), g) for t in graph])

    def add_ntriples(self, name: URIRef, data: bytes) -> None:
        """Add (or replace) one graph given as N-Triples (no rdflib terms made)."""
        g = ox.NamedNode(name)
        triples = ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
        self._put(name, [ox.Quad(t.subject, t.predicate, t.object, g) for t in triples])

    def names(self) -> list[URIRef]:
        """Return the graphs' names in the dumps' order."""
        return sorted(self.by_graph, key=str)

    def nquads(self) -> Iterator[bytes]:
        """Yield the N-Quads of every graph, in the dumps' order."""
        for name in self.names():
            yield self.by_graph[name]

    def sizes(self) -> dict[URIRef, int]:
        """Return each graph's number of triples."""
        return {name: data.count(b"\n") for name, data in self.by_graph.items()}

    def graph_quads(self, name: URIRef) -> Iterator[ox.Quad]:
        """Yield one graph's quads."""
        return ox.parse(self.by_graph[name], format=ox.RdfFormat.N_QUADS)

    def union_lines(self) -> set[bytes]:
        """Return the N-Triples lines of every distinct triple of every graph."""
        lines: set[bytes] = set()
        for name, data in self.by_graph.items():
            lines.update(_nt_lines(name, data))
        return lines

    def __iter__(self) -> Iterator[ox.Quad]:
        for name in self.names():
            yield from self.graph_quads(name)


def to_quads(graphs: dict[URIRef, Graph]) -> list[ox.Quad]:
    """Return every graph's triples as quads, sorted: the order of every dump."""
    return list(Quads(graphs))


def _used_prefixes(statements: Iterable[ox.Quad]) -> dict[str, str]:
    """Return the prefixes whose namespaces the statements' IRIs use (one pass: statements
    may be a stream)."""
    iris_used: set[str] = set()
    for q in statements:
        for t in (q.subject, q.predicate, q.object):
            if isinstance(t, ox.NamedNode):
                iris_used.add(t.value)
            elif isinstance(t, ox.Literal):
                iris_used.add(t.datatype.value)
    return {p: ns for p, ns in PREFIXES.items() if any(i.startswith(ns) for i in iris_used)}


def serialize(graphs: dict[URIRef, Graph], quads: Quads | None = None) -> dict[str, bytes]:
    """Return every dump file's bytes (see write_dumps, which writes them to files)."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_dumps(Quads(graphs) if quads is None else quads, Path(tmp))
        return {name: path.read_bytes() for name, path in paths.items()}


def write_dumps(quads: Quads, folder: Path) -> dict[str, Path]:
    """Write every dump file into folder; return their paths by file name. TriG and N-Quads
    hold the graphs, the rest the union: every distinct triple once, sorted by subject,
    predicate and object.

    pyoxigraph writes Turtle, TriG, N-Triples and N-Quads from sorted statements, so equal
    graphs give equal bytes; it is an order of magnitude faster than rdflib's writers. JSON-LD
    is compacted with the project's @context by graph/publish/jsonld.py. Each file is written as a
    stream, from the graphs' N-Quads or from the file written before it, never held whole:
    at a thousand documents the five dumps are over a gigabyte.

    The union is sorted as N-Triples lines: a line is its three terms with one space between,
    and no term is a prefix of another followed by a character below the space, so the lines'
    order is the order of (subject, predicate, object) as text.
    """
    paths = {name: folder / name for name in FILES}
    with open(paths["diplokg.nq"], "wb") as out:
        for data in quads.nquads():
            out.write(data)
    lines = sorted(quads.union_lines())
    with open(paths["diplokg.nt"], "wb") as out:
        for line in lines:
            out.write(line + b"\n")
    del lines
    nt = ox.RdfFormat.N_TRIPLES
    prefixes = _used_prefixes(ox.parse(path=paths["diplokg.nt"], format=nt))
    ox.serialize(
        ox.parse(path=paths["diplokg.nq"], format=ox.RdfFormat.N_QUADS),
        paths["diplokg.trig"],
        format=ox.RdfFormat.TRIG,
        prefixes=prefixes,
    )
    ox.serialize(
        ox.parse(path=paths["diplokg.nt"], format=nt),
        paths["diplokg.ttl"],
        format=ox.RdfFormat.TURTLE,
        prefixes=prefixes,
    )
    paths["diplokg.jsonld"].write_bytes(
        compact_jsonld(ox.parse(path=paths["diplokg.nt"], format=nt))
    )
    return paths
