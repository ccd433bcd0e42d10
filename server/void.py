"""Describe the dataset at /.well-known/void: VoID and DCAT with statistics counted in the store."""

from collections.abc import Callable
from typing import TypedDict

import pyoxigraph as ox
from flask import Blueprint, Response, request

from diplokg.graph import iris
from diplokg.graph.publish.dumps import read_index
from diplokg.graph.vocab import DKG, WD

from .lookup import cached, dataset, entity_prefix, select
from .negotiation import RDF_TYPES, choose, rdf_response

bp = Blueprint("void", __name__)

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
DATASET = iris.entity("dataset", "diplokg")
TITLE = "diplokg: diplomatic relations with evidence"
ABSTRACT = (
    "A knowledge graph of diplomatic relations built from documents: missions, memberships, "
    "agreements, events and people, each fact with the sentence it was read from."
)
IANA = "https://www.iana.org/assignments/media-types/"


class Statistics(TypedDict):
    """What the store holds, counted once per app: the description and the pages show it."""

    triples: int
    entities: int
    properties: int
    classes: dict[str, int]  # entities per class of ours
    wikidata_links: int
    graphs: dict[str, int]  # triples per named graph
    sources: list[str]
    license: list[str]


def statistics() -> Statistics:
    """Count, by SPARQL over the store: triples, entities per class, Wikidata links, graphs."""
    ids = entity_prefix()
    ours = f'STRSTARTS(STR(?s), "{ids}")'

    def one(query: str) -> int:
        return int(select(query)[0]["n"].value)

    return {
        # The default graph is the merge of all graphs: each distinct triple counts once.
        "triples": one("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
        "entities": one(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s ?p ?o FILTER({ours}) }}"),
        "properties": one("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        "classes": {
            r["c"].value: int(r["n"].value)
            for r in select(
                f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c "
                f"FILTER(STRSTARTS(STR(?c), STR(dkg:)) && {ours}) }} GROUP BY ?c"
            )
        },
        "wikidata_links": one(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s skos:exactMatch ?o "
            f'FILTER(STRSTARTS(STR(?o), "{WD}")) }}'
        ),
        "graphs": {
            r["g"].value: int(r["n"].value)
            for r in select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
            )
        },
        "sources": sorted(
            r["d"].value for r in select("SELECT ?d WHERE { ?d a dkg:SourceDocument }")
        ),
        "license": [
            r["l"].value
            for r in select(f"SELECT DISTINCT ?l WHERE {{ <{DATASET}> dcterms:license ?l }}")
        ],
    }


def _n(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD_INTEGER)


def _in(namespace: str) -> Callable[[str], ox.NamedNode]:
    """Return a function that names a term of a namespace: _in(DCAT)("Dataset")."""
    return lambda term: ox.NamedNode(namespace + term)


def description(root: str) -> list[ox.Triple]:
    """Build the VoID + DCAT description; root is this server's URL (for endpoint and dumps)."""
    stats = cached("statistics", statistics)
    ds = ox.NamedNode(str(DATASET))
    v, dcat, dct = (_in(ns) for ns in (VOID, DCAT, DCT))
    out = [
        ox.Triple(ds, RDF_TYPE, v("Dataset")),
        ox.Triple(ds, RDF_TYPE, dcat("Dataset")),
        ox.Triple(ds, dct("title"), ox.Literal(TITLE, language="en")),
        ox.Triple(ds, dct("description"), ox.Literal(ABSTRACT, language="en")),
        ox.Triple(ds, dct("hasVersion"), ox.Literal(dataset().version)),
        ox.Triple(ds, v("triples"), _n(stats["triples"])),
        ox.Triple(ds, v("entities"), _n(stats["entities"])),
        ox.Triple(ds, v("properties"), _n(stats["properties"])),
        ox.Triple(ds, v("uriSpace"), ox.Literal(entity_prefix())),
        ox.Triple(ds, v("vocabulary"), ox.NamedNode(str(DKG))),
        ox.Triple(ds, v("sparqlEndpoint"), ox.NamedNode(root + "sparql")),
        ox.Triple(ds, dcat("landingPage"), ox.NamedNode(root)),
    ]  # fmt: skip
    out += [ox.Triple(ds, dct("license"), ox.NamedNode(x)) for x in stats["license"]]
    out += [ox.Triple(ds, dct("source"), ox.NamedNode(x)) for x in stats["sources"]]
    for cls, n in sorted(stats["classes"].items()):
        part = ox.NamedNode(f"{ds.value}/class/{cls.rsplit('#', 1)[-1]}")
        out += [
            ox.Triple(ds, v("classPartition"), part),
            ox.Triple(part, v("class"), ox.NamedNode(cls)),
            ox.Triple(part, v("entities"), _n(n)),
        ]
    linkset = ox.NamedNode(ds.value + "/links/wikidata")
    out += [
        ox.Triple(ds, v("subset"), linkset),
        ox.Triple(linkset, RDF_TYPE, v("Linkset")),
        ox.Triple(linkset, v("linkPredicate"), ox.NamedNode("http://www.w3.org/2004/02/skos/core#exactMatch")),
        ox.Triple(linkset, v("subjectsTarget"), ds),
        ox.Triple(linkset, v("objectsTarget"), ox.NamedNode("http://www.wikidata.org/")),
        ox.Triple(linkset, v("triples"), _n(stats["wikidata_links"])),
    ]  # fmt: skip
    for name, n in sorted(stats["graphs"].items()):
        graph = ox.NamedNode(name)
        out += [
            ox.Triple(ds, v("subset"), graph),
            ox.Triple(graph, RDF_TYPE, v("Dataset")),
            ox.Triple(graph, v("triples"), _n(n)),
        ]
    out += _distributions(ds, root)
    return out


