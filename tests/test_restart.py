"""Servers and builds together: a server started mid-build serves the last good dataset, and
the server's graceful reload (SIGHUP; granian's, and gunicorn's) picks up a new one without a
failed request.
"""

import hashlib
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from conftest import running_server

pytestmark = pytest.mark.slow
BUILD = [sys.executable, "-m", "diplokg.graph.cli", "build", "--quiet"]
QUERY = "/sparql?" + urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})


def change(seeds: Path) -> None:
    """Change one document, so that the next build publishes a new version."""
    doc = sorted(seeds.glob("*.txt"))[0]
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text + "\nBelgium has an embassy in Oslo.\n", encoding="utf-8")


def fetch(base: str, path: str, conn: http.client.HTTPConnection | None = None):
    """GET a path (on a fresh connection unless one is given); return status and body."""
    parts = urlsplit(base)
    own = conn is None
    conn = conn or http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        if own:
            conn.close()


def version(base: str) -> str:
    return json.loads(fetch(base, "/health")[1])["version"]


def children(parent: int) -> list[int]:
    """Return the process ids whose parent is the given process."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def master_of(base: str) -> int:
    """Return the pid of the server's main process this test started for base."""
    port = str(urlsplit(base).port)
    for pid in children(os.getpid()):
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"serve" in args and port.encode() in args:
            return pid
    raise AssertionError(f"no server of this test listens on {port}")


def descendants(pid: int) -> set[int]:
    found = set()
    for child in children(pid):
        found |= {child, *descendants(child)}
    return found


def query_pool(master: int) -> set[int]:
    """Return the server's query workers and their supervisor."""
    found = set()
    for pid in descendants(master):
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"diplokg.graph.query." in args:
            found.add(pid)
    return found


def settled(pid: int) -> int:
    """Return how many processes the server runs once they all started (none for 1 s)."""
    count, since = len(descendants(pid)), time.monotonic()
    deadline = since + 60
    while time.monotonic() - since < 1 and time.monotonic() < deadline:
        time.sleep(0.1)
        now = len(descendants(pid))
        if now != count:
            count, since = now, time.monotonic()
    return count


