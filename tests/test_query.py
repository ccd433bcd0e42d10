"""Queries see the default graph as the merge of all graphs, as SPARQL's dataset says."""

import json

from diplokg.graph.query import load_dataset, run_query

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
