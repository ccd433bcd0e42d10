"""Answer SPARQL queries over a published dataset with pyoxigraph, the engine behind /sparql.

The endpoint talks to its engine through one small interface (protocol.py: QueryEngine), so
that another engine (for example a remote SPARQL store) can stand in for pyoxigraph behind the
same checks and limits. OxigraphEngine is the embedded one: a pool of query workers, each with
the release's on-disk store, and the same store in this process for queries proved cheap (a
copy in memory, if the dataset is small: see OxigraphEngine).
"""

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TypedDict

import pyoxigraph as ox

from ..errors import InputError, QueryError
from ..publish.dumps import read_index
from ..publish.release import current_release
from ..publish.release_store import ensure_release_store, fill, open_release_store
from .pool import SharedPool, WorkerPool
from .protocol import Answer, Queryable, Result
from .sparql_errors import QuerySyntaxError, position, shorten
from .supervisor import QUERY_SOCKET_ENV, Supervisor

# One table maps our format names to media types and pyoxigraph formats (STYLE: rdflib-endpoint).
RESULT_FORMATS: dict[str, tuple[str, ox.QueryResultsFormat]] = {
    "json": ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    "xml": ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    "csv": ("text/csv", ox.QueryResultsFormat.CSV),
    "tsv": ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
}
# A boolean has no CSV or TSV form in the standard (SPARQL 1.1 CSV/TSV results, section 1).
BOOLEAN_FORMATS = {name: RESULT_FORMATS[name] for name in ("json", "xml")}
GRAPH_FORMATS: dict[str, tuple[str, ox.RdfFormat]] = {
    "ttl": ("text/turtle", ox.RdfFormat.TURTLE),
    "nt": ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    "jsonld": ("application/ld+json", ox.RdfFormat.JSON_LD),
    "xml": ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    "trig": ("application/trig", ox.RdfFormat.TRIG),
}
# A format's media type and pyoxigraph format, by format name, by query form.
Formats = Mapping[str, tuple[str, ox.QueryResultsFormat | ox.RdfFormat]]
FORMS: dict[str, Formats] = {
    "SELECT": RESULT_FORMATS,
    "ASK": BOOLEAN_FORMATS,
    "CONSTRUCT": GRAPH_FORMATS,
    "DESCRIBE": GRAPH_FORMATS,
}
# Protocol dataset combinations whose merge a worker keeps ready; each costs a copy of triples.
KEPT_MERGES = 16


def formats_for(form: str) -> Formats:
    """Return the formats a query form can be answered in, by name."""
    return FORMS[form]


def serialized(
    result: Result | Iterable[ox.Triple] | Iterable[ox.Quad],
    ox_format: ox.QueryResultsFormat | ox.RdfFormat,
) -> bytes:
    """Serialize a query result (or triples, or quads) in a format of its kind."""
    if isinstance(result, ox.QuerySolutions | ox.QueryBoolean):
        assert isinstance(ox_format, ox.QueryResultsFormat), ox_format
        body = result.serialize(format=ox_format)
    else:
        assert isinstance(ox_format, ox.RdfFormat), ox_format
        if isinstance(result, ox.QueryTriples):
            body = result.serialize(format=ox_format)
        else:
            body = ox.serialize(result, format=ox_format)
    # Bytes, as no output file is given; pyoxigraph's stubs say bytes | None for both cases.
    assert body is not None
    return body


@dataclass
class LoadedDataset:
    """A published dataset in a pyoxigraph store, with the version it was built as."""

    store: ox.Store
    version: str
    release: Path


def load_store(trig: Path) -> ox.Store:
    """Load a TriG file into a store whose default graph is the merge of all its graphs."""
    store = ox.Store()
    fill(store, trig)
    return store


def load_dataset(data: Path) -> LoadedDataset:
    """Load the published dataset of an output folder into an in-memory store."""
    release = published(data)
    return LoadedDataset(store=load_store(release / "diplokg.trig"), version=release.name,
                         release=release)  # fmt: skip


def open_dataset(data: Path) -> LoadedDataset:
    """Open the published dataset of an output folder in its on-disk store, read-only."""
    release = published(data)
    return LoadedDataset(store=open_release_store(release), version=release.name, release=release)


def prepare_dataset(data: Path) -> str:
    """Check the published dataset and write its on-disk store, without opening it."""
    release = published(data)
    ensure_release_store(release)
    return release.name


def published(data: Path) -> Path:
    """Return the release folder of an output folder; say what to do if there is none."""
    release = current_release(data)
    if release is None:
        raise InputError(f"{data}: no built dataset here; run 'diplokg build --out {data}' first")
    return release


