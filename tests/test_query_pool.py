"""The query workers (graph/query/pool.py).

A web worker's own pool (outside 'diplokg serve'): one starts with the pool, more start when
queries find every worker busy, up to the pool's size, and those beyond the first stop once
idle. The server's shared pool ('diplokg serve', graph/query/supervisor.py): as many workers
as the setting says, whatever the web workers, answering every web worker, replaced when
killed at the time limit, serving the new release after a reload, gone when the server stops.
"""

import http.client
import json
import mmap
import os
import signal
import subprocess
import threading
import time
from email.message import Message
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from test_restart import BUILD, children, descendants, master_of, retitle, settled
from test_serving import web_workers

from conftest import running_server
from diplokg.graph.errors import QueryTimeout
from diplokg.graph.query.engine import WorkerStore, answer, open_dataset
from diplokg.graph.query.pool import States, WorkerPool, rss_mb

pytestmark = pytest.mark.slow
# A join of every triple with every triple: it runs until the time limit stops it.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
QUICK = "ASK { ?s ?p ?o }"


def pool_for(built, size: int, idle_seconds: float = 60) -> WorkerPool:
    trig = open_dataset(built).release / "diplokg.trig"
    setup, handle = "diplokg.graph.query.engine:WorkerStore", "diplokg.graph.query.engine:answer"
    return WorkerPool(size, setup, (trig,), handle, idle_seconds)


def ask(text: str) -> tuple:
    form = "ASK" if text.startswith("ASK") else "SELECT"
    return (text, form, "json", None, None, 100)


def alive(pool: WorkerPool) -> int:
    return sum(w.process.poll() is None for w in pool.idle)


def test_one_worker_starts_and_more_start_when_queries_find_all_busy(built):
    pool = pool_for(built, size=3)
    try:
        pool.start()
        assert (pool.count, alive(pool)) == (1, 1)
        timeouts = []

        def endless():
            try:
                pool.run(ask(ENDLESS), 3)
            except QueryTimeout:
                timeouts.append(1)

        threads = [threading.Thread(target=endless) for _ in range(3)]
        for t in threads:
            t.start()
            time.sleep(0.3)
        for t in threads:
            t.join(30)
        assert len(timeouts) == 3  # three at once: each had a worker of its own
        assert pool.count == 3  # and never more than the size
        deadline = time.monotonic() + 30
        while alive(pool) < 3:  # the killed workers are replaced
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert pool.run(ask(QUICK), 10).body
    finally:
        pool.close()


def test_workers_beyond_the_first_stop_once_idle(built):
    pool = pool_for(built, size=2, idle_seconds=5)
    try:
        pool.start()
        timeouts = []

        def endless():
            try:
                pool.run(ask(ENDLESS), 2)
            except QueryTimeout:
                timeouts.append(1)

        busy = threading.Thread(target=endless)
        busy.start()
        time.sleep(0.3)
        assert pool.run(ask(QUICK), 30).body  # answered by a second worker, started for it
        busy.join(30)
        assert timeouts == [1]
        deadline = time.monotonic() + 30
        while len(pool.idle) < 2:  # the first one, killed at the limit, is replaced
            assert time.monotonic() < deadline
            time.sleep(0.1)
        assert pool.count == 2
        workers = list(pool.idle)
        time.sleep(5.5)
        assert pool.run(ask(QUICK), 10).body
        assert pool.count == 1 and len(pool.idle) == 1  # the other stopped: idle for 5 s
        (stopped,) = [w for w in workers if w not in pool.idle]
        assert stopped.process.poll() is not None
    finally:
        pool.close()


def test_a_shared_worker_keeps_the_two_releases_last_asked_for():
    opened = []
    states = States(lambda key: opened.append(key) or object())
    for key in ("a", "b", "a", "c", "a", "b"):
        states.take(key)
        states.done()
    assert list(states.states) == ["a", "b"]  # c went when b came back; a was asked for since
    assert opened == ["a", "b", "c", "b"]


def test_an_idle_shared_worker_reopens_its_newest_release(built):
    """A store's caches go only when it is closed: an idle worker closes and reopens it."""
    trig = str(open_dataset(built).release / "diplokg.trig")
    states = States(WorkerStore, idle_seconds=1)
    first = states.take(trig)
    assert answer(first, ask(QUICK)).body
    states.done()
    threading.Thread(target=states.release_when_idle, daemon=True).start()
    deadline = time.monotonic() + 30
    while True:
        with states.lock:  # the releasing thread reopens it under the lock
            if states.fresh and states.states[trig] is not first:
                break
        assert time.monotonic() < deadline, "the idle worker kept its store"
        time.sleep(0.1)
    assert list(states.states) == [trig]
    assert answer(states.take(trig), ask(QUICK)).body
    states.done()


def test_a_shared_worker_that_grew_reopens_its_store_once_it_answered(built):
    """A worker whose memory grew past its limit since its store opened opens it afresh; one
    within it keeps its store (its caches serve the next queries)."""
    trig = str(open_dataset(built).release / "diplokg.trig")
    for limit, reopened in ((1e6, False), (2.0, True)):
        states = States(WorkerStore, growth_mb=limit)
        first = states.take(trig)
        states.opened_rss = rss_mb()
        assert answer(first, ask(QUICK)).body
        states.done()
        filler = mmap.mmap(-1, 4_000_000)  # new pages: this process grows by 4 MB
        filler.write(b"x" * 4_000_000)
        states.after_answer()
        assert (states.states[trig] is not first) is reopened
        assert list(states.states) == [trig]
        assert answer(states.take(trig), ask(QUICK)).body
        states.done()
        filler.close()


