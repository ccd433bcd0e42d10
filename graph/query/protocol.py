"""The interface the endpoint asks its engine through, so that engines can stand in for another.

The embedded engine (engine.py: pyoxigraph behind a pool of query workers) and the remote one
(remote.py: an external SPARQL store) both satisfy QueryEngine; the server is typed against it,
behind the same checks and limits whichever engine answers.
"""

from typing import Protocol

from .engine import Answer


class QueryEngine(Protocol):
    """Answer checked SPARQL queries over one published dataset, within time and row limits."""

    version: str  # the dataset version; cached answers and ETags are tied to it

    def query(
        self,
        text: str,
        form: str,
        fmt: str,
        default_graph_uris: list[str] | None,
        named_graph_uris: list[str] | None,
        timeout: float,
        row_limit: int,
        here: bool | int = False,
    ) -> Answer:
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