def run_query(
    store: Queryable, query: str, fmt: str | None = None, offered: Iterable[str] | None = None
) -> tuple[bytes, str]:
    """Run a query (default graph = merge of all graphs); return the body and its media type.

    The format is fmt if given, else the form's default (JSON results, Turtle graphs): the form
    is known only once the query ran. offered: the format names the caller accepts at all,
    which a wrong format's message lists.
    """
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise syntax_error(exc, query) from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    table: Formats
    if isinstance(result, ox.QueryTriples):
        table, default = GRAPH_FORMATS, "ttl"
    else:
        table, default = RESULT_FORMATS, "json"
    name = fmt or default
    if name not in table:
        kind = "CONSTRUCT/DESCRIBE" if table is GRAPH_FORMATS else "SELECT/ASK"
        usable = sorted(table if offered is None else set(table) & set(offered))
        raise QueryError(f"format {name!r} does not fit a {kind} query; use one of {usable}")
    media_type, ox_format = table[name]
    return serialized(result, ox_format), media_type


def syntax_error(exc: SyntaxError, text: str | None = None) -> QuerySyntaxError:
    """Return the QueryError for a parser's message, shortened to one line (where, and what was
    expected), with its line and column if it gives them."""
    at = position(str(exc))
    error = QuerySyntaxError(f"SPARQL syntax error{' at' if at else ':'} {shorten(str(exc), text)}")
    error.position = at
    return error


def moved_up(error: QueryError, lines: int) -> QueryError:
    """Return a syntax error's position, and its message, `lines` lines higher: for a query
    that ran with lines put before the user's text (a BASE), so that both point into it."""
    at = error.position if isinstance(error, QuerySyntaxError) else None
    if not at or at[0] <= lines:
        return error
    line, column = at
    text = str(error).replace(f"line {line}, column", f"line {line - lines}, column", 1)
    moved = QuerySyntaxError(text)
    moved.position = (line - lines, column)
    return moved


def parse_form(text: str) -> str:
    """Return the form of a query as pyoxigraph parses it; raise its syntax error otherwise."""
    try:
        # An empty store parses the query; a SELECT or CONSTRUCT is evaluated only when read.
        result = ox.Store().query(text)
    except SyntaxError as exc:
        raise syntax_error(exc, text) from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    if isinstance(result, ox.QueryBoolean):
        return "ASK"
    return "CONSTRUCT" if isinstance(result, ox.QueryTriples) else "SELECT"


class DatasetOptions(TypedDict, total=False):
    """The options of Store.query that give a query its dataset."""

    default_graph: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]
    named_graphs: list[ox.NamedNode | ox.BlankNode]


# A query for a worker: text, form, format, protocol default and named graphs, row limit.
Request = tuple[str, str, str, list[str] | None, list[str] | None, int]


class WorkerStore:
    """A release's store, read-only, with the datasets made for protocol-given default graphs."""

    def __init__(self, trig: Path | str, in_memory: bool = False, opened: ox.Store | None = None):
        # opened: the release's store, if the process opened it already (one handle, one cache)
        self.store = open_release_store(Path(trig).parent) if opened is None else opened
        if in_memory:  # a copy of the whole store, default graph included
            copy = ox.Store()
            copy.bulk_extend(self.store.quads_for_pattern(None, None, None, None))
            self.store = copy
        self.graphs = sorted(self.store.named_graphs(), key=str)
        self.merges: dict[tuple[tuple[str, ...], tuple[str, ...]], ox.Store] = {}

    def dataset(self, defaults: list[str], nameds: list[str]) -> tuple[ox.Store, DatasetOptions]:
        """Return the store and the query options that give a query this dataset."""
        if len(set(defaults)) < 2:
            default: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph]
            default = [ox.NamedNode(i) for i in defaults]
            return self.store, {"default_graph": default,
                                "named_graphs": [ox.NamedNode(i) for i in nameds]}  # fmt: skip
        # pyoxigraph unions several default graphs as a multiset; the SPARQL dataset is the
        # RDF merge, a set, so a triple in two graphs must match once. The release's store is
        # read-only: the merge goes, with the named graphs asked for, into a small store in
        # memory, kept for the next query on the same dataset.
        key = (tuple(sorted(set(defaults))), tuple(sorted(set(nameds))))
        if key not in self.merges:
            if len(self.merges) >= KEPT_MERGES:
                self.merges.pop(next(iter(self.merges)))
            merged = ox.Store()
            triples = {q.triple for i in key[0] for q in self.store.quads_for_pattern(
                None, None, None, ox.NamedNode(i))}  # fmt: skip
            merged.bulk_extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
            for i in key[1]:
                merged.bulk_extend(self.store.quads_for_pattern(None, None, None, ox.NamedNode(i)))
            self.merges[key] = merged
        options: DatasetOptions = {"named_graphs": [ox.NamedNode(i) for i in key[1]]}
        return self.merges[key], options


