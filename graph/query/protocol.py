"""The interfaces queries are asked through, so that one engine or store can stand in for another.

The embedded engine (engine.py: pyoxigraph behind a pool of query workers) and the remote one
(remote.py: an external SPARQL store) both satisfy QueryEngine; the server is typed against it,
behind the same checks and limits whichever engine answers. Queryable is what the pages and
the CLI's reports ask directly: a pyoxigraph store, or a stand-in that forwards to an engine.
"""

from dataclasses import dataclass
from typing import Protocol

import pyoxigraph as ox

# What pyoxigraph answers a query with: solutions, a boolean, or triples.
Result = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


@dataclass(frozen=True)
class Answer:
    """A serialized query result, with how many rows it holds and whether the limit cut it."""

    body: bytes
    media_type: str
    rows: int
    truncated: bool


class QueryEngine(Protocol):
    """Answer checked SPARQL queries over one published dataset, within time and row limits."""

    version: str  # the dataset version; cached answers and ETags are tied to it

    def query(
        self, text: str, form: str, fmt: str, default_graph_uris: list[str] | None,
        named_graph_uris: list[str] | None, timeout: float, row_limit: int,
        here: bool | int = False,
    ) -> Answer:  # fmt: skip
        """Answer a checked query; raise QueryError (syntax, evaluation), QueryTimeout, EngineBusy.

        text: the query, already checked (read-only, SERVICE allowed, a known form);
        form: "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"; fmt: a key of formats_for(form);
        default_graph_uris / named_graph_uris: lists of IRIs, or None for the query's own
        dataset (FROM / FROM NAMED) or, without one, the service's (default graph = the RDF
        merge of all graphs); either list given makes the other empty if it is None;
        timeout: seconds, then QueryTimeout; row_limit: at most this many solutions or triples,
        with Answer.truncated set when more were found;
        here: True or a bound on the rows, when the caller proved the query cheap
        (server/query_cost.py): it may run in this process, without a time limit. An engine
        may ignore it.
        """
        ...

    def start(self) -> None:
        """Get ready to answer (start workers) before the first query rather than during it."""
        ...

    def close(self) -> None:
        """Let go of what the engine holds (workers, connections)."""
        ...


class Queryable(Protocol):
    """What SPARQL queries are asked of: a pyoxigraph Store, or a stand-in that forwards them to a
    QueryEngine and reads its answer back (server/lookup.py: ForwardingStore)."""

    def query(self, query: str) -> Result | list[ox.Triple]:
        """Answer a query: pyoxigraph's results, or the triples of a graph read back."""
        ...
