"""The real server, started as users start it, answers on 127.0.0.1."""

import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph

from conftest import free_port, get, running_server


@pytest.fixture(scope="module")
def server(built):
    """Start 'diplokg serve' on a free port; yield its base URL; stop it."""
    with running_server(built) as base:
        yield base


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
    html = body.decode()  # the site's header, search box included, and the page's contents
    assert html.index('<header class="top">') < html.index('<nav id="toc"')
    assert 'href="/timeline"' in html and 'id="search"' in html and "header.css" in html


def test_turtle_dump_parses(server):
    """/dumps/diplokg.ttl parses back into a graph."""
    status, _, body = get(server + "/dumps/diplokg.ttl")
    assert status == 200
    assert len(Graph().parse(data=body, format="turtle")) > 100


def test_gunicorn_serves_the_same_endpoint(built):
    """--server gunicorn serves the app too (granian is the default)."""
    with running_server(built, options=("--server", "gunicorn")) as base:
        status, _, body = get(base + "/sparql?query=ASK%20%7B%7D")
    assert status == 200
    assert json.loads(body)["boolean"] is True


REFUSED = [("text/plain", 415), ("application/sparql-update", 403)]


@pytest.mark.parametrize(("media", "status"), REFUSED)
def test_an_unread_body_leaves_the_connection_open(server, media, status):
    """Regression: refused before its 200 KB body was read, a request cost granian's client the
    connection (closed without `Connection: close`); the next request on it is answered."""
    parts = urllib.parse.urlsplit(server)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("POST", "/sparql", body=b"x" * 200_000, headers={"Content-Type": media})
    resp = conn.getresponse()
    resp.read()
    assert resp.status == status
    conn.request("GET", "/health")
    resp = conn.getresponse()
    assert resp.status == 200 and json.loads(resp.read())["status"] == "ok"
    conn.close()


def test_a_body_over_the_limit_gets_its_413(server):
    """Regression: under granian a client sending 1.5 MB got a broken pipe, not the 413."""
    parts = urllib.parse.urlsplit(server)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    body = b"ASK {}" + b" " * 1_500_000
    conn.request("POST", "/sparql", body=body, headers={"Content-Type": "application/sparql-query"})
    resp = conn.getresponse()
    assert resp.status == 413
    assert resp.read()
    conn.request("GET", "/health")
    assert conn.getresponse().status == 200
    conn.close()


@pytest.mark.parametrize(
    ("name", "value"), [("DIPLOKG_LOG_LEVEL", "loud"), ("DIPLOKG_ACCESS_LOG", "yes")]
)
def test_a_bad_logging_setting_stops_serve_with_exit_2(built, name, value):
    """A bad value is named before any worker starts, not as a traceback in each."""
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "serve", "--data", str(built)]
    cmd += ["--port", str(free_port())]
    run = subprocess.run(cmd, capture_output=True, text=True, timeout=60,
                         env={**os.environ, name: value})  # fmt: skip
    assert run.returncode == 2
    assert f"{name}={value!r}" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("access", ["1", "0"])
def test_the_access_log_is_on_by_default_and_can_be_turned_off(built, access):
    """DIPLOKG_ACCESS_LOG=0: no line per request; the server answers all the same."""
    env = {"DIPLOKG_ACCESS_LOG": access}
    with tempfile.TemporaryFile() as log, running_server(built, env, log=log) as base:
        assert get(base + "/health?probe=access")[0] == 200
        time.sleep(0.5)
        log.seek(0)
        lines = log.read().decode()
    assert ("/health" in lines) == (access == "1"), lines
