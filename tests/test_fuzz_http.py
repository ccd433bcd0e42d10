"""Hostile input over HTTP: never a 5xx, never a hang, and the server healthy afterwards.

Property-based tests (hypothesis, a fixed seed) send random and mutated SPARQL, random bytes,
huge and deeply nested queries, invalid UTF-8 and odd headers to /sparql and to every page
route of 'diplokg serve' on 127.0.0.1, over one keep-alive connection. The last test checks
that more than 10,000 requests were sent and that /health still answers.
"""

import errno
import json
import socket
from urllib.parse import quote, quote_from_bytes, urlencode

import pytest
from fuzz_client import Client, check
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import running_server
from diplokg.server.query_page import examples

TIME_LIMIT = 2  # the fuzzed server's query time limit, in seconds
WAIT = TIME_LIMIT + 10  # longer than this without an answer is a hang
MIN_REQUESTS = 10_000
pytestmark = pytest.mark.slow


def fuzz(examples: int):
    """Run a property for a fixed number of examples, reproducibly, without a saved database."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture(scope="module")
def client(built):
    """Serve the seeds with a short time limit; yield a client that keeps its connection."""
    env = {"DIPLOKG_QUERY_TIMEOUT": str(TIME_LIMIT), "DIPLOKG_ROW_LIMIT": "100"}
    with running_server(built, env, workers=1) as base:
        found = Client(base, WAIT)
        yield found
        found.close()


QUERIES = [example.text for example in examples()]
QUERIES += [
    "SELECT * WHERE { ?s ?p ?o } LIMIT 5",
    "ASK { ?s a ?c }",
    "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 3",
    "DESCRIBE <https://w3id.org/diplokg/id/state/belgium>",
    "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)",
    'SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(LANG(?l) = "en")'
    ' FILTER(REGEX(?l, "^B", "i")) } LIMIT 10',
    "SELECT * FROM <https://w3id.org/diplokg/graph/inferred> WHERE { ?s ?p ?o } LIMIT 2",
    "SELECT ?x WHERE { VALUES ?x { 1 2.5 'a'@en \"b\"^^<http://x/t> } } ",
    'PREFIX : <http://x/> SELECT (STRLEN("\\u00e9") AS ?n) {} ',
]
# Words and marks of SPARQL's grammar, for mutations the parser gets further with.
GRAMMAR = """
SELECT ASK CONSTRUCT DESCRIBE WHERE FILTER OPTIONAL UNION MINUS GRAPH SERVICE SILENT BIND VALUES
FROM NAMED PREFIX BASE LIMIT OFFSET ORDER BY GROUP HAVING DISTINCT AS a INSERT DELETE LOAD CLEAR
EXISTS NOT IN REGEX COUNT STR IRI BNODE ?s ?p ?o $x _:b <> <x> <file:///etc/passwd> : p: 1 -1
<http://127.0.0.1:1/> 1.5e9 true { } ( ) [ ] . ; , * / | ^ + - ! = < > && || # \\u0053 \\U0001F600
"""
TOKENS = [*GRAMMAR.split(), '""', "''", '"""', "\n", "\t", "\x00", "\ufeff", "\U0010ffff"]
ACCEPTS = [
    "*/*",
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
    "text/turtle",
    "application/ld+json",
    "application/n-triples",
    "application/rdf+xml",
    "text/html",
    "text/html;q=0.1, text/turtle;q=0.9",
    "image/png",
    "*/*;q=0",
    "text/*;q=abc",
    ";;;,,,",
    "",
]
printable = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=60)
# Header values travel as latin-1 without line breaks (RFC 9110, 5.5).
header_value = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=80)
accept = st.sampled_from(ACCEPTS) | header_value


@st.composite
def mutated(draw) -> str:
    """Return a query of the list with a few random edits: cuts, insertions, repeats, swaps."""
    text = draw(st.sampled_from(QUERIES))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        edit = draw(st.sampled_from(["cut", "token", "text", "repeat", "case"]))
        if edit == "cut":
            text = text[:i] + text[j:]
        elif edit == "token":
            text = text[:i] + f" {draw(st.sampled_from(TOKENS))} " + text[i:]
        elif edit == "text":
            text = text[:i] + draw(st.text(max_size=8)) + text[j:]
        elif edit == "repeat":
            text = text[:j] + text[i:j] * draw(st.integers(1, 50)) + text[j:]
        else:
            text = text[:i] + text[i:j].swapcase() + text[j:]
    return text


def ask(client: Client, text: str, how: str, media: str, extra: str = ""):
    """Send a query by GET, POST form or POST direct."""
    headers = {"Accept": media}
    if how == "get":
        return client.send("GET", "/sparql?" + urlencode({"query": text}) + extra, None, headers)
    if how == "form":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        return client.send("POST", "/sparql" + extra, urlencode({"query": text}).encode(), headers)
    headers["Content-Type"] = "application/sparql-query"
    return client.send("POST", "/sparql" + extra, text.encode("utf-8", "surrogatepass"), headers)