def _distributions(ds: ox.NamedNode, root: str) -> list[ox.Triple]:
    """Describe each dump as a dcat:Distribution, and the endpoint as a dcat:DataService."""
    dcat = _in(DCAT)
    out = []
    for name, info in sorted(read_index(dataset().release).items()):
        url = ox.NamedNode(f"{root}dumps/{name}")
        out += [
            ox.Triple(ds, dcat("distribution"), url),
            ox.Triple(url, RDF_TYPE, dcat("Distribution")),
            ox.Triple(url, dcat("downloadURL"), url),
            ox.Triple(url, dcat("mediaType"), ox.NamedNode(IANA + info["media_type"])),
            ox.Triple(url, dcat("byteSize"), _n(info["bytes"])),
            ox.Triple(url, ox.NamedNode(DCT + "title"), ox.Literal(f"{info['format']} ({name})")),
        ]
        if info.get("encoding") == "gzip":
            out.append(
                ox.Triple(url, dcat("compressFormat"), ox.NamedNode(IANA + "application/gzip"))
            )
        else:
            out.append(ox.Triple(ds, ox.NamedNode(VOID + "dataDump"), url))
    service = ox.NamedNode(root + "sparql")
    out += [
        ox.Triple(service, RDF_TYPE, dcat("DataService")),
        ox.Triple(service, dcat("endpointURL"), service),
        ox.Triple(service, dcat("servesDataset"), ds),
    ]
    return out


@bp.get("/.well-known/void")
def void() -> Response:
    """Serve the dataset description: Turtle by default, JSON-LD or N-Triples by Accept."""
    table = dict(RDF_TYPES)  # no HTML twin: Turtle is the default for browsers too
    key = choose(table)
    return rdf_response(description(request.url_root), key, table)


def schema_org(root: str) -> dict[str, object]:
    """Describe the dataset for search engines: a schema.org Dataset as a JSON-LD object."""
    stats = cached("statistics", statistics)
    index = read_index(dataset().release)
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": str(iris.entity("dataset", "diplokg")),
        "name": "diplokg: diplomatic relations with evidence",
        "description": (
            "A knowledge graph of diplomatic relations built from documents: missions, "
            "memberships, agreements, events and people, each fact with the sentence it was read "
            f"from. {stats['triples']} triples about {stats['entities']} entities."
        ),
        "url": root,
        "license": stats["license"][0] if stats["license"] else None,
        "version": dataset().version,
        "isBasedOn": stats["sources"],
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": info["media_type"],
                "contentUrl": f"{root}dumps/{name}",
                "contentSize": f"{info['bytes']} B",
            }
            for name, info in sorted(index.items())
            if "encoding" not in info
        ],
    }


def dataset_page() -> dict[str, object]:
    """Gather the dataset IRI's page: what it is, its size, its graphs, its sources."""
    from .lookup import labels_of, local_path, term_view

    stats = cached("statistics", statistics)
    titles = {
        r["d"].value: r["t"].value
        for r in select("SELECT ?d ?t WHERE { ?d a dkg:SourceDocument ; dcterms:title ?t }")
    }
    labels = labels_of(set(stats["classes"]))
    classes = [(term_view(ox.NamedNode(c), labels), n) for c, n in stats["classes"].items()]
    return {
        "iri": str(DATASET),
        "title": TITLE,
        "abstract": ABSTRACT,
        "version": dataset().version,
        "license": stats["license"],
        "triples": stats["triples"],
        "entities": stats["entities"],
        "classes": [
            {"type": view, "n": n}
            for view, n in sorted(classes, key=lambda c: (-c[1], c[0]["text"]))
        ],
        "graphs": [
            {"name": g.removeprefix(iris.base() + "graph/"), "href": local_path(g), "n": n}
            for g, n in sorted(stats["graphs"].items())
        ],
        "sources": [{"href": local_path(d), "title": titles.get(d, d)} for d in stats["sources"]],
    }
