"""Dumps: each parses back, equals the served dataset, has a gzip twin, and is listed."""

import gzip
import json
from decimal import Decimal

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import run_cli
from diplokg.graph.publish.dumps import DUMPS, EXPORT_FORMATS
from diplokg.graph.query.engine import load_store

DECIMAL = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
INTEGERS = [
    ox.NamedNode(f"http://www.w3.org/2001/XMLSchema#{t}")
    for t in ("integer", "positiveInteger", "nonNegativeInteger", "int", "long")
]
UNION = ("diplokg.ttl", "diplokg.nt", "diplokg.jsonld")


@pytest.fixture(scope="module")
def served(built):
    """Return the served dataset as the store holds it: its quads and its default graph."""
    store = load_store(built / "current" / "diplokg.trig")
    quads = {
        q for q in store.quads_for_pattern(None, None, None) if q.graph_name != ox.DefaultGraph()
    }
    union = {q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return quads, union


def _same_decimal(term):
    """Write a number by its value, as pyoxigraph's store does.

    The store keeps "16000"^^xsd:decimal where the dump says "16000.0", and an
    xsd:positiveInteger as an xsd:integer: the same values in the store's own terms.
    """
    if isinstance(term, ox.Literal) and term.datatype == DECIMAL:
        return ox.Literal(format(Decimal(term.value).normalize(), "f"), datatype=DECIMAL)
    if isinstance(term, ox.Literal) and term.datatype in INTEGERS:
        return ox.Literal(str(int(term.value)), datatype=INTEGERS[0])
    return term


def _graph(triples) -> Graph:
    triples = [ox.Triple(t.subject, t.predicate, _same_decimal(t.object)) for t in triples]
    data = ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data, format="nt")


@pytest.mark.parametrize("name", UNION)
def test_union_dump_is_isomorphic_to_the_served_default_graph(built, served, name):
    """Turtle, N-Triples and JSON-LD parse back into the graph a query without FROM sees."""
    fmt = ox.RdfFormat.from_extension(name.rsplit(".", 1)[-1])
    dumped = [q.triple for q in ox.parse(path=str(built / "current" / name), format=fmt)]
    # Both sides go through pyoxigraph's terms, so lexical forms compare as the server has them.
    assert isomorphic(_graph(dumped), _graph(served[1]))


@pytest.mark.parametrize(
    ("name", "fmt"), [("diplokg.trig", ox.RdfFormat.TRIG), ("diplokg.nq", ox.RdfFormat.N_QUADS)]
)
def test_graph_dumps_hold_every_named_graph(built, served, name, fmt):
    """TriG and N-Quads hold each named graph as the server has it."""
    dumped = list(ox.parse(path=str(built / "current" / name), format=fmt))
    served_graphs = {q.graph_name.value for q in served[0]}
    assert {q.graph_name.value for q in dumped} == served_graphs
    for graph in sorted(served_graphs):
        ours = [q.triple for q in dumped if q.graph_name.value == graph]
        theirs = [q.triple for q in served[0] if q.graph_name.value == graph]
        assert isomorphic(_graph(ours), _graph(theirs)), graph


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_gzip_twin_holds_the_same_bytes(built, name):
    """Each dump's .gz twin decompresses to the dump, and has no time stamp in its header."""
    release = built / "current"
    packed = (release / f"{name}.gz").read_bytes()
    assert gzip.decompress(packed) == (release / name).read_bytes()
    assert packed[4:8] == b"\0\0\0\0"  # MTIME = 0: two builds give the same bytes


def test_index_lists_sizes_and_counts_that_hold(built, served):
    """dumps.json gives each file's size and its triple or quad count, as parsing finds them."""
    release = built / "current"
    index = json.loads((release / "dumps.json").read_text())
    assert set(index) == set(DUMPS) | {f"{n}.gz" for n in DUMPS}
    for name, info in index.items():
        assert info["bytes"] == (release / name).stat().st_size
    for name in UNION:
        assert index[name]["triples"] == len(served[1])
    assert index["diplokg.nq"]["quads"] == index["diplokg.trig"]["quads"] == len(served[0])


@pytest.mark.parametrize("fmt", sorted(EXPORT_FORMATS))
def test_export_writes_the_published_dump(built, tmp_path, capsys, fmt):
    """diplokg export --dump FMT [--gzip] writes the same bytes as the published file."""
    target = tmp_path / f"out.{fmt}.gz"
    code, _, err = run_cli(
        capsys, "export", "--dump", fmt, "--gzip", "--data", built, "--output", target
    )
    assert code == 0, err
    name = EXPORT_FORMATS[fmt]
    assert target.read_bytes() == (built / "current" / f"{name}.gz").read_bytes()


def test_export_of_an_unknown_format_is_exit_2(built, capsys):
    """An unknown dump format is a usage error naming the formats there are."""
    code, _, err = run_cli(capsys, "export", "--dump", "rdfxml", "--data", built)
    assert code == 2
    assert "ttl" in err


def test_downloads_page_lists_every_dump(built):
    """/dumps/ lists each dump with its size and count."""
    from diplokg.server import create_app

    client = create_app({"DATA": str(built)}).test_client()
    body = client.get("/dumps/").data.decode()
    index = json.loads((built / "current" / "dumps.json").read_text())
    for name, info in index.items():
        assert f'href="/dumps/{name}"' in body
        assert f"{info['bytes']:,} bytes" in body
