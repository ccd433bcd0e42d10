"""Answer SPARQL queries over a published dataset with pyoxigraph, the engine behind /sparql.

The endpoint talks to its engine through one small interface, so that another engine (for
example a remote SPARQL store) can stand in for pyoxigraph behind the same checks and limits:

    engine.version -> str
        the dataset version; cached answers and ETags are tied to it.
    engine.query(text, form, fmt, default_graph_uris, named_graph_uris, timeout, row_limit)
        -> Answer(body, media_type, rows, truncated)
        text: the query, already checked (read-only, SERVICE allowed, a known form);
        form: "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"; fmt: a key of formats_for(form);
        default_graph_uris / named_graph_uris: lists of IRIs, or None for the query's own
        dataset (FROM / FROM NAMED) or, without one, the service's (default graph = the RDF
        merge of all graphs); either list given makes the other empty if it is None;
        timeout: seconds, then QueryTimeout; row_limit: at most this many solutions or triples,
        with truncated=True when more were found.
        Raises QueryError (syntax or evaluation), QueryTimeout, EngineBusy.
    engine.close()
"""

import hashlib
import re
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError, QueryError
from .publish import current_release
from .query_pool import WorkerPool

# One table maps our format names to media types and pyoxigraph formats (STYLE: rdflib-endpoint).
RESULT_FORMATS = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}
# A boolean has no CSV or TSV form in the standard (SPARQL 1.1 CSV/TSV results, section 1).
BOOLEAN_FORMATS = {name: RESULT_FORMATS[name] for name in ("json", "xml")}
GRAPH_FORMATS = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "xml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
}
FORMS = {
    "SELECT": RESULT_FORMATS,
    "ASK": BOOLEAN_FORMATS,
    "CONSTRUCT": GRAPH_FORMATS,
    "DESCRIBE": GRAPH_FORMATS,
}
# Protocol dataset combinations whose merge a worker keeps ready; each costs a copy of triples.
KEPT_MERGES = 16


def formats_for(form: str) -> dict[str, tuple[str, object]]:
    """Return the formats a query form can be answered in, by name."""
    return FORMS[form]


@dataclass
class LoadedDataset:
    """A published dataset in a pyoxigraph store, with the version it was built as."""

    store: ox.Store
    version: str
    release: Path


@dataclass(frozen=True)
class Answer:
    """A serialized query result, with how many rows it holds and whether the limit cut it."""

    body: bytes
    media_type: str
    rows: int
    truncated: bool


def load_store(trig: Path) -> ox.Store:
    """Load a TriG file into a store whose default graph is the merge of all its graphs."""
    store = ox.Store()
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    # The default graph is the RDF merge of all graphs, a set: a triple that three documents
    # state matches once. pyoxigraph's use_default_graph_as_union matches it once per graph,
    # which multiplied solutions (and inflated COUNTs), so the merge is stored as the default
    # graph itself.
    merged = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)}
    store.bulk_extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in merged)
    return store


def load_dataset(data: Path) -> LoadedDataset:
    """Load the published dataset of an output folder into an in-memory store."""
    release = current_release(data)
    if release is None:
        raise InputError(f"{data}: no built dataset here; run 'diplokg build --out {data}' first")
    store = load_store(release / "diplokg.trig")
    return LoadedDataset(store=store, version=release.name, release=release)


def run_query(
    store: ox.Store, query: str, fmt: str | None = None, choose=None
) -> tuple[bytes, str]:
    """Run a query (default graph = merge of all graphs); return the body and its media type.

    The format is fmt if given, else choose(media types that fit the query form), else the
    form's default (JSON results, Turtle graphs): the form is known only once the query ran.
    """
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    if isinstance(result, ox.QueryTriples):
        table, default = GRAPH_FORMATS, "ttl"
    else:
        table, default = RESULT_FORMATS, "json"
    if fmt is None and choose is not None:
        by_type = {media_type: name for name, (media_type, _) in table.items()}
        fmt = by_type.get(choose([media_type for media_type, _ in table.values()]))
    name = fmt or default
    if name not in table:
        kind = "CONSTRUCT/DESCRIBE" if table is GRAPH_FORMATS else "SELECT/ASK"
        raise QueryError(f"format {name!r} does not fit a {kind} query; use one of {sorted(table)}")
    media_type, ox_format = table[name]
    return result.serialize(format=ox_format), media_type


