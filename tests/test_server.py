"""The real server, started as users start it, answers on 127.0.0.1."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest
from rdflib import Graph


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(data, env: dict | None = None, workers: int = 1, options: tuple = ()):
    """Start 'diplokg serve' for a dataset on a free port of 127.0.0.1; yield its base URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "serve", "--data", str(data)]
    # A log file, not a pipe: a pipe nobody reads fills up and stalls the server.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            [*cmd, "--port", str(port), "--workers", str(workers), *options],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    log.seek(0)
                    pytest.fail(log.read().decode())
                time.sleep(0.2)
        try:
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def server(built):
    """Start 'diplokg serve' on a free port; yield its base URL; stop it."""
    with running_server(built) as base:
        yield base


def get(url: str, accept: str | None = None):
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_health_answers_with_version(server):
    """/health says ok and names the dataset version."""
    status, _, body = get(server + "/health")
    assert status == 200
    assert json.loads(body)["status"] == "ok"


def test_home_page_is_html(server):
    """/ is an HTML page naming the graphs."""
    status, headers, body = get(server + "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert b"/graph/inferred" in body


def test_sparql_select_returns_json_results(server):
    """A SELECT over /sparql answers SPARQL JSON results with the three documents."""
    q = "SELECT ?d WHERE { ?d a <https://w3id.org/diplokg/ontology#SourceDocument> }"
    status, headers, body = get(server + "/sparql?" + urllib.parse.urlencode({"query": q}))
    assert status == 200
    assert headers["Content-Type"].startswith("application/sparql-results+json")
    assert len(json.loads(body)["results"]["bindings"]) == 3


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("*/*", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/turtle, */*;q=0.1", "application/sparql-results+json"),
    ],
)
def test_ask_results_follow_accept(server, accept, media_type):
    """An ASK answers in the results format the client accepts, JSON by default."""
    url = server + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    status, headers, _ = get(url, accept)
    assert status == 200
    assert headers["Content-Type"].startswith(media_type)


def test_ask_in_csv_is_not_acceptable(server):
    """An ASK result has no CSV form: Accept text/csv alone gets 406 with a message."""
    url = server + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    status, _, body = get(url, "text/csv")
    assert status == 406
    assert "application/sparql-results+json" in json.loads(body)["error"]


def test_construct_answers_turtle_by_default(server):
    """A CONSTRUCT with Accept */* answers Turtle that parses back."""
    q = "CONSTRUCT WHERE { ?d a <https://w3id.org/diplokg/ontology#SourceDocument> }"
    status, headers, body = get(server + "/sparql?" + urllib.parse.urlencode({"query": q}), "*/*")
    assert status == 200
    assert headers["Content-Type"].startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == 3


def test_sparql_syntax_error_is_a_400_with_message(server):
    """A query that does not parse gets 400 and the parser's message."""
    status, _, body = get(server + "/sparql?query=SELEKT")
    assert status == 400
    assert "syntax error" in json.loads(body)["error"]


def test_ontology_page_is_served(server):
    """/ontology serves the ontology's HTML documentation."""
    status, _headers, body = get(server + "/ontology")
    assert status == 200
    assert b'id="Embassy"' in body


def test_turtle_dump_parses(server):
    """/dumps/diplokg.ttl parses back into a graph."""
    status, _, body = get(server + "/dumps/diplokg.ttl")
    assert status == 200
    assert len(Graph().parse(data=body, format="turtle")) > 100


def test_granian_serves_the_same_endpoint(built):
    """--server granian serves the app too, where granian is installed."""
    pytest.importorskip("granian")
    with running_server(built, options=("--server", "granian")) as base:
        status, _, body = get(base + "/sparql?query=ASK%20%7B%7D")
    assert status == 200
    assert json.loads(body)["boolean"] is True
