"""Answer queries with an external SPARQL store, behind the same checks and limits as our engine.

The endpoint checks a query (read-only, SERVICE allow-list, a known form) and then calls an
engine (interface: graph/query/protocol.py, QueryEngine). This engine forwards the query with
the SPARQL 1.1 Protocol, stops waiting at the time limit, reads at most the row limit, and
serialises the answer with the same writers as the embedded engine, so a client cannot tell
them apart.
"""

import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable
from http.client import HTTPResponse
from itertools import islice
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox

from ..errors import DiplokgError, InputError, QueryError, QueryTimeout
from .engine import FORMS, serialized
from .protocol import Answer, QueryEngine

BACKEND_PREFIX = "sparql:"
BACKEND_ENV = "DIPLOKG_BACKEND"  # set by 'diplokg serve --backend'
# A store without a default graph of its own (Virtuoso) keeps the merge in a named graph.
DEFAULT_GRAPH_ENV = "DIPLOKG_BACKEND_DEFAULT_GRAPH"
RESULTS_TYPE = "application/sparql-results+json"
# N-Triples is a subset of Turtle: a Turtle parser reads the answer whichever the store sends.
GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
Row = TypeVar("Row", ox.Triple, ox.QuerySolution)


class StoreUnavailable(DiplokgError):
    """The external store could not answer: down, unreachable, or failing on its side."""

    status = 502  # a gateway's failure: neither the client's fault nor our bug


def backend_url(backend: str) -> str:
    """Return the query URL of a --backend value 'sparql:URL'."""
    url = backend.removeprefix(BACKEND_PREFIX)
    parts = urllib.parse.urlsplit(url)
    if not backend.startswith(BACKEND_PREFIX) or parts.scheme not in ("http", "https"):
        raise InputError(f"--backend {backend!r}: use sparql:http(s)://host:port/path")
    return url


def has_dataset_clause(text: str) -> bool:
    """Say whether a query names its own dataset (FROM or FROM NAMED)."""
    # IRIs, strings and comments may hold the word; the keyword is what is left after them.
    text = re.sub(r"<[^<>\s]*>", " ", text)
    text = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'',
                  " ", text)  # fmt: skip
    text = re.sub(r"#[^\n]*", " ", text)
    return re.search(r"(?<![\w:])FROM\b", text, re.IGNORECASE) is not None


def make_engine(
    release: Path, workers: int = 2, memory_quads: int = 0, store: ox.Store | None = None
) -> QueryEngine:
    """Return the engine the settings ask for: the store of $DIPLOKG_BACKEND, else pyoxigraph
    (memory_quads, store: see OxigraphEngine)."""
    backend = os.environ.get(BACKEND_ENV)
    if backend:
        return RemoteEngine.from_backend(backend, release)
    from .engine import OxigraphEngine

    return OxigraphEngine(release, workers, memory_quads, store)