def answer(state: WorkerStore, request: Request, most: int | None = None) -> Answer:
    """Run one query (in a worker process) and serialize at most row_limit rows of it.

    most: a proved bound on the rows (server/query_cost.py), if any.
    """
    text, form, fmt, defaults, nameds, row_limit = request
    media_type, ox_format = FORMS[form][fmt]
    store, options = state.store, DatasetOptions()
    if defaults is not None or nameds is not None:
        store, options = state.dataset(defaults or [], nameds or [])
    try:
        result = store.query(text, **options)
        if isinstance(result, ox.QueryBoolean):
            return Answer(serialized(result, ox_format), media_type, 1, False)
        if most is not None and most <= row_limit and isinstance(result, ox.QuerySolutions):
            # The limit cannot cut it: serialized whole, its rows counted in the output.
            body = serialized(result, ox_format)
            return Answer(body, media_type, count_rows(body, fmt), False)
        rows = list(islice(result, row_limit + 1))
    except SyntaxError as exc:
        raise syntax_error(exc, text) from None
    except OSError as exc:
        raise QueryError(f"the query failed: {exc}") from None
    truncated = len(rows) > row_limit
    del rows[row_limit:]
    if isinstance(result, ox.QueryTriples):
        return Answer(serialized(rows, ox_format), media_type, len(rows), truncated)
    # QuerySolutions serialize only as a whole; the kept rows go through SPARQL TSV, whose
    # cells are terms in Turtle syntax, to pyoxigraph's serializer for the wanted format.
    variables = result.variables
    lines = ["\t".join(map(str, variables))]
    lines.extend("\t".join("" if s[v] is None else str(s[v]) for v in variables) for s in rows)
    tsv = ("\n".join(lines) + "\n").encode()
    kept = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return Answer(serialized(kept, ox_format), media_type, len(rows), truncated)


def release_quads(release: Path) -> int:
    """Return the quads of a release's named graphs, from its dump index (0: not known)."""
    quads = read_index(release).get("diplokg.nq", {}).get("quads", 0)
    return quads if isinstance(quads, int) else 0


def count_rows(body: bytes, fmt: str) -> int:
    """Count the solutions in a serialized SELECT result."""
    if fmt == "json":
        if b"{}" in body:  # perhaps a solution that binds nothing (or those bytes in a literal)
            return len(json.loads(body)["results"]["bindings"])
        # pyoxigraph writes compact JSON; a '"' inside a string is written \", so '{"' can only
        # be the start of an object: a solution starts after '[' or ',', a term after ':'.
        return body.count(b'[{"') + body.count(b',{"')
    if fmt == "xml":
        return body.count(b"<result>")  # a literal's "<" is written &lt;
    if fmt == "tsv":
        return body.count(b"\n") - 1  # TSV writes a line break in a literal as \n
    return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1


SETUP, HANDLE = f"{__name__}:WorkerStore", f"{__name__}:answer"  # what query workers run


def start_query_workers(data: Path, size: int) -> Supervisor:
    """Start the server's shared pool of query workers on the current release of data.

    'diplokg serve' calls it before starting its web workers, whose engines then use the pool
    (DIPLOKG_QUERY_SOCKET) rather than pools of their own.
    """
    return Supervisor(size, SETUP, HANDLE, str(published(data) / "diplokg.trig"))


class OxigraphEngine:
    """The pyoxigraph engine: a published release served by query workers.

    The workers are the server's shared pool when 'diplokg serve' started one (supervisor.py),
    else a pool of this engine's own, of at most `workers` processes.

    The queries proved cheap run here, on the release's on-disk store, or on a copy of it in
    memory when the dataset has at most memory_quads quads: on small data, reading the on-disk
    store's indexes costs as much as the rest of the query (on the seeds, an entity's
    statements took 83 us on disk and 38 us in memory), while on large data the two cost the
    same (docs/endpoint-benchmarks.md) and a copy per web worker would cost much memory.
    store: the release's on-disk store, where the caller opened it already.
    """

    def __init__(
        self, release: Path, workers: int = 2, memory_quads: int = 0, store: ox.Store | None = None
    ):
        self.release = release
        self.version = release.name
        trig = release / "diplokg.trig"
        shared = os.environ.get(QUERY_SOCKET_ENV)
        self.pool: WorkerPool[Answer] | SharedPool[Answer]
        if shared:  # the requests name the release: after a reload, the pool serves both
            self.pool = SharedPool(shared, str(trig))
        else:
            self.pool = WorkerPool(workers, SETUP, (trig,), HANDLE)
        self.in_memory = 0 < release_quads(release) <= memory_quads
        self.opened = store
        self.local: WorkerStore | None = None  # the release's store, for queries run here

    def query(
        self, text: str, form: str, fmt: str, default_graph_uris: list[str] | None,
        named_graph_uris: list[str] | None, timeout: float, row_limit: int,
        here: bool | int = False,
    ) -> Answer:  # fmt: skip
        """Answer a checked query within timeout seconds (protocol.py: QueryEngine.query)."""
        request: Request = (text, form, fmt, default_graph_uris, named_graph_uris, row_limit)
        if here:  # proved cheap by the caller: no worker, no hop
            if self.local is None:
                self.start_local()
            assert self.local is not None
            return answer(self.local, request, None if here is True else here)
        return self.pool.run(request, timeout)

    def start(self) -> None:
        """Start the query workers now rather than at the first query."""
        self.pool.start()
        if self.local is None:
            self.start_local()

    def start_local(self) -> None:
        """Open the store for the queries run here (or copy it into memory)."""
        self.local = WorkerStore(self.release / "diplokg.trig", self.in_memory, self.opened)

    def close(self) -> None:
        self.pool.close()
