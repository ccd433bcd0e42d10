"""Routes: the query page at / and the ontology at /ontology (/sparql and /health: sparql.py)."""

import pyoxigraph as ox
from flask import (
    Blueprint,
    Response,
    render_template,
    request,
    send_from_directory,
    url_for,
)

from diplokg.graph import iris

from .lookup import cached, dataset, select, store
from .negotiation import PAGE_TYPES, choose, rdf_response, split_suffix, vary, vary_text
from .prefixes import declare
from .query_page import DEFAULT_QUERY, Answer, answer, editor_terms, examples
from .void import schema_org, statistics

bp = Blueprint("main", __name__)
MAX_QUERY = 20_000  # characters a query in the page's URL may have


@bp.get("/")
def home() -> tuple[str, int]:
    """Show the query page; with ?example=NAME or ?query=..., the answer rendered here."""
    known = examples()
    chosen = request.args.get("example")
    query = request.args.get("query")
    status = 200
    added: list[str] = []
    result: Answer | None
    current = next((e for e in known if e.name == chosen), None)
    if chosen is not None and current is None:
        names = ", ".join(e.name for e in known)
        result, status = _message(f"no example {chosen!r}; the examples are: {names}"), 404
    elif query is not None and len(query) > MAX_QUERY:
        result, status = _message(f"the query is {len(query)} characters; at most {MAX_QUERY}"), 400
    else:
        if current is not None and query is None:
            query = current.text
        elif query is not None:
            query, added = declare(query)  # as WDQS: the project's prefixes need no typing
        result = answer(query) if query and query.strip() else None
        if result is not None and result.error:
            status = result.status
    page = render_template(
        "index.html",
        version=dataset().version,
        examples=known,
        current=current,
        query=query or DEFAULT_QUERY,
        result=result,
        ran=query,
        schema=schema_org(request.url_root),
        graphs=sorted(cached("statistics", statistics)["graphs"].items()),
        added=added,
        editor=cached("editor terms", editor_terms),
    )
    return page, status


def _message(text: str) -> Answer:
    return Answer(error=text)


def _ontology_page() -> str:
    """Return the build's ontology documentation with the site's header on top: the page is
    written standalone at build time, and served here as one page of the site."""
    page = (dataset().release / "ontology.html").read_text(encoding="utf-8")
    css = url_for("static", filename="header.css")
    head = f'<link rel="stylesheet" href="{css}">\n<link rel="icon" href="/favicon.ico">\n'
    top = render_template("_site_header.html")
    script = f'<script src="{url_for("static", filename="site.js")}"></script>\n'
    page = page.replace("</head>", head + "</head>", 1).replace("<body>", "<body>\n" + top, 1)
    return page.replace("</body>", script + "</body>", 1)


@bp.get("/ontology")
@bp.get("/ontology/")
@bp.get("/ontology.<suffix>")
@bp.get("/ontology/<version>")
def ontology(suffix: str | None = None, version: str | None = None) -> Response:
    """Serve the ontology: HTML documentation for browsers, Turtle, JSON-LD, N-Triples or
    RDF/XML; at its version IRI (/ontology/0.1.0) too, while that version is the one served."""
    if version is not None:
        version, suffix = split_suffix(version, PAGE_TYPES)
        current = cached("ontology version", _ontology_version)
        if f"{iris.base()}ontology/{version}" != current:
            served = current.rsplit("/", 1)[-1] if current else "none"
            message = f"404 Not Found: no ontology version {version!r}; this server has {served}\n"
            return vary_text(message, 404)
    elif suffix is not None:
        _, suffix = split_suffix(f"ontology.{suffix}", PAGE_TYPES)
        if suffix is None:
            offered = ", ".join(f".{k}" for k in PAGE_TYPES)
            message = f"404 Not Found: the ontology is served as {offered}\n"
            return vary_text(message, 404)
    key = choose(PAGE_TYPES, suffix)
    if key == "html":
        return vary(Response(cached("ontology page", _ontology_page), mimetype="text/html"))
    name = ox.NamedNode(str(iris.graph("ontology")))
    triples = [q.triple for q in store().quads_for_pattern(None, None, None, name)]
    return rdf_response(triples, key)


def _ontology_version() -> str | None:
    rows = select("SELECT ?v WHERE { GRAPH ?g { ?o a owl:Ontology ; owl:versionIRI ?v } }")
    return rows[0]["v"].value if rows else None


@bp.get("/favicon.ico")
def favicon() -> Response:
    """Serve the site's icon where browsers look for it."""
    return send_from_directory(bp.root_path + "/static", "favicon.ico", mimetype="image/x-icon",
                               max_age=86400)  # fmt: skip


@bp.get("/robots.txt")
def robots() -> Response:
    """Let crawlers read the pages and the dumps, but not run queries or searches."""
    lines = ["User-agent: *", "Disallow: /sparql", "Disallow: /search", "Disallow: /?",
             "Allow: /", ""]  # fmt: skip
    return Response("\n".join(lines), mimetype="text/plain")
