"""The W3C SPARQL 1.1 Protocol tests, replayed over HTTP against the real server.

tests/w3c-protocol/ holds the suite's manifest and data (W3C test suite licence, LICENSE.md
there). Each test's ht:Request is sent as written, with /sparql/ in its path mapped to our
/sparql, to 'diplokg serve' on 127.0.0.1 serving a dataset built with the project's own
writers from the suite's data, each file as the named graph the manifest names it. The
endpoint is read-only: the tests of successful updates do not apply and are skipped.
"""

import http.client
import json
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS
from test_server import running_server

from diplokg.graph.publish.dataset import serialize, version_of
from diplokg.graph.publish.release import publish

SUITE = Path(__file__).parent / "w3c-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
MANIFEST = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=SUITE.as_uri() + "/")
RESULT_TYPES = {
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
}
RDF_TYPES = {"application/rdf+xml": "xml", "text/turtle": "turtle", "application/n-triples": "nt"}


def entries() -> list[URIRef]:
    manifest = MANIFEST.value(predicate=RDF.type, object=MF.Manifest)
    return list(Collection(MANIFEST, MANIFEST.value(manifest, MF.entries)))


def applies(test: URIRef) -> bool:
    """Say whether a test applies to a read-only endpoint: not if it expects an update to work."""
    return not str(test).split("#")[1].startswith("update_")


def graph_data() -> dict[URIRef, Graph]:
    """Return the suite's data files as the named graphs the manifest names them."""
    graphs = {}
    for node in MANIFEST.objects(None, UT.graphData):
        name = URIRef(MANIFEST.value(node, RDFS.label))
        path = SUITE / Path(urllib.parse.urlparse(MANIFEST.value(node, UT.graph)).path).name
        graphs[name] = Graph().parse(path, format="nt")
    return graphs


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """Serve the suite's data, published with the project's own writers, on 127.0.0.1."""
    out = tmp_path_factory.mktemp("w3c") / "out"
    graphs = graph_data()
    publish(out, version_of(graphs), serialize(graphs), {"source": "W3C SPARQL 1.1 Protocol"})
    with running_server(out) as base:
        yield urllib.parse.urlparse(base)


def send(endpoint, request) -> tuple[int, str, bytes]:
    """Send one ht:Request as the manifest writes it; return status, media type and body."""
    path = str(MANIFEST.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {}
    header_list = MANIFEST.value(request, HT.headers)
    for header in Collection(MANIFEST, header_list) if header_list else []:
        headers[str(MANIFEST.value(header, HT.fieldName))] = str(
            MANIFEST.value(header, HT.fieldValue)
        )
    body = None
    content = MANIFEST.value(request, HT.body)
    if content is not None:
        encoding = str(MANIFEST.value(content, CNT.characterEncoding) or "UTF-8")
        body = str(MANIFEST.value(content, CNT.chars)).encode(encoding)
    # http.client adds no Content-Type of its own: the tests without one must go without.
    conn = http.client.HTTPConnection(endpoint.hostname, endpoint.port, timeout=30)
    try:
        conn.request(str(MANIFEST.value(request, HT.methodName)), path, body, headers)
        resp = conn.getresponse()
        media_type = (resp.getheader("Content-Type") or "").split(";")[0].strip()
        return resp.status, media_type, resp.read()
    finally:
        conn.close()


def boolean_of(media_type: str, body: bytes) -> bool:
    if media_type == "application/sparql-results+json":
        return json.loads(body)["boolean"]
    assert media_type == "application/sparql-results+xml", media_type
    found = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
    return found.text.strip() == "true"


def check_response(response, status: int, media_type: str, body: bytes) -> None:
    """Assert that a response meets the manifest's expectations for it."""
    classes = {str(c).rsplit("#", 1)[1] for c in MANIFEST.objects(response, MF.expectedStatus)}
    assert f"StatusCode{status // 100}xx" in classes, (status, body[:300])
    form = MANIFEST.value(response, MF.expectedFormat)
    if form == Literal("boolean"):
        expected = MANIFEST.value(response, MF.expectedBoolean)
        assert media_type in RESULT_TYPES, media_type
        if expected is not None:
            assert boolean_of(media_type, body) == expected.toPython()
    elif form == Literal("tabular"):
        assert media_type in RESULT_TYPES, media_type
    elif form == Literal("RDF"):
        assert media_type in RDF_TYPES, media_type
        Graph().parse(data=body, format=RDF_TYPES[media_type])


@pytest.mark.slow
@pytest.mark.parametrize("test", entries(), ids=lambda t: str(t).split("#")[1])
def test_w3c_protocol(endpoint, test):
    """Replay the test's requests in order; each response meets its expectations."""
    if not applies(test):
        pytest.skip("not applicable: the endpoint is read-only, so a successful update is not")
    action = MANIFEST.value(test, MF.action)
    for request in Collection(MANIFEST, MANIFEST.value(action, HT.requests)):
        status, media_type, body = send(endpoint, request)
        check_response(MANIFEST.value(request, HT.resp), status, media_type, body)


def test_suite_counts_27_applicable_tests():
    """The suite has 34 tests: 27 apply to a read-only endpoint, 7 successful updates do not."""
    tests = entries()
    assert (len(tests), sum(map(applies, tests))) == (34, 27)
