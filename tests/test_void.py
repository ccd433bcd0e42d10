"""The VoID/DCAT description: its figures equal counts computed by SPARQL on the dataset."""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, VOID

from diplokg.graph import iris
from diplokg.graph.query.engine import load_store
from diplokg.graph.vocab import DKG

WD = "http://www.wikidata.org/entity/"


@pytest.fixture(scope="module")
def described(built):
    """Return the description as served, parsed, with the store it describes."""
    from diplokg.server import create_app

    client = create_app({"DATA": str(built)}).test_client()
    resp = client.get("/.well-known/void")
    assert resp.status_code == 200 and resp.mimetype == "text/turtle"
    return Graph().parse(data=resp.data, format="turtle"), load_store(
        built / "current" / "diplokg.trig"
    )


def count(store, query: str) -> int:
    return int(next(iter(store.query(query)))[0].value)


def test_totals_equal_sparql_counts(described):
    """void:triples, void:entities and the Wikidata linkset equal SPARQL counts."""
    g, store = described
    ds = URIRef(iris.entity("dataset", "diplokg"))
    ids = iris.base() + "id/"
    assert g.value(ds, VOID.triples) == Literal(
        count(store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    )
    entities = count(
        store,
        f'SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{ids}")) }}',
    )
    assert g.value(ds, VOID.entities).toPython() == entities
    links = count(
        store,
        "SELECT (COUNT(*) AS ?n) { ?s <http://www.w3.org/2004/02/skos/core#exactMatch> ?o "
        f'FILTER(STRSTARTS(STR(?o), "{WD}")) }}',
    )
    linksets = list(g.subjects(RDF.type, VOID.Linkset))
    assert len(linksets) == 1 and g.value(linksets[0], VOID.triples).toPython() == links > 0


def test_entities_per_class_equal_sparql_counts(described):
    """Each class partition's void:entities equals the count of its instances."""
    g, store = described
    parts = list(g.objects(None, VOID.classPartition))
    assert len(parts) > 10
    ids = iris.base() + "id/"
    for part in parts:
        cls = g.value(part, VOID["class"])
        n = count(
            store,
            f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <{cls}> "
            f'FILTER(STRSTARTS(STR(?s), "{ids}")) }}',
        )
        assert g.value(part, VOID.entities).toPython() == n, cls


def test_named_graphs_licence_sources_and_dumps_are_described(described):
    """Each named graph is a subset with its size; licence, sources and dumps are given."""
    g, store = described
    ds = URIRef(iris.entity("dataset", "diplokg"))
    for row in store.query("SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"):
        graph = URIRef(row["g"].value)
        assert (ds, VOID.subset, graph) in g
        assert g.value(graph, VOID.triples).toPython() == int(row["n"].value)
    assert g.value(ds, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    sources = set(g.objects(ds, DCTERMS.source))
    documents = f"SELECT (COUNT(*) AS ?n) {{ ?d a <{DKG.SourceDocument}> }}"
    assert len(sources) == count(store, documents) == 3
    distributions = list(g.objects(ds, DCAT.distribution))
    assert len(distributions) == 10
    assert all(g.value(d, DCAT.byteSize) is not None for d in distributions)
    assert len(list(g.objects(ds, VOID.dataDump))) == 5
