"""The endpoint stays closed and up: no outbound connection, no file read, no update, no hang.

Every test talks HTTP to 'diplokg serve' on 127.0.0.1, with a 2 s query time limit.
"""

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from test_server import get, running_server

TIME_LIMIT = 2
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def endpoint(built):
    """Serve the seeds with a short time limit and room for three queries at once."""
    env = {
        "DIPLOKG_QUERY_TIMEOUT": str(TIME_LIMIT),
        "DIPLOKG_QUERY_WORKERS": "3",
        "DIPLOKG_MAX_REQUEST_BYTES": "100000",
    }
    with running_server(built, env) as base:
        yield base


class Listener:
    """A TCP listener on 127.0.0.1 that counts the connections it receives."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    found = Listener()
    yield found
    found.close()


def query(base: str, text: str, **params):
    return get(base + "/sparql?" + urllib.parse.urlencode({"query": text, **params}))


@pytest.mark.parametrize(
    "service",
    [
        "SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}",
        "SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}",
        "service <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}",
        "\\u0053ERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}",
        "VALUES ?e {{ <http://127.0.0.1:{port}/sparql> }} SERVICE ?e {{ ?s ?p ?o }}",
    ],
)
def test_service_outside_the_allow_list_opens_no_connection(endpoint, listener, service):
    """SERVICE to a listener of the test is refused with 403, and the listener sees nobody."""
    text = "SELECT * WHERE { " + service.format(port=listener.port)
    status, _, body = query(endpoint, text + " }")
    time.sleep(0.5)
    assert status == 403, body
    assert "SERVICE" in json.loads(body)["error"]
    assert listener.connections == 0


def test_from_a_file_or_url_reads_nothing(endpoint, listener, tmp_path):
    """FROM, FROM NAMED and default-graph-uri select graphs of the dataset, never fetch one."""
    secret = tmp_path / "secret.nt"
    secret.write_text("<urn:secret> <urn:is> <urn:here> .\n", encoding="utf-8")
    url = f"http://127.0.0.1:{listener.port}/data.nt"
    for text, params in [
        (f"SELECT * FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}", {}),
        ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", {}),
        (f"SELECT * FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", {}),
        ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": secret.as_uri()}),
        ("SELECT * WHERE { ?s ?p ?o }", {"default-graph-uri": url}),
    ]:
        status, _, body = query(endpoint, text, **params)
        assert status == 200, body
        assert json.loads(body)["results"]["bindings"] == [], text
    time.sleep(0.5)
    assert listener.connections == 0


def post(endpoint: str, text: str, content_type: str) -> tuple[int, bytes]:
    """POST a body directly to /sparql; return the status and body, for errors too."""
    request = urllib.request.Request(
        endpoint + "/sparql", data=text.encode(), headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "LOAD <file:///etc/passwd>",
        "DROP ALL",
        "PREFIX x: <urn:x>\nDELETE WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(endpoint, update):
    """An update is refused with 403 as query, as update parameter and as a direct POST."""
    assert query(endpoint, update)[0] == 403
    url = endpoint + "/sparql?" + urllib.parse.urlencode({"update": update})
    assert get(url)[0] == 403
    status, body = post(endpoint, update, "application/sparql-update")
    assert status == 403 and "read-only" in json.loads(body)["error"]
    _, _, body = query(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }")
    assert json.loads(body)["boolean"] is False


EXPENSIVE = {
    "catastrophic regex": """SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y
        FILTER(REGEX(CONCAT(STR(?x), STR(?y)), "^(a|aa|a?a)+(b|c|[a-c]*)*$")) }""",
    "cross product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }",
}


@pytest.mark.parametrize("name", EXPENSIVE)
def test_expensive_query_is_stopped_while_others_are_answered(endpoint, name):
    """An expensive query ends with 504 within the limit + 2 s; a cheap one meanwhile gets 200."""
    slow = {}

    def run():
        start = time.monotonic()
        slow["status"], _, slow["body"] = query(endpoint, EXPENSIVE[name])
        slow["seconds"] = time.monotonic() - start

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.3)
    cheap = f"SELECT ?d WHERE {{ ?d a ?type }} LIMIT 1 # {name} {time.time()}"
    status, _, body = query(endpoint, cheap)
    cheap_done = time.monotonic()
    assert status == 200, body
    assert "seconds" not in slow  # answered while the expensive query still ran
    thread.join(TIME_LIMIT + 10)
    assert slow["status"] == 504, slow
    assert "time limit" in json.loads(slow["body"])["error"]
    assert slow["seconds"] < TIME_LIMIT + 2
    assert cheap_done  # and the server keeps answering after the kill:
    assert query(endpoint, "ASK { ?s ?p ?o }")[0] == 200


def test_oversized_request_is_refused(endpoint):
    """A body over DIPLOKG_MAX_REQUEST_BYTES gets 413 with a JSON message."""
    text = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 200_000
    status, body = post(endpoint, text, "application/sparql-query")
    assert status == 413 and json.loads(body)["error"]


class FakeEndpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint on 127.0.0.1 that answers every query with one binding."""

    def do_GET(self):
        body = json.dumps(
            {
                "head": {"vars": ["x"]},
                "results": {"bindings": [{"x": {"type": "literal", "value": "remote"}}]},
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


def test_allowed_service_is_called(built):
    """An endpoint on DIPLOKG_SERVICE_ALLOW is called, and its answer joins the results."""
    remote = ThreadingHTTPServer(("127.0.0.1", 0), FakeEndpoint)
    threading.Thread(target=remote.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{remote.server_address[1]}/sparql"
    try:
        with running_server(built, {"DIPLOKG_SERVICE_ALLOW": url}) as base:
            status, _, body = query(base, f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?s ?p ?x }} }}")
    finally:
        remote.shutdown()
    assert status == 200, body
    assert json.loads(body)["results"]["bindings"] == [
        {"x": {"type": "literal", "value": "remote"}}
    ]
