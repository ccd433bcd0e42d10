"""Dereference the named graphs' IRIs (/graph/…): a page for people, the graph's data by Accept."""

import pyoxigraph as ox
from flask import Blueprint, Response

from diplokg.graph import iris

from .lookup import cached, labels_of, local_path, select, store, term_view
from .negotiation import GRAPH_PAGE_TYPES, choose, html_page, rdf_response, split_suffix, vary_text

bp = Blueprint("graphs", __name__)

# What each graph holds, in words, by the name after /graph/ (documents: graph/document/…).
ABOUT = {
    "reference": "what reference data says of the states, places and organisations the facts "
    "point at: type, English label, country, containing entity, coordinates",
    "inferred": "the triples that OWL RL reasoning adds to the asserted ones, and only those",
    "ontology": "the ontology: classes, properties, labels and alignments",
    "wikidata": "the Wikidata view: the facts as Wikidata truthy statements, with statements "
    "and references",
    "metadata": "the dataset's description (VoID): version, licence, sources, graph sizes",
    "quarantine": "the claims a build withdrew because they broke a shape, with the violation",
    "document": "one document's asserted facts, each with its claim and the phrase that states "
    "it, and the document's text",
}
SOURCE = """SELECT ?doc ?title WHERE { #VALUES
  ?doc a dkg:SourceDocument . OPTIONAL { ?doc dcterms:title ?title } }"""
SUBJECTS = """SELECT ?type (COUNT(DISTINCT ?s) AS ?n) WHERE { #VALUES
  GRAPH ?g { ?s a ?type } } GROUP BY ?type ORDER BY DESC(?n) ?type"""


@bp.get("/graph/<path:name>")
def named_graph(name: str) -> Response:
    """Serve a named graph: its description for people, its triples as TriG, N-Quads or RDF."""
    stem, suffix = split_suffix(name, GRAPH_PAGE_TYPES)
    graph = ox.NamedNode(str(iris.graph(stem)))
    sizes = _sizes()
    if graph.value not in sizes:
        known = ", ".join(sorted(g.removeprefix(iris.base()) for g in sizes))
        return vary_text(f"404 Not Found: no named graph <{graph.value}>; the graphs are {known}\n",
                         404)  # fmt: skip
    key = choose(GRAPH_PAGE_TYPES, suffix)
    if key != "html":
        quads = list(store().quads_for_pattern(None, None, None, graph))
        triples = quads if key in ("trig", "nq") else [q.triple for q in quads]
        return rdf_response(triples, key, GRAPH_PAGE_TYPES)
    return html_page("graph.html", f"/graph/{stem}", GRAPH_PAGE_TYPES,
                     g=_describe(graph, stem, sizes))  # fmt: skip


def _sizes() -> dict[str, int]:
    """Return each named graph's size (counted once: the dataset never changes while served)."""
    from .void import statistics

    return cached("statistics", statistics)["graphs"]


def _describe(graph: ox.NamedNode, stem: str, sizes: dict[str, int]) -> dict[str, object]:
    kind, _, doc_id = stem.partition("/")
    source = None
    if kind == "document":
        document = ox.NamedNode(str(iris.document(doc_id)))
        rows = select(SOURCE, doc=document)
        if rows:
            labels = labels_of({document.value})
            view = term_view(document, labels)
            view["text"] = rows[0]["title"].value if "title" in rows[0] else view["text"]
            source = view
    types = [
        {"type": term_view(r["type"], labels_of({r["type"].value})), "n": int(r["n"].value)}
        for r in select(SUBJECTS, g=graph)
    ]
    return {
        "iri": graph.value,
        "name": stem,
        "triples": sizes[graph.value],
        "about": ABOUT.get(kind, ""),
        "source": source,
        "types": types[:30],
        "others": [
            {"name": g.removeprefix(iris.base() + "graph/"), "href": local_path(g) or g, "n": n}
            for g, n in sorted(sizes.items())
            if g != graph.value
        ],
    }
