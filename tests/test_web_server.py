"""Every web route over real HTTP: content negotiation, RDF parsed back, 404 and 406."""

import json
import socket
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph

from conftest import get, running_server

ENTITY = "/id/state/belgium"


@pytest.fixture(scope="session")
def web(built):
    """Serve the built seeds for the whole session; yield the base URL."""
    with running_server(built) as base:
        yield base


RDF = [
    ("text/turtle", "turtle"),
    ("application/ld+json", "json-ld"),
    ("application/n-triples", "nt"),
]


@pytest.mark.parametrize(("accept", "fmt"), RDF)
@pytest.mark.parametrize("path", [ENTITY, "/id/mission/belgium-embassy-canada", "/ontology"])
def test_rdf_by_accept_parses_back(web, path, accept, fmt):
    """An entity and the ontology answer RDF by Accept, which parses into a non-empty graph."""
    status, headers, body = get(web + path, accept)
    assert status == 200
    assert headers["Content-Type"].startswith(accept)
    assert "Accept" in headers["Vary"]
    assert len(Graph().parse(data=body, format=fmt)) > 5


@pytest.mark.parametrize(
    ("suffix", "fmt"), [("ttl", "turtle"), ("jsonld", "json-ld"), ("nt", "nt")]
)
def test_suffix_chooses_the_format_and_equals_accept(web, suffix, fmt):
    """/id/x.ttl gives the same graph as /id/x with Accept: text/turtle (and so on)."""
    status, _, by_suffix = get(f"{web}{ENTITY}.{suffix}", "text/html")
    assert status == 200
    by_accept = get(web + ENTITY, dict((f, a) for a, f in RDF)[fmt])[2]
    assert (
        Graph()
        .parse(data=by_suffix, format=fmt)
        .isomorphic(Graph().parse(data=by_accept, format=fmt))
    )


def test_entity_description_holds_its_facts_and_evidence(web):
    """The Turtle of Belgium's embassy names its city, its Wikidata-linked state and a quote."""
    body = get(web + "/id/mission/belgium-embassy-canada.ttl")[2]
    g = Graph().parse(data=body, format="turtle")
    text = g.serialize(format="nt")
    assert "/id/city/ca-ottawa>" in text
    assert "ontology#quote>" in text


@pytest.mark.parametrize("path", ["/", ENTITY, "/ontology", "/timeline", "/map", "/dumps/"])
def test_browsers_get_html(web, path):
    """A browser's Accept header gets the HTML page."""
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = get(web + path, accept)
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert b"<html" in body


@pytest.mark.parametrize("path", [ENTITY, "/ontology"])
def test_nothing_acceptable_is_406(web, path):
    """An Accept that no representation fits gets 406 naming what is offered."""
    status, _, body = get(web + path, "image/png")
    assert status == 406
    assert b"text/turtle" in body


def test_unknown_entity_is_a_helpful_404(web):
    """A misspelt slug gets 404 and a page that suggests the entity meant."""
    status, headers, body = get(web + "/id/state/belgum", "text/html")
    assert status == 404
    assert headers["Content-Type"].startswith("text/html")
    assert b'href="/id/state/belgium"' in body
    status, _, body = get(web + "/id/state/belgum.ttl")
    assert status == 404
    assert b"says nothing of" in body


@pytest.mark.parametrize(("accept", "fmt"), [(None, "turtle"), *RDF])
def test_void_parses_back(web, accept, fmt):
    """/.well-known/void is Turtle by default and any RDF format by Accept."""
    status, _, body = get(web + "/.well-known/void", accept)
    assert status == 200
    g = Graph().parse(data=body, format=fmt)
    assert any("void#triples" in str(p) for p in g.predicates())


def test_home_page_embeds_a_schema_org_dataset(web):
    """The home page carries a schema.org Dataset in JSON-LD with the dumps as downloads."""
    body = get(web + "/")[2].decode()
    start = body.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(body[start : body.index("</script>", start)])
    assert data["@type"] == "Dataset"
    assert any(d["contentUrl"].endswith("/dumps/diplokg.ttl") for d in data["distribution"])


def test_example_runs_server_side(web):
    """/?example=NAME shows the example's rows without JavaScript."""
    status, _, body = get(web + "/?example=04-belgian-posts-in-canada")
    assert status == 200
    assert body.count(b"<tr><td>") >= 6
    assert b'href="/id/mission/belgium-embassy-canada"' in body


