"""Describe the endpoint with the SPARQL 1.1 Service Description vocabulary."""

from functools import lru_cache

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDF, DefinedNamespace, Namespace

from diplokg.graph.query.engine import GRAPH_FORMATS, RESULT_FORMATS

# The formats a description can be sent in, by media type, with rdflib's writer names.
DESCRIPTION_FORMATS = {
    "text/turtle": "turtle",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
}


class SD(DefinedNamespace):
    """SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/)."""

    Service: URIRef
    Dataset: URIRef
    Graph: URIRef
    NamedGraph: URIRef
    endpoint: URIRef
    supportedLanguage: URIRef
    SPARQL11Query: URIRef
    resultFormat: URIRef
    feature: URIRef
    UnionDefaultGraph: URIRef
    BasicFederatedQuery: URIRef
    defaultDataset: URIRef
    defaultGraph: URIRef
    namedGraph: URIRef
    name: URIRef

    _NS = Namespace("http://www.w3.org/ns/sparql-service-description#")


# W3C's IRIs for result and RDF formats (https://www.w3.org/ns/formats/).
FORMAT_IRIS = {
    "application/sparql-results+json": "SPARQL_Results_JSON",
    "application/sparql-results+xml": "SPARQL_Results_XML",
    "text/csv": "SPARQL_Results_CSV",
    "text/tab-separated-values": "SPARQL_Results_TSV",
    "text/turtle": "Turtle",
    "application/n-triples": "N-Triples",
    "application/ld+json": "JSON-LD",
    "application/rdf+xml": "RDF_XML",
    "application/trig": "TriG",
}
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")


@lru_cache(maxsize=16)
def describe(endpoint: str, graphs: tuple[str, ...], media_type: str, federated: bool) -> bytes:
    """Return the description of the endpoint at this URL, in the given media type."""
    g = Graph()
    g.bind("sd", SD._NS)
    g.bind("formats", FORMATS_NS)
    service = BNode("service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    if federated:
        g.add((service, SD.feature, SD.BasicFederatedQuery))
    for media_type_of_result, _ in [*RESULT_FORMATS.values(), *GRAPH_FORMATS.values()]:
        g.add((service, SD.resultFormat, FORMATS_NS[FORMAT_IRIS[media_type_of_result]]))
    dataset = BNode("dataset")
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    default = BNode("default")
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for name in graphs:
        named = BNode("graph-" + str(graphs.index(name)))
        g.add((dataset, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
    return g.serialize(format=DESCRIPTION_FORMATS[media_type], encoding="utf-8")
