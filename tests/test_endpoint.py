"""The SPARQL endpoint over real HTTP: formats, dataset parameters, limits, caching, CORS."""

import csv
import io
import json
import time
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, URIRef
from test_server import get, running_server

from diplokg.server.query_policy import QueryRefused, check, shape

SD = "http://www.w3.org/ns/sparql-service-description#"
DOC = "https://w3id.org/diplokg/graph/document/001_c79dc30b814765aa"
TYPES = "SELECT ?s ?type WHERE { ?s a ?type } ORDER BY ?s ?type"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def endpoint(built):
    with running_server(built, {"DIPLOKG_ROW_LIMIT": "20"}) as base:
        yield base


def sparql(base: str, text: str, accept: str | None = None, **params):
    return get(base + "/sparql?" + urllib.parse.urlencode({"query": text, **params}), accept)


@pytest.mark.parametrize(
    ("accept", "media_type", "rows"),
    [
        ("application/sparql-results+json", "application/sparql-results+json",
         lambda b: len(json.loads(b)["results"]["bindings"])),
        ("application/sparql-results+xml", "application/sparql-results+xml",
         lambda b: b.count(b"<result>")),
        ("text/csv", "text/csv", lambda b: len(list(csv.reader(io.StringIO(b.decode())))) - 1),
        ("text/tab-separated-values", "text/tab-separated-values",
         lambda b: len(b.decode().splitlines()) - 1),
    ],
)  # fmt: skip
def test_select_in_every_results_format_with_the_row_limit(endpoint, accept, media_type, rows):
    """A SELECT answers in the accepted format, cut at the row limit, and says it was cut."""
    status, headers, body = sparql(endpoint, TYPES, accept)
    assert status == 200
    assert headers["Content-Type"].startswith(media_type)
    assert rows(body) == 20
    assert headers["X-SPARQL-Truncated"] == "true"
    assert headers["X-SPARQL-Row-Limit"] == "20"


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("xml", "xml"), ("trig", "trig")],
)
def test_construct_in_every_rdf_format_by_format_parameter(endpoint, fmt, rdflib_format):
    """A CONSTRUCT answers in each RDF format that 'format' names; the graphs are equal."""
    text = f"CONSTRUCT {{ ?d ?p ?o }} WHERE {{ GRAPH <{DOC}> {{ ?d a ?t ; ?p ?o }} }} LIMIT 10"
    status, _, body = sparql(endpoint, text, format=fmt)
    assert status == 200
    assert len(Graph().parse(data=body, format=rdflib_format)) == 10


def test_describe_answers_turtle(endpoint):
    """DESCRIBE of Belgium answers Turtle about Belgium."""
    iri = "https://w3id.org/diplokg/id/state/belgium"
    status, _, body = sparql(endpoint, f"DESCRIBE <{iri}>", "text/turtle")
    assert status == 200
    assert (URIRef(iri), None, None) in Graph().parse(data=body, format="turtle")


def test_default_graph_uri_narrows_the_dataset(endpoint):
    """default-graph-uri makes one document's graph the default graph; named graphs go empty."""
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    whole = json.loads(sparql(endpoint, count)[2])["results"]["bindings"][0]["n"]["value"]
    one = json.loads(sparql(endpoint, count, **{"default-graph-uri": DOC})[2])
    assert 0 < int(one["results"]["bindings"][0]["n"]["value"]) < int(whole)
    graphs = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert not json.loads(sparql(endpoint, graphs, **{"default-graph-uri": DOC})[2])["results"][
        "bindings"
    ]


def test_etag_revalidates_with_304(endpoint):
    """An answer carries an ETag; sending it back in If-None-Match gets 304 without a body."""
    url = endpoint + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    status, headers, _ = get(url)
    assert status == 200
    etag = headers["ETag"]
    request = urllib.request.Request(url, headers={"If-None-Match": etag})
    try:
        urllib.request.urlopen(request, timeout=10)
        pytest.fail("expected 304")
    except urllib.error.HTTPError as err:
        assert err.code == 304
        assert err.headers["ETag"] == etag
    assert get(url, "application/sparql-results+xml")[1]["ETag"] != etag