def test_bad_query_on_the_page_is_a_400_with_the_message(web):
    """A query that does not parse shows the parser's message with status 400."""
    status, _, body = get(web + "/?" + urllib.parse.urlencode({"query": "SELEKT"}))
    assert status == 400
    assert b"syntax error" in body


def test_dumps_are_served_with_their_types(web):
    """Each dump is served with its media type; a .gz twin as gzip."""
    status, headers, _ = get(web + "/dumps/diplokg.nt")
    assert status == 200 and headers["Content-Type"].startswith("application/n-triples")
    status, headers, _ = get(web + "/dumps/diplokg.trig.gz")
    assert status == 200 and headers["Content-Type"].startswith("application/gzip")
    assert get(web + "/dumps/nothing.ttl")[0] == 404


def test_page_examples_are_the_shared_examples():
    """The query page shows the files the tests run: each question of the examples folder under
    its title, with its text, or the project's query where the question only states itself."""
    from diplokg.server.query_page import ANSWERED_BY, EXAMPLES, TITLES, examples

    questions = sorted(p for p in EXAMPLES.glob("*.rq") if p.name not in ANSWERED_BY.values())
    shown = examples()
    assert [e.name for e in shown] == [p.stem for p in questions]
    for example, path in zip(shown, questions, strict=True):
        assert example.title == TITLES[path.stem]
        query = EXAMPLES / ANSWERED_BY.get(path.stem, path.name)
        assert example.text == query.read_text(encoding="utf-8")
        assert "SELECT" in example.text or "ASK" in example.text  # a query, not a question


def test_the_page_runs_queries_through_the_endpoints_checks(web):
    """The query page refuses what /sparql refuses: updates, and SERVICE to a listener."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = get(web + "/?" + urllib.parse.urlencode({"query": query}))
        assert status == 403 and b"DIPLOKG_SERVICE_ALLOW" in body
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody called
    finally:
        listener.close()
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    status, _, body = get(web + "/?" + urllib.parse.urlencode({"query": update}))
    assert status == 403 and b"read-only" in body


@pytest.mark.parametrize("path", ["/id/state/a%3Eb", "/id/state/x%0Ay", "/id/st%22ate/x%20y"])
def test_a_path_that_is_no_iri_is_a_404_not_a_500(web, path):
    """Characters an IRI may not hold (angle brackets, line breaks, quotes) name no entity."""
    status, _, body = get(web + path)
    assert status == 404 and b"<html" in body


def test_a_browser_at_sparql_gets_the_results_page(web):
    """/sparql?query=… from a browser answers with the query page and its results; */* and
    SPARQL clients still get the protocol's answer."""
    url = web + "/sparql?" + urllib.parse.urlencode({"query": 'SELECT ("seen" AS ?x) {}'})
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    status, headers, body = get(url, browser)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'id="results-table"' in body and b"seen" in body
    for accept in ("*/*", "application/sparql-results+json"):
        status, headers, body = get(url, accept)
        assert headers["Content-Type"].startswith("application/sparql-results+json")
        assert json.loads(body)["results"]["bindings"][0]["x"]["value"] == "seen"


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.mark.parametrize("path", ["/sparql", "/"])
def test_relative_iris_on_the_page_read_as_the_endpoint_reads_them(web, path):
    """FROM <x> and <x> resolve against the endpoint's URL on the page too (no 500); a syntax
    error after them names the line of the user's text, in its message and in its mark."""
    query = urllib.parse.urlencode({"query": "SELECT * FROM <x> { ?s ?p ?o }"})
    status, _, body = get(f"{web}{path}?{query}", BROWSER)
    assert status == 200 and b'id="results-table"' in body
    bad = urllib.parse.urlencode({"query": "SELECT * {\n  <x> ?p }"})
    status, _, body = get(f"{web}/sparql?{bad}", "*/*")
    error = json.loads(body)
    assert status == 400 and error["line"] == 2
    at = f"line 2, column {error['column']}"
    assert at in error["error"]
    status, _, body = get(f"{web}{path}?{bad}", BROWSER)
    assert status == 400
    assert f'data-line="2" data-column="{error["column"]}"'.encode() in body
    assert at.encode() in body


def test_a_blank_query_from_a_browser_is_the_protocols_400(web):
    """/sparql?query= (empty or blank) is a client error, for a browser too."""
    for text in ("", "  "):
        status, _, _ = get(web + "/sparql?" + urllib.parse.urlencode({"query": text}), BROWSER)
        assert status == 400
