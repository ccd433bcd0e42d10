"""`diplokg publish` against a real Virtuoso server started on 127.0.0.1 by the tests.

Needs Debian's `virtuoso-opensource` package (`virtuoso-t`); skipped without it.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from test_publish_store import expected_counts, free_port, graph_counts, wait_for
from test_store_backend import QUERIES, assert_examples_match, same_answer, served

from diplokg.graph.cli import main
from diplokg.graph.publish.release import current_release
from diplokg.graph.query.engine import load_dataset, run_query
from diplokg.graph.query.remote import DEFAULT_GRAPH_ENV, RemoteEngine
from diplokg.graph.query.store import (
    DEFAULT_GRAPH,
    StoreClient,
    dataset_graphs,
    ntriples,
    publish_to_store,
)

VIRTUOSO = shutil.which("virtuoso-t")
pytestmark = pytest.mark.skipif(
    VIRTUOSO is None,
    reason="Virtuoso is not installed (Debian: apt-get install virtuoso-opensource)",
)
# Virtuoso has no default graph of its own: the merge goes into this named graph.
MERGE = "https://w3id.org/diplokg/graph/merge"
# Graphs every new Virtuoso database holds (its own schemas), beside what we publish.
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
)

INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


class Virtuoso:
    """A virtuoso-t process with its own ini and database folder, on free ports."""

    user, password = "dba", "dba"  # a new database's administrator

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(INI.format(dir=folder, sql_port=free_port(), http_port=self.port))
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [VIRTUOSO, "+configfile", str(ini), "+foreground"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=folder,
        )
        wait_for(self.url + "/sparql?query=ASK%7B%7D", self.proc, seconds=120)

    @property
    def gsp(self) -> str:
        return self.url + "/sparql-graph-crud-auth"

    @property
    def query_url(self) -> str:
        return self.url + "/sparql"

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=60)


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Start one Virtuoso server for the session."""
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


def publish_to_virtuoso(built: Path, server: Virtuoso, monkeypatch) -> int:
    monkeypatch.setenv("DIPLOKG_STORE_USER", server.user)
    monkeypatch.setenv("DIPLOKG_STORE_PASSWORD", server.password)
    argv = ["publish", "--data", str(built), "--store", server.gsp, "--auth", "digest"]
    return main([*argv, "--default-graph", MERGE])


def our_counts(server: Virtuoso) -> dict[str, int]:
    """Count the triples of each graph in the store, leaving out Virtuoso's own graphs."""
    counts = graph_counts(server.query_url)
    for name in (*SYSTEM_GRAPHS, DEFAULT_GRAPH):
        counts.pop(name, None)
    return counts


def test_publish_to_virtuoso_twice_keeps_every_graph_whole(virtuoso, built, monkeypatch):
    """Digest auth, the merge in a named graph, and a second publish that adds nothing."""
    expected = expected_counts(built)
    expected[MERGE] = expected.pop(DEFAULT_GRAPH)
    assert publish_to_virtuoso(built, virtuoso, monkeypatch) == 0
    assert our_counts(virtuoso) == expected
    assert publish_to_virtuoso(built, virtuoso, monkeypatch) == 0
    assert our_counts(virtuoso) == expected


def test_virtuoso_refuses_a_wrong_password_with_exit_2(virtuoso, built, monkeypatch, capsys):
    monkeypatch.setenv("DIPLOKG_STORE_USER", virtuoso.user)
    monkeypatch.setenv("DIPLOKG_STORE_PASSWORD", "not-the-password")
    code = main(["publish", "--data", str(built), "--store", virtuoso.gsp, "--auth", "digest"])
    assert code == 2
    assert "refused the credentials" in capsys.readouterr().err


@pytest.fixture(scope="session")
def virtuoso_published(virtuoso, built):
    """The session's Virtuoso with the seeds' dataset published to it."""
    with pytest.MonkeyPatch.context() as mp:
        assert publish_to_virtuoso(built, virtuoso, mp) == 0
    return virtuoso


