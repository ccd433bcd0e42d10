"""`diplokg publish` against a real Oxigraph server started on 127.0.0.1 by the tests."""

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import free_port, run_cli
from diplokg.graph.query.store import (
    DEFAULT_GRAPH,
    StoreClient,
    dataset_graphs,
    publish_to_store,
)

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
pytestmark = pytest.mark.skipif(
    not Path(OXIGRAPH).exists(), reason="the Oxigraph server (PyPI 'oxigraph') is not installed"
)


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    """Wait until url answers over HTTP, or fail if the process died or time ran out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


class Oxigraph:
    """An `oxigraph serve` process on a free port, in memory or on a folder."""

    def __init__(self, location: Path | None = None, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        args = [OXIGRAPH, "serve", "--bind", f"127.0.0.1:{self.port}"]
        if location is not None:
            args += ["--location", str(location)]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(self.url + "/query?query=ASK%7B%7D", self.proc)

    @property
    def gsp(self) -> str:
        return self.url + "/store"

    @property
    def query_url(self) -> str:
        return self.url + "/query"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def select(endpoint: str, query: str, headers: dict | None = None) -> list[dict]:
    """Run a SELECT at a SPARQL endpoint; return its bindings as {var: value}."""
    request = urllib.request.Request(
        endpoint,
        data=urllib.parse.urlencode({"query": query}).encode(),
        headers={"Accept": "application/sparql-results+json", **(headers or {})},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        rows = json.load(response)["results"]["bindings"]
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def graph_counts(endpoint: str) -> dict[str, int]:
    """Count the triples of every named graph, and of the default graph, in a store."""
    rows = select(endpoint, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    counts = {r["g"]: int(r["n"]) for r in rows}
    counts[DEFAULT_GRAPH] = int(select(endpoint, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")[0]["n"])
    return counts


def expected_counts(built: Path) -> dict[str, int]:
    """Count the triples of every graph of the built dataset, and of their merge."""
    graphs = dataset_graphs(built)
    counts = {iri: len(set(triples)) for iri, triples in graphs.items()}
    counts[DEFAULT_GRAPH] = len({t for triples in graphs.values() for t in triples})
    return counts


@pytest.fixture(scope="session")
def oxigraph():
    """Start one in-memory Oxigraph server for the session."""
    server = Oxigraph()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def oxigraph_published(oxigraph, built):
    """Publish the seeds' dataset to the session's Oxigraph server once; return the server."""
    assert main_publish(built, oxigraph.gsp) == 0
    return oxigraph


def main_publish(built: Path, store: str, *extra: str) -> int:
    from diplokg.graph.cli import main

    return main(["publish", "--data", str(built), "--store", store, *extra])


def test_publish_puts_every_named_graph_and_the_merge(oxigraph_published, built):
    """Every named graph arrives with its triple count; the default graph holds the merge."""
    counts = graph_counts(oxigraph_published.query_url)
    assert counts == expected_counts(built)
    assert len(counts) >= 8


def test_publishing_twice_keeps_the_same_counts(oxigraph_published, built, capsys):
    """A second publish replaces each graph: the same counts, no duplicates."""
    before = graph_counts(oxigraph_published.query_url)
    code, out, _ = run_cli(capsys, "publish", "--data", built, "--store", oxigraph_published.gsp)
    assert code == 0
    assert out.count("replaced") == len(before)
    assert graph_counts(oxigraph_published.query_url) == before


def test_the_report_names_each_graph_with_what_was_sent(oxigraph_published, built, capsys):
    code, out, _ = run_cli(capsys, "publish", "--data", built, "--store", oxigraph_published.gsp)
    assert code == 0
    lines = out.splitlines()
    for iri, n in expected_counts(built).items():
        line = next(x for x in lines if x.endswith(f"  {iri}"))
        assert f" {n} triples " in line and "bytes" in line


def test_a_store_stopped_midway_leaves_incomplete_graphs_that_a_rerun_repairs(built, tmp_path):
    """Stop the store after three graphs: the rest are reported; a re-run repairs them."""
    location = tmp_path / "store"
    server = Oxigraph(location)
    sent = []

    def stop_after_three(report):
        sent.append(report)
        if len(sent) == 3:
            server.stop()

    try:
        reports = publish_to_store(built, StoreClient(server.gsp), progress=stop_after_three)
        assert [r.status for r in reports[:3]] == ["created"] * 3
        assert reports[3].status == "failed" and "unreachable" in reports[3].detail
        assert {r.status for r in reports[4:]} == {"not sent"}
        # The same store comes back on its folder: the first three graphs are there, whole.
        server = Oxigraph(location, server.port)
        partial = graph_counts(server.query_url)
        assert all(partial[r.graph] == r.triples for r in reports[:3])
        assert all(r.graph not in partial for r in reports[3:-1])
        again = publish_to_store(built, StoreClient(server.gsp))
        assert all(r.complete for r in again)
        assert graph_counts(server.query_url) == expected_counts(built)
    finally:
        server.stop()


class DroppingProxy:
    """Forward requests to a store, but cut the connection in the middle of the n-th upload."""

    def __init__(self, target_port: int, cut_at: int):
        self.target_port, self.cut_at, self.seen = target_port, cut_at, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/store"
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                self.seen += 1
                head = conn.recv(65536)
                while b"\r\n\r\n" not in head:
                    head += conn.recv(65536)
                if self.seen == self.cut_at:
                    continue  # the store "dies" with part of the body read
                with socket.create_connection(("127.0.0.1", self.target_port)) as up:
                    up.sendall(head)
                    length = int(head.lower().split(b"content-length: ")[1].split(b"\r")[0])
                    rest = length - len(head.split(b"\r\n\r\n", 1)[1])
                    while rest > 0:
                        chunk = conn.recv(65536)
                        up.sendall(chunk)
                        rest -= len(chunk)
                    while chunk := up.recv(65536):
                        conn.sendall(chunk)

    def close(self) -> None:
        self.sock.close()


def test_a_connection_dropped_during_an_upload_is_reported_and_repaired(built, oxigraph):
    proxy = DroppingProxy(oxigraph.port, cut_at=2)
    try:
        reports = publish_to_store(built, StoreClient(proxy.url))
    finally:
        proxy.close()
    assert reports[1].status == "failed" and "connection broke" in reports[1].detail
    assert all(r.complete for r in reports if r is not reports[1])
    again = publish_to_store(built, StoreClient(oxigraph.gsp))
    assert all(r.complete for r in again)
    assert graph_counts(oxigraph.query_url) == expected_counts(built)


def test_an_unreachable_store_exits_1_naming_the_incomplete_graphs(built, capsys):
    code, _, err = run_cli(
        capsys, "publish", "--data", built, "--store", f"http://127.0.0.1:{free_port()}/store"
    )
    assert code == 1
    assert "https://w3id.org/diplokg/graph/wikidata: not sent" in err
    assert "run the same 'diplokg publish' again" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--store", "ftp://example.org/x"], "give the store's Graph Store URL"),
        (["--store", "http://127.0.0.1:1/store", "--auth", "digest"], "DIPLOKG_STORE_PASSWORD"),
        (["--store", "http://127.0.0.1:1/store", "--data", "nowhere"], "no built dataset"),
    ],
)
def test_bad_publish_options_exit_2_with_a_message(built, capsys, monkeypatch, argv, message):
    monkeypatch.delenv("DIPLOKG_STORE_PASSWORD", raising=False)
    argv = argv if "--data" in argv else [*argv, "--data", str(built)]
    code, _, err = run_cli(capsys, "publish", *argv)
    assert code == 2
    assert message in err


def test_a_named_graph_stands_in_for_the_default_graph_when_asked(built, tmp_path):
    server = Oxigraph()
    try:
        merge = "https://example.org/merge"
        assert main_publish(built, server.gsp, "--default-graph", merge) == 0
        counts = graph_counts(server.query_url)
        expected = expected_counts(built)
        assert counts[merge] == expected[DEFAULT_GRAPH]
        assert counts[DEFAULT_GRAPH] == 0
    finally:
        server.stop()


def test_publish_with_sparql_update_in_batches_gives_the_same_graphs(built, capsys):
    """--update: batches into a staging graph, then MOVE; twice gives the same counts."""
    server = Oxigraph()
    try:
        argv = ["publish", "--data", built, "--update", server.url + "/update", "--batch", "300"]
        for _ in range(2):
            code, out, _ = run_cli(capsys, *argv)
            assert code == 0, out
            assert graph_counts(server.query_url) == expected_counts(built)  # no staging left
    finally:
        server.stop()