def test_head_answers_like_get_without_a_body(endpoint):
    """HEAD of a query gets GET's status and headers, and no body."""
    url = endpoint + "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10) as resp:
        assert resp.status == 200
        assert resp.headers["ETag"] == get(url)[1]["ETag"]
        assert resp.read() == b""


def test_cors_preflight_and_headers(endpoint):
    """A browser's preflight is answered, and answers allow any origin."""
    request = urllib.request.Request(
        endpoint + "/sparql",
        method="OPTIONS",
        headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
    )
    with urllib.request.urlopen(request, timeout=10) as resp:
        assert resp.status == 204
        assert "POST" in resp.headers["Access-Control-Allow-Methods"]
        assert resp.headers["Access-Control-Allow-Origin"] == "*"
    assert sparql(endpoint, "ASK {}")[1]["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")],
)
def test_service_description_without_a_query(endpoint, accept, rdflib_format):
    """/sparql without a query describes the service, with an sd:endpoint of its own URL."""
    status, _, body = get(endpoint + "/sparql", accept)
    assert status == 200
    g = Graph().parse(data=body, format=rdflib_format)
    assert (None, URIRef(SD + "endpoint"), URIRef(endpoint + "/sparql")) in g
    assert (None, URIRef(SD + "name"), URIRef(DOC)) in g


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/sparql?query=SELECT+*+WHERE+%7B+%3Fs+%3Fp+%7D", 400, "syntax error"),
        ("/sparql?query=ASK+%7B%7D&format=csv", 406, "json"),
        ("/sparql?query=ASK+%7B%7D&query=ASK+%7B%7D", 400, "exactly one"),
    ],
)
def test_bad_requests_get_json_errors(endpoint, url, status, words):
    """A bad request gets its 4xx status and a JSON message that says what is wrong."""
    got, headers, body = get(endpoint + url)
    assert got == status
    assert headers["Content-Type"].startswith("application/json")
    assert words in json.loads(body)["error"]


def test_syntax_error_gives_line_and_column(endpoint):
    """A syntax error's JSON names the line and column the parser stopped at."""
    _, _, body = sparql(endpoint, "SELECT *\nWHERE { ?s ?p }")
    error = json.loads(body)
    assert (error["line"], error["column"]) == (2, 16)


def test_wrong_post_media_type_is_415(endpoint):
    request = urllib.request.Request(
        endpoint + "/sparql", data=b"ASK {}", headers={"Content-Type": "text/plain"}
    )
    try:
        urllib.request.urlopen(request, timeout=10)
        pytest.fail("expected 415")
    except urllib.error.HTTPError as err:
        assert err.code == 415


def test_policy_ignores_keywords_in_strings_iris_and_comments():
    """SERVICE or INSERT inside a string, an IRI or a comment is no federated query or update."""
    text = """PREFIX s: <http://example.org/SERVICE>
    SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" # SERVICE <http://y/>
    FILTER(?p != <http://example.org/INSERT>) }"""
    found = check(text, frozenset())
    assert (found.form, found.services) == ("SELECT", [])


def test_policy_resolves_prefixed_service_endpoints():
    """SERVICE wd:... resolves through the prologue before the allow-list is consulted."""
    text = "PREFIX w: <https://query.wikidata.org/>\nSELECT * { SERVICE w:sparql { ?s ?p ?o } }"
    assert shape(text).services == ["https://query.wikidata.org/sparql"]
    assert check(text, frozenset({"https://query.wikidata.org/sparql"})).form == "SELECT"
    with pytest.raises(QueryRefused):
        check(text, frozenset())


