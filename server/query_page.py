"""Run a query for the query page and turn its answer into a table of links and texts."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox
from flask import current_app, request

from diplokg.graph.errors import EngineBusy, QueryError, QueryTimeout
from diplokg.graph.query.engine import moved_up, parse_form

from .lookup import TermView, engine, engine_results, labels_of, term_view
from .query_policy import QUERY_FORMS, QueryRefused, check

# As /sparql answers them: refused 403, too slow 504, no free worker 503, else 400.
STATUS = {QueryRefused: 403, QueryTimeout: 504, EngineBusy: 503}
# The example queries: the questions the project answers, as they are given (the tests check
# them against the originals and run them), and the project's own query for a question that
# only states itself. The page shows each question under a title, with its query.
EXAMPLES = Path(__file__).parent / "static" / "examples"
TITLES = {
    "01-belgian-embassy-in-ottawa": "Belgium's embassy in Ottawa",
    "02-shared-memberships": "Organisations Belgium and Canada both belong to",
    "03-youth-mobility-agreement": "The youth mobility agreement",
    "04-belgian-posts-in-canada": "Belgian posts in Canada",
    "05-evidence": "Which sentences say so",
    "06-references": "Which sources state that Belgium is in NATO (Wikidata references)",
    "07-claim-phrase": "The words that state Belgium's NATO membership",
}
ANSWERED_BY = {"05-evidence": "evidence.rq"}  # a question's file -> the file of its query
MAX_ROWS = 1000  # the page shows this many rows; the downloads hold them all
DEFAULT_QUERY = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?mission ?label ?city WHERE {
  ?mission a dkg:Embassy ; rdfs:label ?label ; dkg:city ?city .
} ORDER BY ?label
"""


@dataclass
class Example:
    """A query file of the examples folder, with the title its first line gives."""

    name: str
    title: str
    text: str


@dataclass
class Answer:
    """What the page shows for a query: a table, a yes/no, or an error message."""

    columns: list[str] = field(default_factory=list)
    rows: list[list[TermView | None]] = field(default_factory=list)
    total: int = 0
    boolean: bool | None = None
    graph: bool = False
    error: str | None = None
    status: int = 400  # the page's HTTP status when error is set
    position: tuple[int, int] | None = None  # (line, column) of a syntax error


def examples() -> list[Example]:
    """Read the example questions, in file name order, each with its title and its query."""
    found = []
    for path in sorted(EXAMPLES.glob("*.rq")):
        if path.name in ANSWERED_BY.values():
            continue  # shown as its question's query
        query = EXAMPLES / ANSWERED_BY.get(path.stem, path.name)
        title = TITLES.get(path.stem, path.stem)
        found.append(Example(path.stem, title, query.read_text(encoding="utf-8")))
    return found


def answer(query: str) -> Answer:
    """Run a query and describe its result for the page; a bad query becomes a message.

    The page asks the endpoint's engine, through the endpoint's checks: the same read-only
    rule, SERVICE allow-list, time limit and row limit as /sparql.
    """
    config = current_app.config
    found = None
    try:
        found = check(query, config["SERVICE_ALLOW"])
        form = found.form if found.form in QUERY_FORMS else parse_form(query)
        defaults, nameds = None, None
        if found.from_graphs or found.from_named:
            defaults, nameds = found.from_graphs, found.from_named
        if found.relative_iris:  # read as /sparql reads them: against the endpoint's URL
            base = request.host_url + "sparql"
            query = f"BASE <{base}>\n{query}"
            defaults = defaults and [urljoin(base, i) for i in defaults]
            nameds = nameds and [urljoin(base, i) for i in nameds]
        for iri in (defaults or []) + (nameds or []):
            try:
                ox.NamedNode(iri)
            except ValueError as exc:
                raise QueryError(f"graph {iri!r} is not an absolute IRI: {exc}") from None
        result = engine_results(
            engine(), query, form, defaults, nameds, config["QUERY_TIMEOUT"], config["ROW_LIMIT"]
        )
    except QueryError as exc:
        if found is not None and found.relative_iris:  # point into the user's text
            exc = moved_up(exc, 1)
        position = getattr(exc, "position", None)
        return Answer(error=str(exc), status=STATUS.get(type(exc), 400), position=position)
    if isinstance(result, list):
        table = [[t.subject, t.predicate, t.object] for t in result]
        return _table(["subject", "predicate", "object"], table, graph=True)
    if isinstance(result, ox.QueryBoolean):
        return Answer(boolean=bool(result))
    columns = [v.value for v in result.variables]
    return _table(columns, [[row[c] for c in columns] for row in result])


def _table(columns: list[str], table: Sequence[Sequence[object]], graph: bool = False) -> Answer:
    shown = table[:MAX_ROWS]
    named = {t.value for row in shown for t in row if isinstance(t, ox.NamedNode)}
    labels = labels_of(named)
    rows = [[term_view(t, labels) if t is not None else None for t in row] for row in shown]
    return Answer(columns=columns, rows=rows, total=len(table), graph=graph)


def editor_terms() -> dict[str, object]:
    """Return what the editor completes: the known prefixes, and the ontology's terms with
    their English labels and kinds (class or property)."""
    from diplokg.graph.terms import PREFIXES

    from .lookup import select

    rows = select(
        "SELECT ?t ?kind (SAMPLE(?l) AS ?label) WHERE { GRAPH ?g {"
        " VALUES ?kind { owl:Class owl:ObjectProperty owl:DatatypeProperty }"
        " ?t a ?kind FILTER(STRSTARTS(STR(?t), STR(dkg:)))"
        ' OPTIONAL { ?t rdfs:label ?l FILTER(LANG(?l) = "en") } } } GROUP BY ?t ?kind'
    )
    terms = {}
    for r in rows:
        name = r["t"].value.rsplit("#", 1)[-1]
        kind = "class" if r["kind"].value.endswith("Class") else "property"
        label = r["label"].value if "label" in r else ""
        terms[name] = {"name": name, "kind": kind, "label": label}
    return {"prefixes": PREFIXES, "terms": sorted(terms.values(), key=lambda t: t["name"])}