# Each document's title, by a query the cost rule cannot bound (GRAPH): a query worker answers.
TITLES = "SELECT ?title WHERE { GRAPH ?g { ?doc <http://purl.org/dc/terms/title> ?title } }"
POOL, SUPERVISOR = b"diplokg.graph.query.pool", b"diplokg.graph.query.supervisor"
TIME_LIMIT = 2


def running(master: int, name: bytes) -> set[int]:
    """Return the server's processes whose command line names a module (as bench_stream.py
    counts query workers)."""
    found = set()
    for pid in descendants(master):
        try:
            if name in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.add(pid)
        except OSError:
            continue
    return found


def gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def owner(server_port: int, client_port: int, pids: list[int]) -> int | None:
    """Return which of these processes holds the server's end of a TCP connection."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            ports = int(local.rsplit(":", 1)[1], 16), int(remote.rsplit(":", 1)[1], 16)
            if ports == (server_port, client_port) and inode != "0":
                inodes.add(f"socket:[{inode}]")
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if os.readlink(fd) in inodes:
                    return pid
            except OSError:
                continue
    return None


def connection_to(base: str, worker: int, workers: list[int]) -> http.client.HTTPConnection:
    """Open connections until one is accepted by the given web worker; return it."""
    parts = urlsplit(base)
    for _ in range(200):
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        conn.connect()
        client_port = conn.sock.getsockname()[1]
        deadline = time.monotonic() + 5
        while (found := owner(parts.port, client_port, workers)) is None:
            assert time.monotonic() < deadline, "no web worker took the connection"
            time.sleep(0.02)
        if found == worker:
            return conn
        conn.close()
    raise AssertionError(f"web worker {worker} took none of 200 connections")


def ask_on(conn: http.client.HTTPConnection, text: str) -> tuple[int, Message, bytes]:
    conn.request("GET", "/sparql?" + urlencode({"query": text}))
    resp = conn.getresponse()
    return resp.status, resp.headers, resp.read()


def ask_new(base: str, text: str) -> tuple[int, Message, bytes]:
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        return ask_on(conn, text)
    finally:
        conn.close()


@pytest.mark.parametrize(("server", "stop"), [("granian", "SIGINT"), ("gunicorn", "SIGTERM")])
def test_the_server_runs_one_pool_for_all_its_web_workers(published, seeds, server, stop):
    env = {"DIPLOKG_QUERY_WORKERS": "2", "DIPLOKG_QUERY_TIMEOUT": str(TIME_LIMIT)}
    with running_server(published, env, workers=2, options=("--server", server)) as base:
        master = master_of(base)
        settled(master)
        (supervisor,) = running(master, SUPERVISOR)
        workers = running(master, POOL)
        assert len(workers) == 2  # two web workers, two query workers: the server's
        assert set(children(supervisor)) == workers
        webs = web_workers(master)
        assert len(webs) == 2
        killed = []
        for web in webs:  # each web worker's runaway query is a shared worker's
            conn = connection_to(base, web, webs)
            others = []
            endless = threading.Thread(
                target=lambda c=conn, o=others: o.append(ask_on(c, ENDLESS)), daemon=True
            )
            endless.start()
            time.sleep(0.3)  # sent first: the other query finds one worker left
            status, _, body = ask_new(base, TITLES)  # answered meanwhile, by the other worker
            assert status == 200, body
            endless.join(30)
            conn.close()
            ((status, _, body),) = others
            assert status == 504, body
            assert b"time limit of 2 s" in body
            deadline = time.monotonic() + 30
            while len(now := running(master, POOL)) != 2 or now == workers:
                assert time.monotonic() < deadline, f"the pool did not get back to 2: {now}"
                time.sleep(0.1)
            killed += workers - now  # one shared worker killed and replaced
            assert len(workers - now) == 1 and set(children(supervisor)) == now
            workers = now
        assert len(killed) == 2
        for web in webs:  # no pool of its own
            assert children(web) == [], f"web worker {web} runs {children(web)}"
        for _ in range(10):  # heavy queries on new connections, whichever web worker takes them
            status, _, body = ask_new(base, TITLES)
            assert status == 200, body
        assert running(master, POOL) == workers

        # A reload: the new release's answers come from the same pool.
        retitle(seeds, "A title for the shared pool")
        build = subprocess.run([*BUILD, "--seeds", str(seeds), "--out", str(published)],
                               capture_output=True)  # fmt: skip
        assert build.returncode == 0, build.stderr.decode()
        new = (published / "current").resolve().name
        os.kill(master, signal.SIGHUP)
        deadline = time.monotonic() + 60
        answered = set()
        while new not in answered:  # old web workers may answer while they drain
            assert time.monotonic() < deadline, "the reload never served the new dataset"
            status, headers, body = ask_new(base, TITLES)
            assert status == 200, body
            titles = {b["title"]["value"] for b in json.loads(body)["results"]["bindings"]}
            # Each release's answer from its own store, by the same workers.
            answered.add(headers["X-Dataset-Version"])
            assert ("A title for the shared pool" in titles) == (
                headers["X-Dataset-Version"] == new
            )
            time.sleep(0.1)
        assert running(master, SUPERVISOR) == {supervisor}
        assert running(master, POOL) == workers  # still two, still the server's
        pool = {supervisor, *workers}

        # Stopping the server stops its pool.
        os.kill(master, getattr(signal, stop))
        deadline = time.monotonic() + 30
        while not gone(master):
            assert time.monotonic() < deadline, "the server did not stop"
            time.sleep(0.1)
    deadline = time.monotonic() + 15
    while left := [pid for pid in pool if not gone(pid)]:
        assert time.monotonic() < deadline, f"left running: {left}"
        time.sleep(0.1)
