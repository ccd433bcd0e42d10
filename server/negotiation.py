"""Choose a page's representation by suffix or Accept: one table of media types for every route."""

from collections.abc import Iterable, Mapping
from typing import TypeVar

import pyoxigraph as ox
from flask import Response, abort, make_response, render_template, request
from flask.typing import ResponseReturnValue

from diplokg.graph.publish.jsonld import compact_jsonld
from diplokg.graph.query.engine import GRAPH_FORMATS, serialized
from diplokg.graph.terms import PREFIXES as DUMP_PREFIXES

# A representation's media type and pyoxigraph format (None: an HTML page or JSON), by key.
Types = Mapping[str, tuple[str, ox.RdfFormat | None]]
Statement = TypeVar("Statement", ox.Triple, ox.Quad)

# Suffix -> media type and pyoxigraph format (None: the HTML page), taken from the endpoint's
# one table of RDF formats ('.rdf' is RDF/XML's usual suffix). The first is the default.
RDF_TYPES: dict[str, tuple[str, ox.RdfFormat]] = {
    **{name: GRAPH_FORMATS[name] for name in ("ttl", "jsonld", "nt")},
    "rdf": GRAPH_FORMATS["xml"],
}
PAGE_TYPES: Types = {"html": ("text/html", None), **RDF_TYPES}
# A named graph's page, and the graph as a dataset (TriG, N-Quads) or as its triples.
DATASET_TYPES: Types = {
    "trig": GRAPH_FORMATS["trig"],
    "nq": ("application/n-quads", ox.RdfFormat.N_QUADS),
}
GRAPH_PAGE_TYPES: Types = {"html": ("text/html", None), **DATASET_TYPES, **RDF_TYPES}
# The dumps' prefixes that pages use, and DCAT for the dataset description.
PREFIXES = {
    **{
        p: DUMP_PREFIXES[p]
        for p in ("dkg", "rdf", "rdfs", "xsd", "skos", "owl", "dcterms", "schema", "void")
    },
    "dcat": "http://www.w3.org/ns/dcat#",
    **{p: DUMP_PREFIXES[p] for p in ("wd", "wdt")},
}


def split_suffix(name: str, table: Types) -> tuple[str, str | None]:
    """Split 'slug.ttl' into ('slug', 'ttl') when the suffix is one of the table's."""
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix in table:
        return stem, suffix
    return name, None


def choose(table: Types, suffix: str | None = None) -> str:
    """Return the table key the client wants: the suffix, else the best Accept match, else 406."""
    if suffix is not None:
        return suffix
    if not request.headers.get("Accept"):
        return next(iter(table))
    by_type = {media_type: key for key, (media_type, _) in table.items()}
    best = request.accept_mimetypes.best_match(list(by_type))
    if best is None:
        offered = ", ".join(by_type)
        message = f"406 Not Acceptable: this resource is served as {offered}\n"
        abort(vary_text(message, 406))
    return by_type[best]


def rdf_response(triples: Iterable[Statement], key: str, table: Types = RDF_TYPES) -> Response:
    """Serialize pyoxigraph triples (or quads) in the chosen format, sorted so that equal data
    give equal bytes; JSON-LD compacted with the project's @context, as the dump is."""
    media_type, fmt = table[key]
    assert fmt is not None, key  # a key of an RDF format, not the HTML page
    ordered = sorted(triples, key=str)
    if fmt == ox.RdfFormat.JSON_LD:
        body = compact_jsonld([t.triple if isinstance(t, ox.Quad) else t for t in ordered])
    elif fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        body = serialized(ordered, fmt)
    else:
        written = ox.serialize(ordered, format=fmt, prefixes=PREFIXES)
        assert written is not None  # bytes, as no output file is given
        body = written
    return vary(Response(body, mimetype=media_type))


def html_page(template: str, path: str, table: Types, **context: object) -> Response:
    """Render a resource's HTML page, which links to its twins (path.ttl, ...) and names them
    in a Link header."""
    twins = alternates(path, table)
    html = render_template(template, alternates=twins, types=table, **context)
    return link_header(vary(html), twins, table)


def alternates(path: str, table: Types) -> dict[str, str]:
    """Return the suffixed twins of a page's path, by format key (the HTML page aside)."""
    return {k: f"{path}.{k}" for k in table if k != "html"}


def link_header(resp: Response, twins: dict[str, str], table: Types) -> Response:
    """Advertise a page's twins in a Link header (rel="alternate", with their media types)."""
    resp.headers["Link"] = ", ".join(
        f'<{href}>; rel="alternate"; type="{table[k][0]}"' for k, href in twins.items()
    )
    return resp


def vary(resp: ResponseReturnValue) -> Response:
    """Mark a negotiated response, so that caches keep one copy per Accept."""
    made: Response = make_response(resp)
    made.headers["Vary"] = "Accept"
    return made


def vary_text(body: str, status: int, mimetype: str = "text/plain") -> Response:
    """Return a negotiated text response with a status."""
    return vary(Response(body, status=status, mimetype=mimetype))