class RemoteEngine:
    """Forward checked queries to a SPARQL endpoint; answer as the embedded engine does."""

    def __init__(self, url: str, version: str, graphs: list[str], default_graph: str | None):
        """Serve the store at url; graphs are the dataset's named graphs, in GRAPH ?g order."""
        self.url, self.version = url, version
        self.graphs, self.default_graph = graphs, default_graph

    @classmethod
    def from_backend(cls, backend: str, release: Path) -> "RemoteEngine":
        """Make the engine of a --backend value for a published release (its graphs, version)."""
        from .store import release_graphs

        graphs = list(release_graphs(release))
        default_graph = os.environ.get(DEFAULT_GRAPH_ENV) or None
        return cls(backend_url(backend), release.name, graphs, default_graph)

    def dataset_params(
        self, text: str, defaults: list[str] | None, nameds: list[str] | None
    ) -> list[tuple[str, str]]:
        """Return the protocol's dataset parameters to send with a query."""
        if defaults is None and nameds is None:
            if self.default_graph is None or has_dataset_clause(text):
                return []  # the store's default graph is the merge, or the query says its own
            defaults, nameds = [self.default_graph], self.graphs
        params = [("default-graph-uri", iri) for iri in defaults or []]
        return params + [("named-graph-uri", iri) for iri in nameds or []]

    def query(
        self, text: str, form: str, fmt: str, default_graph_uris: list[str] | None,
        named_graph_uris: list[str] | None, timeout: float, row_limit: int,
        here: bool | int = False,
    ) -> Answer:  # fmt: skip
        """Answer a checked query within timeout seconds (protocol.py: QueryEngine.query); the
        store runs every query, so `here` changes nothing."""
        media_type, ox_format = FORMS[form][fmt]
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        params = [("query", text), *self.dataset_params(text, default_graph_uris, named_graph_uris)]
        request = urllib.request.Request(
            self.url,
            data=urllib.parse.urlencode(params).encode(),
            headers={"Accept": GRAPH_TYPES if graph_form else RESULTS_TYPE},
        )
        deadline = time.monotonic() + timeout
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                _refuse_partial(response, timeout)
                if graph_form:
                    rows = ox.parse(response, format=ox.RdfFormat.TURTLE)
                    kept = _take(rows, row_limit, deadline, timeout)
                    body = serialized(kept[:row_limit], ox_format)
                    return _answer(body, media_type, len(kept), row_limit)
                result = ox.parse_query_results(response, format=ox.QueryResultsFormat.JSON)
                if form == "ASK":
                    boolean = _boolean(result)
                    return Answer(serialized(boolean, ox_format), media_type, 1, False)
                assert isinstance(result, ox.QuerySolutions)  # a form that is not ASK: a table
                kept = _take(result, row_limit, deadline, timeout)
                body = _solutions(result.variables, kept[:row_limit], ox_format)
                return _answer(body, media_type, len(kept), row_limit)
        except urllib.error.HTTPError as exc:
            message = " ".join(exc.read().decode("utf-8", "replace").split())[:500]
            if exc.code in (400, 422):
                raise QueryError(f"the store refused the query: {message}") from None
            raise StoreUnavailable(f"the store answered HTTP {exc.code}: {message}") from None
        except OSError as exc:
            # A read timeout may surface wrapped (URLError, or OSError from the parser).
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or time.monotonic() >= deadline:
                raise QueryTimeout(f"the store did not answer within {timeout:g} s") from None
            raise StoreUnavailable(f"the store at {self.url} cannot be reached: {reason}") from None
        except SyntaxError as exc:
            raise StoreUnavailable(f"the store's answer cannot be read: {exc}") from None

    def start(self) -> None:
        """Start nothing: the store runs on its own."""

    def close(self) -> None:
        """Hold nothing open: each query has its own connection."""


def _refuse_partial(response: HTTPResponse, timeout: float) -> None:
    """Raise QueryTimeout if the store cut its answer short when its own time ran out."""
    # Virtuoso's "anytime" answers return what was found so far, with this header set.
    state = response.headers.get("X-SQL-State")
    if state:
        message = response.headers.get("X-SQL-Message", "")
        raise QueryTimeout(f"the store gave a partial answer ({state} {message})".strip())


def _take(rows: Iterable[Row], row_limit: int, deadline: float, timeout: float) -> list[Row]:
    """Read at most row_limit + 1 rows, the extra one telling that the limit cut the answer."""
    kept = []
    for row in islice(rows, row_limit + 1):
        if time.monotonic() > deadline:
            raise QueryTimeout(f"the store did not answer within {timeout:g} s")
        kept.append(row)
    return kept


def _boolean(result: ox.QuerySolutions | ox.QueryBoolean) -> ox.QueryBoolean:
    """Return an ASK answer, also from a store that sends it as a one-cell table."""
    if isinstance(result, ox.QueryBoolean):
        return result
    # Virtuoso 7.2 answers ASK over POST as a SELECT of ?__ASK_RETVAL: a row of 1, or no row.
    value = any(s[v] is not None and s[v].value not in ("0", "false") for s in result for v in
                result.variables)  # fmt: skip
    text = f'{{"head": {{}}, "boolean": {"true" if value else "false"}}}'
    boolean = ox.parse_query_results(text, format=ox.QueryResultsFormat.JSON)
    assert isinstance(boolean, ox.QueryBoolean)  # the JSON just written holds a boolean
    return boolean


def _answer(body: bytes, media_type: str, found: int, row_limit: int) -> Answer:
    """Say how many rows the body holds and whether the limit cut the answer."""
    return Answer(body, media_type, min(found, row_limit), found > row_limit)


def _solutions(
    variables: list[ox.Variable],
    rows: list[ox.QuerySolution],
    ox_format: ox.QueryResultsFormat | ox.RdfFormat,
) -> bytes:
    """Serialise solutions; through SPARQL TSV, whose cells are terms in Turtle syntax."""
    lines = ["\t".join(map(str, variables))]
    lines.extend("\t".join("" if s[v] is None else str(s[v]) for v in variables) for s in rows)
    tsv = ("\n".join(lines) + "\n").encode()
    return serialized(ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV), ox_format)