how = st.sampled_from(["get", "form", "direct"])


@fuzz(3000)
@given(text=mutated(), how=how, media=accept)
def test_mutated_queries_never_fail_the_server(client, text, how, media):
    """Example queries with random cuts, insertions and repeats: an answer or a 4xx."""
    ask(client, text, how, media)


@fuzz(1500)
@given(text=st.text(max_size=300), how=how, media=accept)
def test_random_text_as_a_query_is_a_client_error(client, text, how, media):
    """Any Unicode text as the query (NUL and control characters too)."""
    status, _, _ = ask(client, text, how, media)
    assert status != 200 or text.strip()


@fuzz(1000)
@given(
    body=st.binary(max_size=400),
    media=st.sampled_from(
        [
            "application/sparql-query",
            "application/sparql-query; charset=latin-1",
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-16",
            "application/sparql-update",
            "multipart/form-data; boundary=x",
            "text/plain",
        ]
    )
    | header_value,
)
def test_random_bytes_as_a_body(client, body, media):
    """Random bytes, mostly not UTF-8, posted as a query, a form or anything else."""
    client.send("POST", "/sparql", body, {"Content-Type": media})


@fuzz(1000)
@given(
    raw=st.binary(max_size=60),
    name=st.sampled_from(["query", "default-graph-uri", "named-graph-uri", "format", "update"]),
    where=st.sampled_from(["/sparql?query=ASK{}&", "/sparql?", "/?", "/.well-known/void?"]),
)
def test_invalid_utf8_in_parameters(client, raw, name, where):
    """Percent-encoded random bytes (invalid UTF-8) as protocol parameters."""
    client.send("GET", f"{where}{name}={quote_from_bytes(raw)}")


PAGES = ["/", "/ontology", "/ontology/", "/dumps/", "/.well-known/void", "/timeline", "/map"]
SUFFIXES = ["", ".ttl", ".jsonld", ".nt", ".html", ".xml", ".", ".ttl.ttl"]


@st.composite
def page_path(draw) -> str:
    """Return a path to a page route, with random segments, suffixes and queries."""
    segment = st.text(max_size=30) | st.sampled_from(["belgium", "state", "..", "%2e%2e", ""])
    form = draw(st.sampled_from(["entity", "ontology", "dump", "page", "home"]))
    if form == "entity":
        kind = draw(st.sampled_from(["state", "mission", "city", "event"]) | segment)
        path = f"/id/{quote(kind, safe='')}/{quote(draw(segment), safe='')}"
        return path + draw(st.sampled_from(SUFFIXES))
    if form == "ontology":
        return "/ontology." + quote(draw(segment), safe="")
    if form == "dump":
        names = st.sampled_from(["diplokg.ttl", "diplokg.nt.gz", "dumps.json", "../manifest.json"])
        return "/dumps/" + quote(draw(names | segment), safe="")
    if form == "home":
        name = draw(st.sampled_from(["example", "query"]))
        return "/?" + urlencode({name: draw(st.sampled_from(QUERIES) | st.text(max_size=80))})
    return draw(st.sampled_from(PAGES))


@fuzz(2000)
@given(
    path=page_path(),
    method=st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "OPTIONS", "DELETE"]),
    media=accept,
)
def test_page_routes_with_random_paths_and_accept(client, path, method, media):
    """Entity, ontology, dump and page routes with random segments, suffixes and Accept."""
    client.send(method, path, None, {"Accept": media})


header_name = st.text(
    st.sampled_from(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_!#$%&'*+.^`|~"
    ),
    min_size=1,
    max_size=20,
).filter(lambda n: n.lower() not in ("content-length", "transfer-encoding", "expect"))
KNOWN_HEADERS = ["Host", "If-None-Match", "Range", "Accept-Encoding", "Connection", "Origin"]


@fuzz(1500)
@given(
    headers=st.dictionaries(st.sampled_from(KNOWN_HEADERS) | header_name, header_value, max_size=6),
    media=accept,
    target=st.sampled_from(
        [
            "/sparql?query=ASK%7B%7D",
            "/sparql?query=SELECT%20*%20FROM%20%3Cx%3E%20%7B%3Fs%20%3Fp%20%3Fo%7D",
            "/sparql",
            "/id/state/belgium",
            "/dumps/diplokg.ttl",
            "/.well-known/void",
            "/ontology",
            "/",
        ]
    ),
)
def test_odd_headers(client, headers, media, target):
    """Random header names and values, odd Host, Range, If-None-Match and Connection headers."""
    client.send("GET", target, None, {"Accept": media, **headers})


