"""The OpenAPI description at /openapi.json holds: schemathesis checks the real server."""

import json

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from conftest import REPO, get, running_server

pytestmark = pytest.mark.slow


@schemathesis.serializer("application/sparql-query")
def sparql_query(ctx, value) -> bytes:
    """Send a generated query body as UTF-8 text, as the Protocol asks."""
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def server(built):
    """Serve the seeds with a short time limit."""
    with running_server(built, {"DIPLOKG_QUERY_TIMEOUT": "2"}) as base:
        yield base


# schemathesis' pytest plugin does not run under this pytest; its strategies are used directly.
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_the_server_answers_as_its_description_says(server):
    """Every operation with generated parameters and bodies: no 5xx, statuses, types, schemas."""
    api = schemathesis.openapi.from_url(server + "/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    sent = 0
    for operation in operations:

        @FUZZ
        @given(case=operation.as_strategy())
        def conforms(case):
            nonlocal sent
            sent += 1
            # A schema cannot say which strings are SPARQL, entity names or dump names: an
            # answer of 400 or 404 to a well-typed request is right here; that check is left out.
            case.call_and_validate(base_url=server, excluded_checks=[positive_data_acceptance])

        conforms()
    assert len(operations) >= 12 and sent >= 100


def test_the_description_is_served_and_shipped(server):
    """/openapi.json is the file in server/static/, which the wheel ships."""
    status, headers, body = get(server + "/openapi.json")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    shipped = json.loads((REPO / "server/static/openapi.json").read_text(encoding="utf-8"))
    assert json.loads(body) == shipped
    assert {"/sparql", "/id/{kind}/{name}", "/health"} <= set(shipped["paths"])


@pytest.mark.parametrize(
    ("path", "accept", "status"),
    [
        ("/id/state/belgium", "*", 406),
        ("/.well-known/void", "image/png", 406),
        ("/ontology.0", "", 404),
    ],
)
def test_plain_text_errors_say_they_are_plain_text(server, path, accept, status):
    """Regression: a 406 or a 404 of the pages sent plain text labelled text/html."""
    code, headers, _ = get(server + path, accept or None)
    assert code == status
    assert headers["Content-Type"].startswith("text/plain")