def test_the_examples_give_the_same_answers_from_virtuoso(virtuoso_published, built, monkeypatch):
    """The remote engine sends the merge graph as default graph, and only our named graphs."""
    monkeypatch.setenv(DEFAULT_GRAPH_ENV, MERGE)
    remote = RemoteEngine.from_backend(
        f"sparql:{virtuoso_published.query_url}", current_release(built)
    )
    embedded = load_dataset(built).store
    for name, form, text in QUERIES:
        fmt = "nt" if form in ("CONSTRUCT", "DESCRIBE") else "json"
        answer = remote.query(text, form, fmt, None, None, 30, 10_000)
        mine, _ = run_query(embedded, text, fmt)
        assert same_answer(form, answer.body) == same_answer(form, mine), name


def test_serve_with_virtuoso_as_backend_answers_the_examples(
    virtuoso_published, built, tmp_path, monkeypatch
):
    # A triple only the store holds (added to its copy of the metadata graph) proves that
    # queries go there; the publish at the end puts the graph back as built.
    metadata = "https://w3id.org/diplokg/graph/metadata"
    monkeypatch.setenv("DIPLOKG_STORE_USER", virtuoso_published.user)
    monkeypatch.setenv("DIPLOKG_STORE_PASSWORD", virtuoso_published.password)
    client = StoreClient(virtuoso_published.gsp, "digest")
    marker = b"<urn:diplokg:test:served> <urn:diplokg:test:by> 'the store' .\n"
    client.put(metadata, ntriples(dataset_graphs(built)[metadata]) + marker)
    backend = f"sparql:{virtuoso_published.query_url}"
    try:
        with served(built, backend, tmp_path / "serve.log", **{DEFAULT_GRAPH_ENV: MERGE}) as ask:
            found = json.loads(ask("ASK { GRAPH ?g { ?s <urn:diplokg:test:by> ?o } }"))
            assert found["boolean"] is True, "the query did not reach the store"
            graphs = json.loads(ask("SELECT ?g { GRAPH ?g { } }"))["results"]["bindings"]
            assert MERGE not in {row["g"]["value"] for row in graphs}
            assert assert_examples_match(ask, built) >= 4
    finally:
        assert publish_to_virtuoso(built, virtuoso_published, monkeypatch) == 0


def test_a_graph_the_store_refuses_is_reported_with_its_message(virtuoso, built, monkeypatch):
    """Virtuoso has no default graph: PUT ?default fails, and is the one graph reported."""
    monkeypatch.setenv("DIPLOKG_STORE_USER", virtuoso.user)
    monkeypatch.setenv("DIPLOKG_STORE_PASSWORD", virtuoso.password)
    reports = publish_to_store(built, StoreClient(virtuoso.gsp, "digest"))
    assert all(r.complete for r in reports[:-1])
    assert reports[-1].graph == DEFAULT_GRAPH and reports[-1].status == "failed"
    # Virtuoso answers 500 and closes before it has read the body: whether the client gets the
    # answer or a broken connection depends on how much of the body was sent by then.
    detail = reports[-1].detail
    assert "not configured to have default graph" in detail or "connection broke" in detail


def test_publish_to_virtuoso_with_sparql_update(virtuoso, built, monkeypatch):
    """--update on /sparql-auth: blank nodes go as a template, the rest as INSERT DATA."""
    monkeypatch.setenv("DIPLOKG_STORE_USER", virtuoso.user)
    monkeypatch.setenv("DIPLOKG_STORE_PASSWORD", virtuoso.password)
    argv = ["publish", "--data", str(built), "--update", virtuoso.url + "/sparql-auth"]
    assert main([*argv, "--auth", "digest", "--default-graph", MERGE]) == 0
    expected = expected_counts(built)
    expected[MERGE] = expected.pop(DEFAULT_GRAPH)
    assert our_counts(virtuoso) == expected
