"""The remote engine answers as the embedded one, from a real Oxigraph server the tests start."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_publish_store import Oxigraph, free_port, main_publish, wait_for

from diplokg.graph.errors import QueryError, QueryTimeout
from diplokg.graph.publish.release import current_release
from diplokg.graph.query.engine import load_dataset, run_query
from diplokg.graph.query.remote import RemoteEngine, StoreUnavailable, has_dataset_clause
from diplokg.server.query_page import EXAMPLES

GRAPH_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
WIKIDATA_VIEW = (
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/diplokg/graph/wikidata> { ?s ?p ?o } }"
)


def example_queries() -> list[tuple[str, str, str]]:
    """Return (name, form, text) of every example query that is a query."""
    found = []
    for path in sorted(EXAMPLES.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
        form = next((f for f in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") if f in body), None)
        if form:
            found.append((path.stem, form, text))
    return found


QUERIES = [*example_queries(), ("graph-counts", "SELECT", GRAPH_COUNTS)]


def same_answer(form: str, body: bytes):
    """Reduce an answer to what must be equal: the boolean, or the rows in any order."""
    if form in ("CONSTRUCT", "DESCRIBE"):
        return sorted(body.decode().splitlines())
    data = json.loads(body)
    if form == "ASK":
        return data["boolean"]
    return sorted(json.dumps(row, sort_keys=True) for row in data["results"]["bindings"])


@pytest.fixture(scope="module")
def store(built):
    """Start an Oxigraph server and publish the seeds' dataset to it."""
    server = Oxigraph()
    assert main_publish(built, server.gsp) == 0
    yield server
    server.stop()


@pytest.fixture(scope="module")
def embedded(built):
    return load_dataset(built).store


@pytest.fixture(scope="module")
def remote(store, built):
    return RemoteEngine.from_backend(f"sparql:{store.query_url}", current_release(built))


def test_the_examples_give_the_same_answers_remotely(remote, embedded):
    assert len(QUERIES) >= 5
    for name, form, text in QUERIES:
        fmt = "nt" if form in ("CONSTRUCT", "DESCRIBE") else "json"
        answer = remote.query(text, form, fmt, None, None, 30, 10_000)
        mine, _ = run_query(embedded, text, fmt)
        assert same_answer(form, answer.body) == same_answer(form, mine), name
        assert not answer.truncated


@pytest.mark.parametrize("fmt", ["csv", "tsv", "xml", "json"])
def test_results_are_written_by_the_embedded_engines_writers(remote, embedded, fmt):
    answer = remote.query(GRAPH_COUNTS + " ORDER BY ?g", "SELECT", fmt, None, None, 30, 100)
    mine, media_type = run_query(embedded, GRAPH_COUNTS + " ORDER BY ?g", fmt)
    assert answer.media_type == media_type
    assert answer.body == mine


def test_the_row_limit_cuts_a_construct_and_says_so(remote):
    answer = remote.query(WIKIDATA_VIEW, "CONSTRUCT", "nt", None, None, 30, 10)
    assert answer.rows == 10 and answer.truncated
    assert len(answer.body.splitlines()) == 10


def test_protocol_graphs_are_forwarded(remote, embedded):
    view = ["https://w3id.org/diplokg/graph/wikidata"]
    answer = remote.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "SELECT", "csv", view, [], 30, 9)
    mine, _ = run_query(
        embedded, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{view[0]}> {{ ?s ?p ?o }} }}", "csv"
    )
    total = run_query(embedded, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "csv")[0]
    assert answer.body.splitlines()[1] == mine.splitlines()[1] != total.splitlines()[1]


def test_a_syntax_error_is_the_clients_with_the_stores_message(remote):
    with pytest.raises(QueryError, match="the store refused the query"):
        remote.query("SELECT * WHERE { ?s ?p }", "SELECT", "json", None, None, 30, 10)


def test_a_stopped_store_is_a_gateway_failure(built):
    engine = RemoteEngine(f"http://127.0.0.1:{free_port()}/query", "v", [], None)
    with pytest.raises(StoreUnavailable, match="cannot be reached") as caught:
        engine.query("ASK {}", "ASK", "json", None, None, 5, 10)
    assert caught.value.status == 502


def test_a_store_that_does_not_answer_hits_the_time_limit():
    """A listening socket that never answers: the client gives up at the limit."""
    silent = socket.create_server(("127.0.0.1", 0))
    held = []
    threading.Thread(target=lambda: held.append(silent.accept()), daemon=True).start()
    engine = RemoteEngine(f"http://127.0.0.1:{silent.getsockname()[1]}/query", "v", [], None)
    start = time.monotonic()
    try:
        with pytest.raises(QueryTimeout):
            engine.query("ASK {}", "ASK", "json", None, None, 1, 10)
        assert time.monotonic() - start < 20  # generous: the limit is 1 s
    finally:
        silent.close()


