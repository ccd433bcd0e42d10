"""Assemble the named graphs into one dataset and write it in every format, deterministically."""

import hashlib
import json
from decimal import Decimal

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, RDF, RDFS, VOID, XSD

from . import iris
from .resources import ONTOLOGY_DIR

LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
FILES = ("diplokg.trig", "diplokg.nq", "diplokg.ttl", "diplokg.nt", "diplokg.jsonld")


def _sorted_lines(data: str) -> str:
    return "".join(sorted(set(data.splitlines(keepends=True))))


def _canonical_json(value):
    """Sort JSON-LD objects and arrays so that equal graphs give equal bytes."""
    if isinstance(value, dict):
        # An @list is an RDF collection: its order is its meaning.
        return {
            k: [_canonical_json(v) for v in value[k]] if k == "@list" else _canonical_json(value[k])
            for k in sorted(value)
        }
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def version_of(graphs: dict[URIRef, Graph]) -> str:
    """Return a short content hash of the graphs: the dataset's version and ETag."""
    digest = hashlib.sha256()
    for name in sorted(graphs):
        digest.update(name.encode())
        digest.update(_sorted_lines(graphs[name].serialize(format="nt")).encode())
    return digest.hexdigest()[:16]


def describe(graphs: dict[URIRef, Graph], sources: list[URIRef], version: str) -> Graph:
    """Describe the dataset (VoID): title, licence, version, sources and each graph's size."""
    g = Graph()
    ds = iris.entity("dataset", "diplokg")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDFS.label, Literal("diplokg", lang="en")))
    g.add((ds, DCTERMS.title, Literal("diplokg: diplomatic relations with evidence", lang="en")))
    g.add((ds, DCTERMS.license, LICENSE))
    g.add((ds, DCTERMS.hasVersion, Literal(version)))
    g.add((ds, VOID.triples, Literal(sum(len(x) for x in graphs.values()), datatype=XSD.integer)))
    for source in sources:
        g.add((ds, DCTERMS.source, source))
    for name, graph in sorted(graphs.items()):
        g.add((ds, VOID.subset, name))
        g.add((name, RDF.type, VOID.Dataset))
        g.add((name, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    return g


def _bind(g: Graph) -> Graph:
    g.bind("dkg", "https://w3id.org/diplokg/ontology#")
    g.bind("id", iris.base() + "id/")
    g.bind("wd", "http://www.wikidata.org/entity/")
    g.bind("wdt", "http://www.wikidata.org/prop/direct/")
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
    if any(isinstance(o, Literal) and o.datatype == XSD.decimal for o in graph.objects()):
        fixed = Graph()
        for s, p, o in graph:
            is_decimal = isinstance(o, Literal) and o.datatype == XSD.decimal
            fixed.add((s, p, canonical_decimal(o) if is_decimal else o))
        graph = fixed
    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    stable = Graph()
    for triple in to_canonical_graph(graph):
        stable.add(triple)
    return stable


def to_dataset(graphs: dict[URIRef, Graph]) -> Dataset:
    """Put each graph under its name in one rdflib Dataset."""
    ds = _bind(Dataset())
    for name in sorted(graphs):
        target = ds.graph(name)
        for triple in graphs[name]:
            target.add(triple)
    return ds


def _turtle_parts(graph: Graph) -> tuple[list[str], str]:
    """Serialize one graph as Turtle; return its prefix lines and its body apart."""
    copy = _bind(Graph())
    for triple in graph:
        copy.add(triple)
    text = copy.serialize(format="turtle")
    prefixes = [line for line in text.splitlines() if line.startswith("@prefix")]
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix"))
    return prefixes, body.strip("\n")


def trig(graphs: dict[URIRef, Graph]) -> str:
    """Write TriG with graphs in name order, each serialized on its own.

    rdflib's TriG writer orders graphs and subjects by iteration and by reference counts shared
    across graphs, so its output changes between processes; Turtle of one graph does not.
    """
    prefixes: set[str] = set()
    blocks = []
    for name in sorted(graphs):
        lines, body = _turtle_parts(graphs[name])
        prefixes.update(lines)
        # No re-indentation: it would change the content of multi-line string literals.
        blocks.append(f"<{name}> {{\n{body}\n}}\n")
    return "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(blocks)


def serialize(graphs: dict[URIRef, Graph]) -> dict[str, bytes]:
    """Return every dump file's bytes: TriG and N-Quads with graphs, the rest as the union."""
    ds = to_dataset(graphs)
    union = _bind(Graph())
    for graph in graphs.values():
        for triple in graph:
            union.add(triple)
    context = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))
    jsonld = json.loads(union.serialize(format="json-ld", context=context["@context"]))
    return {
        "diplokg.trig": trig(graphs).encode(),
        "diplokg.nq": _sorted_lines(ds.serialize(format="nquads")).encode(),
        "diplokg.ttl": union.serialize(format="turtle").encode(),
        "diplokg.nt": _sorted_lines(union.serialize(format="nt")).encode(),
        "diplokg.jsonld": (
            json.dumps(_canonical_json(jsonld), ensure_ascii=False, indent=1) + "\n"
        ).encode(),
    }
