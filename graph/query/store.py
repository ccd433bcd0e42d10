"""Publish a built dataset to an external store with the SPARQL 1.1 Graph Store HTTP Protocol.

Each named graph is sent whole in one PUT (``?graph=IRI``), which replaces that graph in the
store: publishing twice leaves the same triples, never duplicates. Our default graph is the merge
of all named graphs; it is sent last, into the store's default graph (``?default``) or, for a store
without one (Virtuoso), into a named graph that stands in for it. A graph whose upload failed is
reported as incomplete; running the publish again replaces it whole.
"""

import base64
import hashlib
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .. import iris
from ..errors import InputError
from ..publish.release import current_release
from .engine import serialized

USER_ENV = "DIPLOKG_STORE_USER"
PASSWORD_ENV = "DIPLOKG_STORE_PASSWORD"
AUTH_SCHEMES = ("none", "basic", "digest")
# The target of the merge of all graphs: the store's default graph, nothing, or a named graph.
DEFAULT_GRAPH = "default"
NO_DEFAULT_GRAPH = "none"


@dataclass
class GraphReport:
    """What was sent for one graph and what became of it."""

    graph: str  # the graph's IRI, or "default" for the store's default graph
    triples: int
    bytes: int
    status: str  # "created", "replaced", "failed", "not sent"
    detail: str = ""

    @property
    def complete(self) -> bool:
        """Say whether the store now holds this graph as built."""
        return self.status in ("created", "replaced")


class StoreClient:
    """Talk to one Graph Store endpoint over HTTP, with optional basic or digest auth."""

    option = "--store"  # what the user gave the URL as, for messages
    endpoint = "Graph Store"

    def __init__(self, url: str, auth: str = "none", timeout: float = 60.0):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"{self.option} {url!r}: give the store's {self.endpoint} URL, http…")
        if auth not in AUTH_SCHEMES:
            raise InputError(f"--auth {auth!r}: use one of {', '.join(AUTH_SCHEMES)}")
        self.url, self.timeout = url, timeout
        self.headers: dict[str, str] = {}
        self.digest: urllib.request.HTTPDigestAuthHandler | None = None
        if auth != "none":
            user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
            if not user or password is None:
                raise InputError(f"--auth {auth}: set {USER_ENV} and {PASSWORD_ENV}")
            if auth == "basic":
                # Sent up front: a PUT body is not sent twice just to learn the scheme.
                token = base64.b64encode(f"{user}:{password}".encode()).decode()
                self.headers["Authorization"] = f"Basic {token}"
            else:
                passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                passwords.add_password(None, url, user, password)
                self.digest = urllib.request.HTTPDigestAuthHandler(passwords)

    def put(self, graph: str, body: bytes) -> int:
        """Replace one graph (an IRI, or DEFAULT_GRAPH) with N-Triples; return the HTTP status."""
        target = "default" if graph == DEFAULT_GRAPH else urllib.parse.urlencode({"graph": graph})
        sep = "&" if urllib.parse.urlsplit(self.url).query else "?"
        return self.send(f"{self.url}{sep}{target}", "PUT", "application/n-triples", body)

    def send(self, url: str, method: str, content_type: str, body: bytes) -> int:
        """Send one request with our credentials; return the HTTP status."""
        headers = {"Content-Type": content_type, **self.headers}
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        if self.digest is not None:
            self._sign(request, self.digest)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()
            status: int = response.status
            return status

    def _sign(
        self, request: urllib.request.Request, digest: urllib.request.HTTPDigestAuthHandler
    ) -> None:
        """Add a digest Authorization header, from a challenge fetched by an empty HEAD.

        urllib would first send the whole body unsigned, and a store that answers 401 and
        closes at once (Virtuoso) breaks the pipe of any body larger than the socket buffer.
        """
        probe = urllib.request.Request(request.full_url, method="HEAD")
        try:
            with urllib.request.urlopen(probe, timeout=self.timeout):
                return  # no challenge: the store wants no credentials here
        except urllib.error.HTTPError as exc:
            challenge = exc.headers.get("WWW-Authenticate", "")
            if exc.code != 401 or not challenge.lower().startswith("digest "):
                raise
        items = urllib.request.parse_http_list(challenge.split(" ", 1)[1])
        fields = urllib.request.parse_keqv_list([item for item in items if item])
        authorization = digest.get_authorization(request, fields)
        request.add_unredirected_header("Authorization", f"Digest {authorization}")


