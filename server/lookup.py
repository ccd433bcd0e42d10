"""Read the served dataset: rows of SELECT queries, labels, and links to this server's pages."""

import re
from collections.abc import Callable
from typing import Any, TypedDict, TypeVar

import pyoxigraph as ox
from flask import current_app
from rdflib.namespace import RDFS, XSD

from diplokg.graph import iris
from diplokg.graph.query.engine import LoadedDataset, parse_form
from diplokg.graph.query.protocol import QueryEngine, Result
from diplokg.graph.query.remote import RemoteEngine
from diplokg.graph.vocab import DKG, WD

PREFIXES = f"""PREFIX dkg: <{DKG}>
PREFIX rdfs: <{RDFS}>
PREFIX xsd: <{XSD}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
# How precise a date literal is, by its datatype: shown beside the date, never widened.
PRECISION = {str(XSD.date): "day", str(XSD.gYearMonth): "month", str(XSD.gYear): "year"}
# A solution of a SELECT, by variable. pyoxigraph types a solution's terms as Any; they are
# NamedNode, BlankNode, Literal or Triple, and the pages read them as their query makes them.
Row = dict[str, Any]
Value = TypeVar("Value")


class TermView(TypedDict, total=False):
    """A term as a page shows it: its text, and for an IRI its link; for a literal its language
    and, for a date, its precision."""

    text: str
    iri: str
    href: str | None
    external: bool
    wikidata: bool
    lang: str | None
    precision: str | None


def engine_results(
    engine: QueryEngine, text: str, form: str, defaults: list[str] | None,
    nameds: list[str] | None, timeout: float, row_limit: int,
) -> ox.QuerySolutions | ox.QueryBoolean | list[ox.Triple]:  # fmt: skip
    """Ask an engine (graph/query/protocol.py: QueryEngine) and return its answer as pyoxigraph
    results: solutions, a boolean, or a list of triples for CONSTRUCT and DESCRIBE."""
    fmt = "nt" if form in ("CONSTRUCT", "DESCRIBE") else "json"
    answer = engine.query(text, form, fmt, defaults, nameds, timeout, row_limit)
    if fmt == "nt":
        return [q.triple for q in ox.parse(answer.body, format=ox.RdfFormat.N_TRIPLES)]
    return ox.parse_query_results(answer.body, format=ox.QueryResultsFormat.JSON)


class ForwardingStore:
    """The pages' store when 'diplokg serve --backend' names an external store.

    query() asks the app's engine (the external store, with the endpoint's time limit) and
    returns pyoxigraph results, so the pages read what /sparql reads; anything else (the
    ontology's quads for /ontology) comes from the local copy of the same dataset.
    """

    def __init__(self, engine: QueryEngine, local: ox.Store, timeout: float, row_limit: int):
        self.engine, self.local = engine, local
        self.timeout, self.row_limit = timeout, row_limit

    def query(self, query: str) -> Result | list[ox.Triple]:
        form = parse_form(query)
        return engine_results(self.engine, query, form, None, None, self.timeout, self.row_limit)

    def __getattr__(self, name: str) -> Any:  # the local store's attribute, whatever it is
        return getattr(self.local, name)


def dataset() -> LoadedDataset:
    """Return the dataset this app serves: its store, version and release folder."""
    loaded: LoadedDataset = current_app.extensions["diplokg"]
    return loaded


def engine() -> QueryEngine:
    """Return the engine that answers this app's queries (the endpoint's)."""
    found: QueryEngine = current_app.extensions["diplokg.engine"]
    return found


def store() -> ox.Store | ForwardingStore:
    """Return the store the pages read: the app's dataset, or the external store it serves."""
    local = dataset().store
    remote = current_app.extensions.get("diplokg.engine")
    if not isinstance(remote, RemoteEngine):
        return local
    config = current_app.config
    return ForwardingStore(remote, local, config["QUERY_TIMEOUT"], config["ROW_LIMIT"])