NESTED = {
    "braces": lambda n: "SELECT * WHERE " + "{" * n + " ?s ?p ?o " + "}" * n,
    "parentheses": lambda n: "ASK { FILTER(" + "(" * n + "1" + ")" * n + ") }",
    "subqueries": lambda n: "ASK { " + "SELECT * { " * n + "?s ?p ?o" + " }" * n + " }",
    "sum": lambda n: "SELECT (" + "+".join(["1"] * n) + " AS ?x) {}",
    "union": lambda n: "SELECT * {" + " UNION ".join(["{?s ?p ?o}"] * n) + "}",
    "optional": lambda n: "ASK {" + " OPTIONAL { ?s ?p ?o }" * n + "}",
    "path": lambda n: "ASK { ?s " + "/".join(["<http://x/p>"] * n) + " ?o }",
    "not": lambda n: "ASK { FILTER(" + "!" * n + "true) }",
    "values": lambda n: "SELECT * { VALUES ?x {" + " <http://x/v>" * n + " } }",
}


@fuzz(80)
@given(shape=st.sampled_from(sorted(NESTED)), n=st.integers(1, 60_000), how=how)
def test_huge_and_deeply_nested_queries(client, shape, n, how):
    """Queries nested or chained up to 60,000 deep, up to 1.5 MB: an answer or a 4xx."""
    text = NESTED[shape](n)
    if how == "get" and len(quote(text)) > 60_000:
        how = "direct"  # a request target is at most 64 KB: see the next test
    ask(client, text, how, "*/*")


def test_a_request_target_over_64_kb_is_a_414(client):
    """A GET longer than the server takes gets 414 URI Too Long, and the server goes on."""
    status, _, _ = client.send("GET", "/sparql?" + urlencode({"query": "#" + "x" * 70_000}))
    assert status == 414
    status, _, _ = client.send("GET", "/sparql?" + urlencode({"query": "#" + "x" * 60_000}))
    assert status == 400  # a comment alone is no query: the request got through


@pytest.mark.parametrize("shape", sorted(NESTED))
def test_deep_nesting_is_refused_with_a_message(client, shape):
    """Regression: 5,000 levels or terms crashed the query worker's parser (a 500)."""
    if shape == "values":
        status, _, body = ask(client, NESTED[shape](50_000), "direct", "*/*")
        assert status == 200, body  # a long VALUES list is flat, and allowed
        return
    status, _, body = ask(client, NESTED[shape](5000), "direct", "*/*")
    assert status == 400
    assert "at most" in json.loads(body)["error"]


@pytest.mark.parametrize("how", ["get", "form", "direct"])
def test_a_long_chain_under_the_limits_is_answered(client, how):
    """Regression: a sum of 1,990 terms (3,981 tokens, under the limit of 4,000) has no triple
    pattern, so it ran in the web worker, whose thread has a smaller stack than a query
    worker's: the engine overflowed it and the process died, and with it the server."""
    status, _, body = ask(client, NESTED["sum"](1990), how, "application/sparql-results+json")
    assert status == 200, body
    status, _, _ = client.send("GET", "/health")
    assert status == 200


@pytest.mark.parametrize(
    "params",
    [
        {"query": "ASK {}", "default-graph-uri": "not an iri"},
        {"query": "ASK {}", "named-graph-uri": "%FF"},
        {"query": "SELECT * FROM <http://[x> { ?s ?p ?o }"},
    ],
)
def test_a_graph_name_that_is_no_iri_is_a_400(client, params):
    """Regression: an invalid IRI as a dataset graph was a 500 from the query worker."""
    status, _, body = client.send("GET", "/sparql?" + urlencode(params))
    assert status == 400
    assert "not an absolute IRI" in json.loads(body)["error"]


def test_relative_from_resolves_against_the_endpoint(client):
    """Regression: FROM <relative> was a 500; it names a graph under the endpoint's URL."""
    status, _, body = client.send("GET", "/sparql?" + urlencode({"query": "ASK FROM <g> {}"}))
    assert status == 200, body


@fuzz(300)
@given(raw=st.binary(min_size=1, max_size=300) | printable.map(str.encode))
def test_random_bytes_as_a_request(client, raw):
    """Random bytes instead of an HTTP request, on a fresh connection: a 4xx or a close."""
    answer = b""
    with socket.create_connection((client.host, client.port), timeout=WAIT) as sock:
        try:
            sock.sendall(raw + b"\r\n\r\n")
            sock.shutdown(socket.SHUT_WR)
            while chunk := sock.recv(65536):
                answer += chunk
        except OSError as exc:
            # The server may answer 400 and close at once, resetting what it did not read.
            if not isinstance(exc, ConnectionError) and exc.errno != errno.ENOTCONN:
                raise
    client.requests += 1
    if answer.startswith(b"HTTP/"):
        status = int(answer.split(b" ", 2)[1])
        client.statuses[status] += 1
        assert status < 500, answer[:300]


def test_many_requests_and_still_healthy(client):
    """More than 10,000 requests went out, none failed, and the server answers /health."""
    status, headers, body = client.send("GET", "/health")
    check(status, headers, body, "GET /health")
    assert status == 200 and json.loads(body)["status"] == "ok"
    print(f"{client.requests} requests in {client.seconds:.1f} s; statuses {dict(client.statuses)}")
    assert client.requests >= MIN_REQUESTS
