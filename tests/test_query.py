"""Queries see the default graph as the merge of all graphs, as SPARQL's dataset says."""

import json

from diplokg.graph.publish.release import current_release
from diplokg.graph.query.engine import WorkerStore, answer, load_dataset, run_query

EMBASSY = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
SELECT ?m ?city WHERE {
  ?m a dkg:Embassy ; dkg:sendingEntity <https://w3id.org/diplokg/id/state/belgium> ;
     dkg:city <https://w3id.org/diplokg/id/city/ca-ottawa> }"""


def bindings(data, query: str) -> list:
    body, _ = run_query(load_dataset(data).store, query, "json")
    return json.loads(body)["results"]["bindings"]


def test_fact_stated_by_several_documents_matches_once(built):
    """Belgium's embassy in Ottawa, stated by all three documents, is one solution."""
    assert len(bindings(built, EMBASSY)) == 1


def test_from_narrows_the_default_graph_to_one_document(built):
    """FROM <document graph> makes that graph alone the default graph."""
    graph = "https://w3id.org/diplokg/graph/document/001_c79dc30b814765aa"
    narrowed = EMBASSY.replace("SELECT ?m ?city", f"SELECT ?m ?city FROM <{graph}>")
    assert len(bindings(built, narrowed)) == 1
    metadata = "https://w3id.org/diplokg/graph/metadata"
    assert not bindings(built, EMBASSY.replace("SELECT ?m ?city", f"SELECT * FROM <{metadata}>"))


def worker_store(data) -> WorkerStore:
    return WorkerStore(current_release(data) / "diplokg.trig")


def test_protocol_default_graphs_merge_as_a_set(built):
    """Several default graphs form their RDF merge: a fact all documents state matches once."""
    state = worker_store(built)
    documents = [g.value for g in state.graphs if "/graph/document/" in g.value]
    assert len(documents) == 3
    got = answer(state, (EMBASSY, "SELECT", "json", documents, [], 100))
    assert len(json.loads(got.body)["results"]["bindings"]) == 1
    graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    # The merge made for the request is no graph a query can see.
    assert answer(state, (graphs, "SELECT", "json", None, None, 100)).rows == len(state.graphs)


def test_row_limit_cuts_and_keeps_every_term_intact(built):
    """Under the limit the answer equals the whole result; over it, it is cut and says so."""
    state = worker_store(built)
    quotes = "SELECT ?e ?q WHERE { ?e <https://w3id.org/diplokg/ontology#quote> ?q } ORDER BY ?e"
    whole, _ = run_query(load_dataset(built).store, quotes, "json")
    full = answer(state, (quotes, "SELECT", "json", None, None, 100_000))
    assert json.loads(full.body) == json.loads(whole)
    assert not full.truncated
    cut = answer(state, (quotes, "SELECT", "tsv", None, None, 3))
    assert (cut.rows, cut.truncated) == (3, True)
    assert len(cut.body.decode().splitlines()) == 4


def test_rows_of_a_json_result_are_counted_as_a_json_reader_counts_them():
    """count_rows reads pyoxigraph's JSON results by their punctuation; a JSON reader is the
    expectation, on literals full of that punctuation, unbound variables and empty solutions."""
    import json

    import pyoxigraph as ox

    from diplokg.graph.query.engine import count_rows

    store = ox.Store()
    ex = "http://example.org/"
    tricky = ['},{"a":1}', '[{"', ',{"x"', "{}", '"quoted"', "back\\slash", "a\nb", "plain"]
    for i, text in enumerate(tricky):
        store.add(ox.Quad(ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(ex + "p"), ox.Literal(text)))
        store.add(
            ox.Quad(
                ox.NamedNode(f"{ex}s{i}"), ox.NamedNode(ex + "q"), ox.Literal(text, language="en")
            )
        )
    queries = [
        "SELECT ?s ?o WHERE { ?s ?p ?o }",
        "SELECT ?o WHERE { ?s ?p ?o } LIMIT 3",
        f"SELECT ?s ?x WHERE {{ ?s <{ex}p> ?o OPTIONAL {{ ?s <{ex}none> ?x }} }}",
        "SELECT ?x WHERE { }",
        "SELECT ?x WHERE { FILTER(false) }",
        "SELECT ?z WHERE { VALUES ?z { UNDEF 1 UNDEF } }",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s",
    ]
    for query in queries:
        body = store.query(query).serialize(format=ox.QueryResultsFormat.JSON)
        assert count_rows(body, "json") == len(json.loads(body)["results"]["bindings"]), query