def cached(key: str, compute: Callable[[], Value]) -> Value:
    """Return a value computed once per app: the dataset never changes while it is served."""
    cache = current_app.extensions.setdefault("diplokg-pages", {})
    if key not in cache:
        cache[key] = compute()
    found: Value = cache[key]  # what compute() gave for this key
    return found


def select(query: str, **bindings: ox.NamedNode) -> list[Row]:
    """Run a SELECT (with our prefixes) and return its rows as dicts of pyoxigraph terms.

    Each binding is a VALUES row at the #VALUES mark, and its term is also written into the
    pattern after the mark in place of the variable: the engine does not carry a VALUES row
    into a GRAPH or UNION pattern, and evaluated the pattern for every entity before joining
    (the claims of one entity took 20-70 ms instead of 1-4 ms). The solutions are the same.
    """
    values = "".join(f"VALUES ?{name} {{ {term} }}\n" for name, term in bindings.items())
    head, mark, pattern = query.partition("#VALUES")
    for name, term in bindings.items():
        pattern = re.sub(rf"[?$]{name}(?![\w\u00b7\u0300-\u036f\u203f-\u2040])",
                         _as_is(str(term)), pattern)  # fmt: skip
    text = PREFIXES + head + (values if mark else "") + pattern
    result = store().query(text)
    assert isinstance(result, ox.QuerySolutions)  # a SELECT's answer
    names = [v.value for v in result.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in result]


def _as_is(text: str) -> Callable[[re.Match[str]], str]:
    """Return a re.sub replacement that puts text in as it is, backslashes included."""
    return lambda _: text


def entity_prefix() -> str:
    """Return the IRI prefix of entities: <base>id/."""
    return iris.base() + "id/"


def local_path(iri: str) -> str | None:
    """Return this server's path for an IRI of ours (/id/..., /graph/..., /ontology), or None."""
    if iri.startswith(str(DKG)):
        return "/ontology#" + iri[len(str(DKG)) :]
    if iri.startswith(iris.base()):
        return "/" + iri[len(iris.base()) :]
    return None


def term_view(term: object, labels: dict[str, str] | None = None) -> TermView:
    """Describe a term for a template: text, link (ours to our pages, web IRIs out), kind."""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        text = (labels or {}).get(iri) or short(iri)
        href = local_path(iri)
        external = href is None and iri.startswith(("http://", "https://"))
        return {
            "text": text,
            "iri": iri,
            "href": href or (iri if external else None),
            "external": external,
            "wikidata": iri.startswith(str(WD)),
        }
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        return {"text": term.value, "lang": term.language, "precision": PRECISION.get(datatype)}
    return {"text": str(term)}


def short(iri: str) -> str:
    """Shorten an IRI for display: id/kind/slug, dkg:Term, wd:Q1, or the IRI itself."""
    for prefix, name in (
        (entity_prefix(), ""),
        (str(DKG), "dkg:"),
        (str(WD), "wd:"),
        ("http://www.wikidata.org/prop/direct/", "wdt:"),
        (str(RDFS), "rdfs:"),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf:"),
        ("http://www.w3.org/2004/02/skos/core#", "skos:"),
        ("https://schema.org/", "schema:"),
        ("http://purl.org/dc/terms/", "dcterms:"),
    ):
        if iri.startswith(prefix):
            return name + iri[len(prefix) :]
    return iri


def labels_of(iris_: set[str]) -> dict[str, str]:
    """Return an English (or any) label for each IRI that has one."""
    if not iris_:
        return {}
    values = " ".join(f"<{i}>" for i in sorted(iris_))
    rows = select(
        f"SELECT ?s (SAMPLE(?l) AS ?label) WHERE {{ VALUES ?s {{ {values} }} ?s rdfs:label ?l "
        'FILTER(LANG(?l) = "en" || LANG(?l) = "") } GROUP BY ?s'
    )
    return {r["s"].value: r["label"].value for r in rows if "label" in r}