def start_build_and_pause(seeds: Path, out: Path) -> subprocess.Popen:
    """Start a build and stop it (SIGSTOP) while it writes its release folder."""
    build = subprocess.Popen(
        [*BUILD, "--seeds", str(seeds), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any((out / "releases").glob(".staging-*")):
        assert build.poll() is None, build.stderr.read().decode()
        assert time.monotonic() < deadline, "the build never started writing"
        time.sleep(0.005)
    build.send_signal(signal.SIGSTOP)
    return build


def test_server_started_during_a_build_serves_the_last_good_dataset(published, seeds):
    """Start 'diplokg serve' while a build is half-way through writing: the old release, whole."""
    old = (published / "current").resolve()
    trig = hashlib.sha256((old / "diplokg.trig").read_bytes()).hexdigest()
    change(seeds)
    build = start_build_and_pause(seeds, published)
    try:
        with running_server(published) as base:
            assert version(base) == old.name
            status, body = fetch(base, "/dumps/diplokg.trig")
            assert status == 200 and hashlib.sha256(body).hexdigest() == trig
            status, body = fetch(base, QUERY)
            assert status == 200, body
    finally:
        build.send_signal(signal.SIGCONT)
        assert build.wait(120) == 0, build.stderr.read().decode()
    assert (published / "current").resolve() != old


class Clients:
    """Client threads that run from `with` to its end; JOIN is how long each may take to stop."""

    JOIN = 30.0
    stop: threading.Event
    threads: list[threading.Thread]

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(self.JOIN)


class Traffic(Clients):
    """Clients that GET /health, a query and an entity page in a loop and record every failure."""

    def __init__(self, base: str):
        self.base = base
        self.stop = threading.Event()
        self.failures: list[str] = []
        self.versions: set[str] = set()
        self.requests = 0
        self.retried = 0
        self.threads = [
            threading.Thread(target=self._fresh, daemon=True),
            threading.Thread(target=self._kept, daemon=True),
        ]

    def _record(self, path: str, status: int, body: bytes) -> None:
        self.requests += 1
        if status != 200:
            self.failures.append(f"{status} on {path}: {body[:200]!r}")
        elif path == "/health":
            self.versions.add(json.loads(body)["version"])

    def _fresh(self) -> None:
        """A new connection per request, as simple clients do."""
        while not self.stop.is_set():
            for path in ("/health", QUERY, "/id/state/belgium.ttl"):
                try:
                    self._record(path, *fetch(self.base, path))
                except OSError as exc:
                    self.failures.append(f"{type(exc).__name__} on {path}")

    def _kept(self) -> None:
        """One keep-alive connection; a request on it that the server closed before answering
        is sent again on a new one, as HTTP lets clients do for GET (RFC 9112, 9.3.1)."""
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        while not self.stop.is_set():
            for path in ("/health", QUERY):
                try:
                    self._record(path, *fetch(self.base, path, conn))
                except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                    self.retried += 1
                    conn.close()
                    try:
                        self._record(path, *fetch(self.base, path, conn))
                    except OSError as exc:
                        self.failures.append(f"{type(exc).__name__} on {path} after a retry")
                except OSError as exc:
                    self.failures.append(f"{type(exc).__name__} on {path}")
                    conn.close()
        conn.close()


@pytest.mark.parametrize("server", ["granian", "gunicorn"])
def test_reload_picks_up_a_new_dataset_without_a_failed_request(published, seeds, capsys, server):
    """SIGHUP to the server: new workers load the new release, old ones finish; no failure."""
    old = (published / "current").resolve().name
    with running_server(published, workers=2, options=("--server", server)) as base:
        master = master_of(base)
        settled(master)  # web workers and query workers, all started
        # The query workers are the server's, not a web worker's: they stay through a reload.
        before = descendants(master) - query_pool(master)
        change(seeds)
        build = subprocess.run(
            [*BUILD, "--seeds", str(seeds), "--out", str(published)],
            capture_output=True,
        )
        assert build.returncode == 0, build.stderr.decode()
        new = (published / "current").resolve().name
        assert new != old and version(base) == old  # served as loaded until told
        with Traffic(base) as traffic:
            time.sleep(1)
            os.kill(master, signal.SIGHUP)
            deadline = time.monotonic() + 60
            while version(base) != new:
                assert time.monotonic() < deadline, "the reload never served the new dataset"
                time.sleep(0.2)
            time.sleep(2)  # the old workers finish and end meanwhile
        assert traffic.failures == []
        assert traffic.versions == {old, new}
        with capsys.disabled():
            print(f"\n{server}: {traffic.requests} requests during the reload, none failed "
                  f"({traffic.retried} resent on a closed keep-alive connection)")  # fmt: skip
        deadline = time.monotonic() + 30
        while descendants(master) & before:  # no old web worker left behind
            assert time.monotonic() < deadline, f"{descendants(master) & before} still run"
            time.sleep(0.5)


TITLES = "/sparql?" + urlencode(
    {"query": "SELECT ?title WHERE { ?doc <http://purl.org/dc/terms/title> ?title }"}
)


def retitle(seeds: Path, title: str) -> None:
    """Give the first document a new title, so that the next build publishes a new version."""
    meta = sorted(seeds.glob("*.toml"))[0]
    text = meta.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("title = "))
    meta.write_text(text.replace(line, f"title = {json.dumps(title)}"), encoding="utf-8")


def not_access(log: str) -> str:
    """Return the last lines of a server's log that are not access lines."""
    return "\n".join(line for line in log.splitlines() if '"GET ' not in line)[-3000:]


class Load(Clients):
    """Clients that send without pause through reloads, on kept-alive and on new connections.

    Every answer is recorded with when its request was sent and the release its
    X-Dataset-Version header names; a request that gets no answer is a failure, never resent.
    """

    JOIN = 60.0

    def __init__(self, base: str, titles: dict[str, str], kept: int = 4, fresh: int = 2):
        self.base, self.titles = base, titles
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.answers: list[tuple[float, str]] = []  # (sent at, version)
        self.failures: list[str] = []
        self.disagreements: list[str] = []
        self.threads = [threading.Thread(target=self._client, args=(True,)) for _ in range(kept)]
        self.threads += [threading.Thread(target=self._client, args=(False,)) for _ in range(fresh)]

    def first(self, version: str) -> float | None:
        """Return when the first request answered by this release was sent."""
        with self.lock:
            return min((at for at, v in self.answers if v == version), default=None)

    def _client(self, kept: bool) -> None:
        parts = urlsplit(self.base)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        while not self.stop.is_set():
            for path in ("/health", TITLES):
                sent = time.monotonic()
                try:
                    conn.request("GET", path)
                    resp = conn.getresponse()
                    body = resp.read()
                except (OSError, http.client.HTTPException) as exc:
                    with self.lock:
                        self.failures.append(f"{type(exc).__name__} on {path} ({kept=})")
                    conn.close()
                    continue
                finally:
                    if not kept:
                        conn.close()
                try:
                    self._check(path, sent, resp, body)
                except Exception as exc:  # a bad body: recorded, and the client goes on
                    with self.lock:
                        self.failures.append(f"{exc!r} on {path}: {body[:200]!r}")

    def _check(self, path: str, sent: float, resp, body: bytes) -> None:
        stated = resp.getheader("X-Dataset-Version")
        with self.lock:
            if resp.status != 200:
                self.failures.append(f"{resp.status} on {path}: {body[:200]!r}")
                return
            self.answers.append((sent, stated))
            if path == "/health":
                agrees = json.loads(body)["version"] == stated
            else:
                found = {t for t in self.titles.values() if f'"{t}"'.encode() in body}
                agrees = found == {self.titles.get(stated)}
            if not agrees:
                self.disagreements.append(f"{path}: header {stated}, body {body[:300]!r}")


@pytest.mark.parametrize("server", ["granian", "gunicorn"])
def test_five_reloads_under_load_fail_no_request_and_old_answers_end_with_the_drain(
    published, seeds, capsys, tmp_path, server
):
    """Kept-alive and new-connection clients through 5 reloads: nothing fails, and no request
    sent later than the drain time after the new release first answered gets the old one."""
    from diplokg.server.reload import DRAIN_BOUND_SECONDS

    titles = {(published / "current").resolve().name: "North America"}
    late: list[str] = []
    spans = []
    log = tmp_path / "server.log"
    with (
        open(log, "w+b") as out,
        running_server(published, workers=2, options=("--server", server), log=out) as base,
    ):
        master = master_of(base)
        settled(master)
        before = descendants(master) - query_pool(master)  # those stay (see above)
        with Load(base, titles) as load:
            for n in range(5):
                old = (published / "current").resolve().name
                retitle(seeds, f"Reload {n}")
                build = subprocess.run(
                    [*BUILD, "--seeds", str(seeds), "--out", str(published)], capture_output=True
                )
                assert build.returncode == 0, build.stderr.decode()
                new = (published / "current").resolve().name
                with load.lock:  # the clients read it
                    titles[new] = f"Reload {n}"
                os.kill(master, signal.SIGHUP)
                deadline = time.monotonic() + 60
                while load.first(new) is None:
                    assert time.monotonic() < deadline, not_access(log.read_text())
                    time.sleep(0.05)
                time.sleep(DRAIN_BOUND_SECONDS + 1)  # the old workers drain and stop meanwhile
                first = load.first(new)
                with load.lock:
                    olds = [at for at, v in load.answers if v == old and at >= first]
                spans.append(max(olds, default=first) - first)
                late += [f"reload {n}: {at - first:.2f} s" for at in olds
                         if at > first + DRAIN_BOUND_SECONDS]  # fmt: skip
            assert load.failures == []
            assert load.disagreements == []
            assert late == []
            deadline = time.monotonic() + 30
            while descendants(master) & before:  # no worker of the first release left behind
                assert time.monotonic() < deadline, f"{descendants(master) & before} still run"
                time.sleep(0.5)
    with capsys.disabled():
        print(f"\n{server}: 5 reloads, {len(load.answers)} answers, none failed; old answers "
              f"came up to {max(spans):.2f} s after the new release first answered")  # fmt: skip
