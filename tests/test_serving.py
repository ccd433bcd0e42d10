"""How 'diplokg serve' holds its port and names its release: a second server on a used port
is refused, and every answer says which release answered it."""

import json
import subprocess
import sys
import time
from urllib.parse import urlencode, urlsplit

import pytest

from conftest import get, running_server

pytestmark = pytest.mark.slow
SERVE = [sys.executable, "-m", "diplokg.graph.cli", "serve"]


@pytest.mark.parametrize("server", ["granian", "gunicorn"])
def test_a_second_server_on_a_used_port_exits_at_once_with_a_message(built, server):
    with running_server(built, options=("--server", server)) as base:
        port = str(urlsplit(base).port)
        version = json.loads(get(base + "/health")[2])["version"]
        started = time.monotonic()
        second = subprocess.run(
            [*SERVE, "--data", str(built), "--port", port, "--server", server],
            capture_output=True,
            text=True,
            timeout=30,
        )
        took = time.monotonic() - started
        assert second.returncode == 2, second.stdout + second.stderr
        assert f"127.0.0.1:{port} is already in use" in second.stderr
        assert "Traceback" not in second.stderr
        print(f"\n{server}: the second server exited {second.returncode} after {took:.2f} s")
        # The first server still answers alone.
        for _ in range(20):
            assert json.loads(get(base + "/health")[2])["version"] == version


def test_every_answer_names_the_release_that_answered(built):
    version = (built / "current").resolve().name
    query = "/sparql?" + urlencode({"query": "ASK { ?s ?p ?o }"})
    paths = ["/health", query, query, "/sparql?query=SELEC", "/id/state/no-such-state", "/"]
    paths += ["/dumps/", "/.well-known/void", "/sparql", "/no/such/page", "/openapi.json"]
    with running_server(built) as base:
        for path in paths:
            status, headers, _ = get(base + path)
            assert headers["X-Dataset-Version"] == version, (path, status)