def syntax_error(exc: SyntaxError) -> QueryError:
    """Return the QueryError for a parser's message, with its line and column if it gives them."""
    error = QueryError(f"SPARQL syntax error: {exc}")
    at = re.search(r"at (\d+):(\d+)", str(exc))
    error.position = (int(at.group(1)), int(at.group(2))) if at else None
    return error


def parse_form(text: str) -> str:
    """Return the form of a query as pyoxigraph parses it; raise its syntax error otherwise."""
    try:
        # An empty store parses the query; a SELECT or CONSTRUCT is evaluated only when read.
        result = ox.Store().query(text)
    except SyntaxError as exc:
        raise syntax_error(exc) from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    return "CONSTRUCT" if isinstance(result, ox.QueryTriples) else "SELECT"


class WorkerStore:
    """A worker process's store, with the merges of protocol-given default graphs it made."""

    def __init__(self, trig: Path):
        self.store = load_store(trig)
        self.graphs = sorted(self.store.named_graphs(), key=str)
        self.merges: dict[tuple[str, ...], ox.BlankNode] = {}

    def default_graph(self, iris: list[str]):
        """Return the graph (or merge of graphs) that serves as the default graph."""
        if len(iris) < 2:
            return [ox.NamedNode(i) for i in iris]
        # pyoxigraph unions several default graphs as a multiset; the SPARQL dataset is the
        # RDF merge, a set, so a triple in two graphs must match once: merge into one graph.
        key = tuple(sorted(set(iris)))
        if key not in self.merges:
            if len(self.merges) >= KEPT_MERGES:
                self.store.remove_graph(self.merges.pop(next(iter(self.merges))))
            name = ox.BlankNode("merge" + hashlib.sha256("\n".join(key).encode()).hexdigest())
            triples = {q.triple for i in key for q in self.store.quads_for_pattern(
                None, None, None, ox.NamedNode(i))}  # fmt: skip
            self.store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
            self.merges[key] = name
        return self.merges[key]


def answer(state: WorkerStore, request: tuple) -> Answer:
    """Run one query in a worker process and serialize at most row_limit rows of it."""
    text, form, fmt, defaults, nameds, row_limit = request
    media_type, ox_format = FORMS[form][fmt]
    options = {}
    if defaults is not None or nameds is not None:
        options["default_graph"] = state.default_graph(defaults or [])
        options["named_graphs"] = [ox.NamedNode(i) for i in nameds or []]
    elif state.merges:
        options["named_graphs"] = state.graphs  # hide the merges from GRAPH ?g
    try:
        result = state.store.query(text, **options)
        if isinstance(result, ox.QueryBoolean):
            return Answer(result.serialize(format=ox_format), media_type, 1, False)
        rows = list(islice(result, row_limit + 1))
    except SyntaxError as exc:
        raise syntax_error(exc) from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    truncated = len(rows) > row_limit
    del rows[row_limit:]
    if isinstance(result, ox.QueryTriples):
        return Answer(ox.serialize(rows, format=ox_format), media_type, len(rows), truncated)
    # QuerySolutions serialize only as a whole; the kept rows go through SPARQL TSV, whose
    # cells are terms in Turtle syntax, to pyoxigraph's serializer for the wanted format.
    variables = result.variables
    lines = ["\t".join(map(str, variables))]
    lines.extend("\t".join("" if s[v] is None else str(s[v]) for v in variables) for s in rows)
    tsv = ("\n".join(lines) + "\n").encode()
    kept = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return Answer(kept.serialize(format=ox_format), media_type, len(rows), truncated)


class OxigraphEngine:
    """The pyoxigraph engine: a published release served by a pool of query workers."""

    def __init__(self, release: Path, workers: int = 2):
        self.release = release
        self.version = release.name
        trig = release / "diplokg.trig"
        setup, handle = f"{__name__}:WorkerStore", f"{__name__}:answer"
        self.pool = WorkerPool(workers, setup, (trig,), handle)

    def query(self, text, form, fmt, default_graph_uris, named_graph_uris, timeout, row_limit):
        """Answer a checked query within timeout seconds (see the module docstring)."""
        request = (text, form, fmt, default_graph_uris, named_graph_uris, row_limit)
        return self.pool.run(request, timeout)

    def start(self) -> None:
        """Start the query workers now rather than at the first query."""
        self.pool.start()

    def close(self) -> None:
        self.pool.close()
