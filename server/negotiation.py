"""Choose a page's representation by suffix or Accept: one table of media types for every route."""

import pyoxigraph as ox
from flask import Response, abort, make_response, request

# Suffix -> media type and pyoxigraph format (None: the HTML page). The first is the default.
RDF_TYPES = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
}
PAGE_TYPES = {"html": ("text/html", None), **RDF_TYPES}
PREFIXES = {
    "dkg": "https://w3id.org/diplokg/ontology#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
}


def split_suffix(name: str, table: dict) -> tuple[str, str | None]:
    """Split 'slug.ttl' into ('slug', 'ttl') when the suffix is one of the table's."""
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix in table:
        return stem, suffix
    return name, None


def choose(table: dict, suffix: str | None = None) -> str:
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
        abort(vary(Response(message, status=406, mimetype="text/plain")))
    return by_type[best]


def rdf_response(triples, key: str, table: dict = RDF_TYPES) -> Response:
    """Serialize pyoxigraph triples in the chosen format, sorted so equal data give equal bytes."""
    media_type, fmt = table[key]
    ordered = sorted(triples, key=str)
    body = ox.serialize(ordered, format=fmt, prefixes=PREFIXES if key != "nt" else None)
    return vary(Response(body, mimetype=media_type))


def vary(resp) -> Response:
    """Mark a negotiated response, so that caches keep one copy per Accept."""
    resp = make_response(resp)
    resp.headers["Vary"] = "Accept"
    return resp
