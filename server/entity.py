"""Dereference entity IRIs: /id/<kind>/<slug> as HTML, Turtle, JSON-LD or N-Triples."""

import difflib
from urllib.parse import quote

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from diplokg.graph import iris

from .entity_facts import describe
from .lookup import cached, entity_prefix, labels_of, select, store
from .negotiation import PAGE_TYPES, choose, html_page, rdf_response, split_suffix, vary_text
from .passages import document, passage
from .void import DATASET, dataset_page

bp = Blueprint("entity", __name__)

# The entity's own triples, the triples that point at it, and the claims of its own triples
# with their passages whole: what a Linked Data client needs to follow the entity's links and
# check the words each fact comes from.
DESCRIPTION = """CONSTRUCT { ?e ?p ?o . ?s ?q ?e . ?c ?cp ?co . ?ev ?r ?x . } WHERE {
  #VALUES
  { ?e ?p ?o } UNION { ?s ?q ?e }
  UNION { ?c rdf:subject ?e ; ?cp ?co }
  UNION { ?c rdf:subject ?e ; dkg:evidence ?ev . ?ev ?r ?x FILTER(?r != dkg:sentence) }
}"""


IS_PASSAGE = "SELECT ?e WHERE { #VALUES\n ?e dkg:source ?doc ; dkg:start ?start }"
IS_DOCUMENT = "SELECT ?e WHERE { #VALUES\n ?e a dkg:SourceDocument }"


@bp.get("/id/<kind>/<name>")
def entity(kind: str, name: str) -> Response:
    """Serve an entity as the client asks: an HTML page, or its description in RDF."""
    slug, suffix = split_suffix(name, PAGE_TYPES)
    key = choose(PAGE_TYPES, suffix)
    # A path segment may hold what an IRI may not (spaces, quotes, angle brackets): written
    # percent-encoded, it names no entity of ours, and the page says so with a 404.
    node = ox.NamedNode(str(iris.entity(quote(kind, safe=""), quote(slug, safe=""))))
    if not store().query(f"ASK {{ {{ {node} ?p ?o }} UNION {{ ?s ?p {node} }} }}"):
        return not_found(kind, slug, node, key)
    if key != "html":
        return rdf_response(_description(node), key)
    path = f"/id/{kind}/{slug}"
    if kind == "evidence" and select(IS_PASSAGE, e=node):
        return html_page("passage.html", path, PAGE_TYPES, p=passage(node))
    if kind == "document" and select(IS_DOCUMENT, e=node):
        return html_page("document.html", path, PAGE_TYPES, d=document(node))
    if kind == "dataset" and node.value == str(DATASET):
        return html_page("dataset.html", path, PAGE_TYPES, d=dataset_page())
    return html_page("entity.html", path, PAGE_TYPES, e=describe(node))


def _description(node: ox.NamedNode) -> list[ox.Triple]:
    from .lookup import PREFIXES

    query = PREFIXES + DESCRIPTION.replace("#VALUES", f"VALUES ?e {{ {node} }}")
    triples = store().query(query)
    assert isinstance(triples, ox.QueryTriples | list)  # a CONSTRUCT's answer
    return list(triples)


def not_found(kind: str, slug: str, node: ox.NamedNode, key: str) -> Response:
    """Answer 404, for people with the nearest known entities of that kind."""
    if key != "html":
        return vary_text(f"404 Not Found: the dataset says nothing of <{node.value}>\n", 404)
    prefix = f"{entity_prefix()}{kind}/"
    by_kind = cached("entities by kind", _entities_by_kind)
    known = by_kind.get(kind, [])
    near = difflib.get_close_matches(slug, known, n=8, cutoff=0.4)
    labels = labels_of({prefix + s for s in near})
    suggestions = [{"href": f"/id/{kind}/{s}", "text": labels.get(prefix + s, s)} for s in near]
    kinds = sorted(by_kind)
    html = render_template(
        "not_found.html",
        iri=node.value,
        kind=kind,
        known_kind=kind in kinds,
        kinds=kinds,
        suggestions=suggestions,
        count=len(known),
        path=request.path,
        kind_words=" ".join(slug.replace("-", " ").split()),
    )
    return vary_text(html, 404, "text/html")


def _entities_by_kind() -> dict[str, list[str]]:
    """Return the slugs of our entities by kind, read once: every 404 needs them."""
    prefix = entity_prefix()
    rows = select(
        f'SELECT DISTINCT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{_escape(prefix)}")) }}'
    )
    found: dict[str, list[str]] = {}
    for row in rows:
        kind, _, slug = row["s"].value[len(prefix) :].partition("/")
        found.setdefault(kind, []).append(slug)
    return {kind: sorted(slugs) for kind, slugs in found.items()}


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
