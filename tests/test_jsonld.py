"""The compact JSON-LD writer: every kind of term reads back as the same graph."""

import json

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

from diplokg.graph.publish.jsonld import compact_jsonld

DKG = "https://w3id.org/diplokg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TURTLE = f"""
@prefix dkg: <{DKG}> . @prefix xsd: <{XSD}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/diplokg/id/evidence/d-1-9> a dkg:Evidence ;
    dkg:start 1 ; dkg:end "9"^^xsd:int ; dkg:quote "He said \\"no\\" <script>" ;
    dkg:source <https://w3id.org/diplokg/id/document/d> ;
    rdfs:label "preuve"@fr , "evidence" .
<https://w3id.org/diplokg/id/state/x> dkg:evidence <https://w3id.org/diplokg/id/evidence/d-1-9> ;
    dkg:source "a literal where the context wants an IRI" ;
    dkg:amount 1.50 ; dkg:date "2005-06"^^xsd:gYearMonth ; dkg:part _:b .
_:b rdfs:label "a blank node" ; dkg:link <http://example.org//odd> .
"""


def triples(graph: Graph) -> list[ox.Triple]:
    return list(ox.parse(graph.serialize(format="nt").encode(), format=ox.RdfFormat.N_TRIPLES))


def test_compact_jsonld_reads_back_as_the_same_graph():
    """Terms where their coercion fits, prefixed names elsewhere, values exactly kept."""
    graph = Graph().parse(data=TURTLE, format="turtle")
    data = compact_jsonld(triples(graph))
    assert isomorphic(Graph().parse(data=data, format="json-ld"), graph)
    node = {n["@id"]: n for n in json.loads(data)["@graph"]}["id:evidence/d-1-9"]
    assert node["start"] == "1"  # the context types start as xsd:integer
    assert node["dkg:end"] == {"@value": "9", "@type": "xsd:int"}  # not an integer: no term
    assert node["source"] == "id:document/d"


def test_compact_jsonld_is_the_same_bytes_for_the_same_graph_in_any_order():
    """The order of the triples given does not change the output."""
    graph = Graph().parse(data=TURTLE, format="turtle")
    given = triples(graph)
    assert compact_jsonld(given) == compact_jsonld(list(reversed(given)))
