"""Linked Data over real HTTP: every IRI of ours dereferences, RDF/XML and JSON-LD read back,
and the dataset's size is one number everywhere."""

import json
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from test_web_server import web  # noqa: F401  (the session's server fixture)

from conftest import get
from diplokg.graph import iris

BASE = iris.DEFAULT_BASE
VOID_TRIPLES = "http://rdfs.org/ns/void#triples"


def _our_iris(built) -> set[str]:
    found = set()
    for quad in ox.parse(path=str(built / "current" / "diplokg.nq"), format=ox.RdfFormat.N_QUADS):
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, ox.NamedNode) and term.value.startswith(BASE):
                found.add(term.value)
    return found


def _dereference(web, iri: str) -> tuple[str, str | None]:  # noqa: F811
    """GET an IRI of ours as a Linked Data client does; return it and what went wrong, if
    anything: a status other than 200, or RDF that says nothing of the IRI."""
    document = iri.split("#", 1)[0]
    path = "/" + document[len(BASE) :]
    graph_name = path.startswith("/graph/")
    accept = "application/n-quads" if graph_name else "application/n-triples"
    status, headers, body = get(web + urllib.parse.quote(path, safe="/:"), accept)
    if status != 200:
        return iri, f"{status}"
    if not headers["Content-Type"].startswith(accept):
        return iri, f"answered {headers['Content-Type']}"
    text = body.decode()
    if not graph_name and f"<{iri}>" not in text:
        return iri, "its RDF does not mention it"
    if graph_name and not text.rstrip().endswith(f"<{iri}> ."):
        return iri, "its N-Quads are not the graph's"
    return iri, None


def test_every_iri_of_the_dataset_under_the_base_dereferences(web, built):  # noqa: F811
    """Walk every IRI under the base (entities, claims, passages, statements, graphs, the
    ontology and its terms and version): each answers 200 with RDF that names it."""
    ours = _our_iris(built)
    assert len(ours) > 1000
    assert any(i.startswith(BASE + "graph/") for i in ours)
    assert BASE + "ontology/0.1.0" in ours
    with ThreadPoolExecutor(max_workers=4) as pool:
        failures = [(i, why) for i, why in pool.map(lambda i: _dereference(web, i), sorted(ours))
                    if why]  # fmt: skip
    assert failures == [], f"{len(failures)} of {len(ours)} IRIs fail, e.g. {failures[:10]}"


@pytest.mark.parametrize(
    "path",
    [
        "/id/state/belgium",
        "/id/mission/belgium-embassy-canada",
        "/id/dataset/diplokg",
        "/ontology",
        "/ontology/0.1.0",
        "/graph/metadata",
        "/graph/reference",
    ],
)
def test_rdf_xml_parses_back_isomorphic(web, path):  # noqa: F811
    """The RDF/XML twin (.rdf, or Accept: application/rdf+xml) holds the N-Triples' graph."""
    status, headers, xml = get(web + path, "application/rdf+xml")
    assert status == 200 and headers["Content-Type"].startswith("application/rdf+xml")
    by_suffix = get(f"{web}{path}.rdf")[2]
    nt = get(web + path, "application/n-triples")[2]
    expected = Graph().parse(data=nt, format="nt")
    assert len(expected) > 5
    assert isomorphic(Graph().parse(data=xml, format="xml"), expected)
    assert isomorphic(Graph().parse(data=by_suffix, format="xml"), expected)


def test_entity_json_ld_is_compacted_with_the_project_context(web):  # noqa: F811
    status, _, body = get(web + "/id/mission/belgium-embassy-canada.jsonld")
    assert status == 200
    doc = json.loads(body)
    from diplokg.graph.publish.jsonld import load_context

    assert doc["@context"] == load_context()
    ids = {node["@id"] for node in doc["@graph"]}
    assert "id:mission/belgium-embassy-canada" in ids  # a prefixed name, not the full IRI
    nt = get(web + "/id/mission/belgium-embassy-canada.nt")[2]
    assert isomorphic(
        Graph().parse(data=body, format="json-ld"), Graph().parse(data=nt, format="nt")
    )


@pytest.mark.parametrize(("accept", "fmt"), [("application/trig", "trig"),
                                             ("application/n-quads", "nquads")])  # fmt: skip
def test_a_named_graph_answers_its_quads_by_accept(web, accept, fmt):  # noqa: F811
    """/graph/<name> with a dataset's Accept gives exactly that graph's triples, in it."""
    name = BASE + "graph/reference"
    status, headers, body = get(web + "/graph/reference", accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    served = Dataset().parse(data=body, format=fmt)
    assert {str(g.identifier) for g in served.graphs() if len(g)} == {name}
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
    nt = get(f"{web}/sparql?{urllib.parse.urlencode({'query': query})}", "application/n-triples")
    expected = Graph().parse(data=nt[2], format="nt")
    assert len(expected) > 100
    assert isomorphic(served.graph(URIRef(name)), expected)


def test_a_named_graph_has_a_page_with_its_size_and_source(web):  # noqa: F811
    status, _, body = get(web + "/graph/metadata", "text/html")
    assert status == 200 and b"triples" in body
    index = get(web + "/id/dataset/diplokg", "text/html")[2].decode()
    doc_graph = next(p for p in index.split('"') if p.startswith("/graph/document/"))
    status, _, body = get(web + doc_graph, "text/html")
    assert status == 200 and b'href="/id/document/' in body
    status, _, body = get(web + "/graph/no-such-graph", "text/html")
    assert status == 404 and b"graph/metadata" in body


def test_one_triple_count_everywhere(web, built):  # noqa: F811
    """The metadata graph, /.well-known/void, the dumps' index, the dataset page and a COUNT
    over /sparql give the dataset one size."""
    dataset = BASE + "id/dataset/diplokg"
    meta = Dataset().parse(built / "current" / "diplokg.trig", format="trig")
    in_metadata = {
        int(o) for s, p, o in meta.graph(BASE + "graph/metadata")
        if str(s) == dataset and str(p) == VOID_TRIPLES
    }  # fmt: skip
    void = Graph().parse(data=get(web + "/.well-known/void")[2], format="turtle")
    in_void = {int(o) for s, p, o in void if str(s) == dataset and str(p) == VOID_TRIPLES}
    index = json.loads(get(web + "/dumps/dumps.json")[2])
    in_dumps = {v["triples"] for v in index.values() if "triples" in v}
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    answer = json.loads(get(f"{web}/sparql?{query}", "application/sparql-results+json")[2])
    counted = int(answer["results"]["bindings"][0]["n"]["value"])
    page = get(web + "/id/dataset/diplokg", "text/html")[2].decode()
    assert in_metadata == in_void == in_dumps == {counted}
    assert f'<span id="dataset-triples">{counted:,}</span>' in page


def test_favicon_and_robots(web):  # noqa: F811
    status, headers, body = get(web + "/favicon.ico")
    assert status == 200 and headers["Content-Type"] == "image/x-icon"
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO header
    status, _, body = get(web + "/robots.txt")
    assert status == 200 and b"Disallow: /sparql" in body