@pytest.mark.parametrize(
    ("text", "has"),
    [
        ("SELECT * FROM <http://e/g> { ?s ?p ?o }", True),
        ("select * from named ex:g where { ?s ?p ?o }", True),
        ('SELECT * { ?s ?p "FROM <x>" }', False),
        ("SELECT * { ?s <http://e/FROM> ?o } # FROM <x>", False),
    ],
)
def test_a_query_naming_its_dataset_is_seen(text, has):
    assert has_dataset_clause(text) is has


@contextmanager
def served(built: Path, backend: str, log: Path, **env: str):
    """Run `diplokg serve --backend` under gunicorn; yield a function that asks it for JSON."""
    port = free_port()
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DIPLOKG_")} | env
    command = [sys.executable, "-m", "diplokg.graph.cli", "serve", "--data", str(built)]
    args = ["--port", str(port), "--workers", "1", "--backend", backend]
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*command, *args], stdout=out, stderr=subprocess.STDOUT, env=environ
        )
    base = f"http://127.0.0.1:{port}"

    def ask(text: str) -> bytes:
        url = base + "/sparql?" + urllib.parse.urlencode({"query": text})
        request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.read()

    ask.base = base
    try:
        wait_for(base + "/health", proc)
        yield ask
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def assert_examples_match(ask, built: Path) -> int:
    """Check every example query answers through the server as the embedded engine does."""
    embedded = load_dataset(built).store
    checked = 0
    for name, form, text in example_queries():
        fmt = "nt" if form in ("CONSTRUCT", "DESCRIBE") else "json"
        mine, _ = run_query(embedded, text, fmt)
        assert same_answer(form, ask(text)) == same_answer(form, mine), name
        checked += 1
    return checked


def test_serve_with_a_backend_answers_from_the_store(store, built, tmp_path):
    """`diplokg serve --backend sparql:URL` under gunicorn: answers come from the store."""
    # A triple only the store holds proves that queries go there, not to the local dataset.
    marker = store.url + "/store?graph=urn:diplokg:test:marker"
    put = urllib.request.Request(
        marker,
        data=b"<urn:diplokg:test:served> <urn:diplokg:test:by> 'the store' .",
        method="PUT",
        headers={"Content-Type": "text/turtle"},
    )
    urllib.request.urlopen(put, timeout=30).close()
    try:
        with served(built, f"sparql:{store.query_url}", tmp_path / "serve.log") as ask:
            found = json.loads(ask("ASK { GRAPH ?g { ?s <urn:diplokg:test:by> ?o } }"))
            assert found["boolean"] is True, "the query did not reach the store"
            assert assert_examples_match(ask, built) >= 4
    finally:
        delete = urllib.request.Request(marker, method="DELETE")
        urllib.request.urlopen(delete, timeout=30).close()


def test_a_store_that_is_down_is_a_502_with_a_message(built, tmp_path):
    backend = f"sparql:http://127.0.0.1:{free_port()}/query"
    with (
        served(built, backend, tmp_path / "serve.log") as ask,
        pytest.raises(urllib.error.HTTPError) as caught,
    ):
        ask("ASK {}")
    assert caught.value.code == 502
    assert "cannot be reached" in json.load(caught.value)["error"]


def test_a_bad_backend_value_exits_2(built, capsys):
    from conftest import run_cli

    code, _, err = run_cli(capsys, "serve", "--data", built, "--backend", "http://x/sparql")
    assert code == 2
    assert "sparql:http(s)://" in err


def test_entity_pages_read_the_store_too(store, built, tmp_path):
    """In --backend mode an entity that only the store knows has a page; the seeds' do too."""
    triple = (
        "<https://w3id.org/diplokg/id/state/only-in-the-store> "
        '<http://www.w3.org/2000/01/rdf-schema#label> "Stored Only"@en'
    )

    def update(operation: str) -> None:
        request = urllib.request.Request(
            store.url + "/update",
            data=f"{operation} DATA {{ {triple} }}".encode(),
            method="POST",
            headers={"Content-Type": "application/sparql-update"},
        )
        urllib.request.urlopen(request, timeout=30).close()

    update("INSERT")  # into the store's default graph, which the pages query
    try:
        with served(built, f"sparql:{store.query_url}", tmp_path / "serve.log") as ask:
            for path, text in (
                ("/id/state/only-in-the-store", b"Stored Only"),
                ("/id/state/belgium", b"Belgium"),
            ):
                with urllib.request.urlopen(ask.base + path, timeout=60) as page:
                    assert page.status == 200 and text in page.read(), path
    finally:
        update("DELETE")