class UpdateClient(StoreClient):
    """Replace graphs with SPARQL 1.1 Update, in batches, for stores without the Graph Store
    Protocol or with a limit on one request: INSERT into a staging graph, then one MOVE."""

    option = "--update"
    endpoint = "SPARQL Update"

    def __init__(self, url: str, auth: str = "none", timeout: float = 60.0, batch: int = 1000):
        super().__init__(url, auth, timeout)
        if batch < 1:
            raise InputError(f"--batch {batch}: give at least 1 triple per request")
        self.batch = batch

    def update(self, text: str) -> int:
        return self.send(self.url, "POST", "application/sparql-update", text.encode())

    def put(self, graph: str, body: bytes) -> int:
        """Replace one graph; the old version stays whole until the final MOVE."""
        staging = iris.graph("publishing/" + hashlib.sha256(graph.encode()).hexdigest()[:16])
        target = "DEFAULT" if graph == DEFAULT_GRAPH else f"GRAPH <{graph}>"
        self.update(f"DROP SILENT GRAPH <{staging}>")
        for data in self.batches(body.decode().splitlines()):
            self.update(data.format(graph=f"<{staging}>"))
        return self.update(f"MOVE SILENT GRAPH <{staging}> TO {target}")

    def batches(self, lines: list[str]) -> Iterator[str]:
        """Yield INSERT requests ({graph} left open) of at most batch triples each."""
        # Blank nodes are fresh in each request, so every triple with one goes in one request,
        # and as a template: Virtuoso refuses blank nodes in INSERT DATA.
        blank = [line for line in lines if "_:" in line]
        plain = [line for line in lines if "_:" not in line]
        if blank:
            yield "INSERT {{ GRAPH {graph} {{\n" + _braced(blank) + "}} }} WHERE {{}}"
        for start in range(0, len(plain), self.batch):
            chunk = plain[start : start + self.batch]
            yield "INSERT DATA {{ GRAPH {graph} {{\n" + _braced(chunk) + "}} }}"


def _braced(lines: list[str]) -> str:
    """Escape braces so that str.format leaves the triples as they are."""
    return "\n".join(lines).replace("{", "{{").replace("}", "}}") + "\n"


def dataset_graphs(data: Path) -> dict[str, list[ox.Triple]]:
    """Read the published TriG of an output folder; return its triples by graph IRI, sorted."""
    release = current_release(data)
    if release is None:
        raise InputError(f"{data}: no built dataset here; run 'diplokg build --out {data}' first")
    return release_graphs(release)


def release_graphs(release: Path) -> dict[str, list[ox.Triple]]:
    """Read the TriG of a release folder; return its triples by graph IRI, sorted."""
    graphs: dict[str, list[ox.Triple]] = {}
    for quad in ox.parse(path=str(release / "diplokg.trig"), format=ox.RdfFormat.TRIG):
        if isinstance(quad.graph_name, ox.NamedNode):
            graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
    return dict(sorted(graphs.items()))


def ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """Serialise triples as N-Triples, one sorted line each, so that a graph gives one body."""
    lines = serialized(triples, ox.RdfFormat.N_TRIPLES).splitlines(keepends=True)
    return b"".join(sorted(set(lines)))


def uploads(data: Path, default_graph: str) -> list[tuple[str, bytes, int]]:
    """List (graph, N-Triples body, triple count) to send: each named graph, then the merge."""
    graphs = dataset_graphs(data)
    if default_graph not in (DEFAULT_GRAPH, NO_DEFAULT_GRAPH) and default_graph in graphs:
        raise InputError(f"--default-graph {default_graph}: that is one of the dataset's graphs")
    bodies = [(iri, ntriples(triples), len(set(triples))) for iri, triples in graphs.items()]
    if default_graph != NO_DEFAULT_GRAPH:
        # The merge is a set: a triple that several documents state is in it once.
        merged = {t for triples in graphs.values() for t in triples}
        bodies.append((default_graph, ntriples(merged), len(merged)))
    return bodies


def publish_to_store(
    data: Path,
    client: StoreClient,
    default_graph: str = DEFAULT_GRAPH,
    progress: Callable[[GraphReport], None] | None = None,
) -> list[GraphReport]:
    """Send every graph of the built dataset; return one report per graph, in sending order.

    A store that answers with an error, or drops the connection during an upload, fails that
    graph only; a store that cannot be reached (stopped) fails it and leaves the rest "not sent".
    """
    reports: list[GraphReport] = []
    reachable = True
    for graph, body, count in uploads(data, default_graph):
        report = GraphReport(graph, count, len(body), "not sent")
        if reachable:
            try:
                status = client.put(graph, body)
                report.status = "created" if status == 201 else "replaced"
            except urllib.error.HTTPError as exc:
                if exc.code in (401, 403):
                    raise InputError(
                        f"{client.url}: the store refused the credentials (HTTP {exc.code}); "
                        f"check --auth, {USER_ENV} and {PASSWORD_ENV}"
                    ) from None
                report.status, report.detail = "failed", f"HTTP {exc.code}: {_message(exc)}"
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                report.status = "failed"
                if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
                    # The store stopped mid-upload, or refused the request without reading
                    # it (Virtuoso does so with errors): the next graph tells which.
                    report.detail = f"the connection broke during the upload: {reason}"
                else:
                    report.detail = f"store unreachable: {reason}"
                    reachable = False
        reports.append(report)
        if progress is not None:
            progress(report)
    return reports


def _message(exc: urllib.error.HTTPError) -> str:
    """Return the first lines of a store's error body, which say what it disliked."""
    text = exc.read().decode("utf-8", "replace")
    text = re.sub(r"<!DOCTYPE[^>]*>|<title>.*?</title>|<[^>]+>", " ", text, flags=re.S | re.I)
    return " ".join(text.split())[:300] or exc.reason
