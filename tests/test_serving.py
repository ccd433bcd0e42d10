"""How 'diplokg serve' holds its port and names its release: a second server on a used port
is refused, every answer says which release answered it, and a web worker that dies is
replaced."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from test_restart import children, master_of, settled

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


def web_workers(master: int) -> list[int]:
    """Return the server's web workers: its main process's children, not the query workers'
    supervisor."""
    found = []
    for pid in children(master):
        args = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"diplokg.graph.query." not in args:
            found.append(pid)
    return found


@pytest.mark.parametrize("server", ["granian", "gunicorn"])
def test_a_killed_web_worker_is_replaced(built, server):
    """SIGKILL the only web worker: a new one answers within seconds, the server goes on.

    Regression: granian shut the whole server down when a worker died (a query that
    overflowed a worker thread's stack stopped the service for every later client).
    """
    with running_server(built, workers=1, options=("--server", server)) as base:
        master = master_of(base)
        settled(master)
        for _ in range(2):  # twice in a row: no "crash loop" stops it either
            (worker,) = web_workers(master)
            os.kill(worker, signal.SIGKILL)
            killed = time.monotonic()
            while True:
                try:
                    status, _, _ = get(base + "/sparql?" + urlencode({"query": "ASK {}"}))
                    if status == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() - killed < 10, "no answer 10 s after the worker died"
                time.sleep(0.1)
            took = time.monotonic() - killed
            print(f"\n{server}: answered {took:.2f} s after its worker was killed")
            assert web_workers(master) != [worker]