def test_crashed_query_worker_is_a_500_with_traceback_and_is_replaced(built, caplog):
    """A query worker that dies is our failure: 500, a traceback in the log, then a new worker."""
    from diplokg.server import create_app

    app = create_app({"DATA": str(built), "QUERY_WORKERS": 1, "CACHE_ENTRIES": 0})
    client = app.test_client()
    # A query the cost rule sends to a query worker (a filter over every triple).
    ask = {"query": "ASK { ?s ?p ?o FILTER(?o != 1) }"}
    assert client.get("/sparql", query_string=ask).status_code == 200
    pool = app.extensions["diplokg.engine"].pool
    worker = pool.idle[-1]  # the one the next query takes
    worker.process.kill()
    worker.process.wait()
    resp = client.get("/sparql", query_string=ask)
    assert resp.status_code == 500
    assert "internal error" in resp.get_json()["error"]
    assert "Traceback" in caplog.text
    deadline = time.monotonic() + 30
    while not pool.idle and time.monotonic() < deadline:
        time.sleep(0.1)
    assert client.get("/sparql", query_string=ask).status_code == 200
    app.extensions["diplokg.engine"].close()


SMALL_QUERIES = [
    f"SELECT ?p ?o WHERE {{ <{DOC}> ?p ?o }} LIMIT 50",
    'SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "Belgium"@en } LIMIT 5',
    f"ASK {{ <{DOC}> a ?type }}",
    f"DESCRIBE <{DOC}>",
    "SELECT ?m ?city WHERE { ?m <https://w3id.org/diplokg/ontology#sendingEntity> ?s ; "
    "<https://w3id.org/diplokg/ontology#city> ?city } ORDER BY ?m LIMIT 7",
]


def test_a_small_dataset_answered_from_memory_as_from_disk(built):
    """The copy in memory (DIPLOKG_MEMORY_QUADS) gives the web worker's queries the answers of
    the on-disk store (in another order where the query sets none); 0 keeps them on disk."""
    from diplokg.server import create_app

    answers = {}
    for quads in (0, 1_000_000):
        app = create_app({"DATA": str(built), "MEMORY_QUADS": quads, "CACHE_ENTRIES": 0})
        engine = app.extensions["diplokg.engine"]
        assert engine.in_memory is (quads > 0)
        client = app.test_client()
        answers[quads] = []
        for text in SMALL_QUERIES:
            resp = client.get("/sparql", query_string={"query": text})
            assert resp.status_code == 200, resp.get_data(as_text=True)
            answers[quads].append((resp.headers["X-SPARQL-Rows"], solutions(resp)))
        assert isinstance(engine.local.store, type(app.extensions["diplokg"].store))
        engine.close()
    assert all(int(rows) > 0 for rows, _ in answers[0][:4])  # the queries find something
    assert answers[0] == answers[1_000_000]


def solutions(resp) -> object:
    """Return an answer's solutions or triples as a set: their order is the store's."""
    if resp.mimetype == "text/turtle":
        return set(Graph().parse(data=resp.get_data(as_text=True), format="turtle"))
    found = resp.get_json()
    if "boolean" in found:
        return found["boolean"]
    return sorted(json.dumps(b, sort_keys=True) for b in found["results"]["bindings"])


@pytest.mark.parametrize(
    "query",
    ["SELECT * WHERE { ?s ?p ?o } LIMIT 3", "ASK { <http://example.org/a%20b> ?p 'x+y' }",
     'SELECT ?x { ?x ?p "Zürich \\\\ \\" \\\\x41 % %41 100%" }', "DESCRIBE <urn:a>\n# ünïcödé ☃",
     "SELECT ?x { ?x ?p '&' }", "  SELECT ?o { ?s ?p ?o }  ", "\\x41\\\\x%2541"],
)  # fmt: skip
def test_the_usual_get_reads_its_query_as_urllib_does(query):
    """only_query decodes `query=...` as parse_qsl (werkzeug's reader) decodes it."""
    from urllib.parse import parse_qsl, quote, quote_plus

    from diplokg.server.sparql import only_query

    for encoded in (quote_plus(query), quote(query, safe="")):
        ((_, value),) = parse_qsl("query=" + encoded, keep_blank_values=True)
        assert only_query("query=" + encoded) == value == query


@pytest.mark.parametrize(
    "query_string",
    ["query=%ZZ", "query=%4", "query=ab%C3", "query=a&format=json", "format=json&query=a",
     "query=caf\u00c3\u00a9", "queryx=a", "q=a", ""],
)  # fmt: skip
def test_any_other_query_string_is_left_to_werkzeug(query_string):
    from diplokg.server.sparql import only_query

    assert only_query(query_string) is None
