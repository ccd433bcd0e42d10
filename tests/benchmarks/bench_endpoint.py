"""Benchmark /sparql against the servers users would run instead, on the same data.

Starts, all on 127.0.0.1: our endpoint as 'diplokg serve' runs it (gunicorn), the same with
its answer cache off, 'oxigraph serve' (in memory, the PyPI package oxigraph) and
rdflib-endpoint (PyPI; needs uvicorn), each loaded with the same dataset: every named graph,
and their merge as the default graph. Then it runs each query of a mix (the example queries
plus a lookup, a join, aggregates, a DESCRIBE and a CONSTRUCT) with 1 and with 8 concurrent
clients (threads, one keep-alive connection each) for a bounded time, and prints per query and
server the throughput and median / p99 latency, our throughput over each peer's, and the
geometric mean of those ratios.

    python tests/benchmarks/bench_endpoint.py [--data OUT] [--seconds 3] [--no-rdflib]
"""

import argparse
import http.client
import importlib.util
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from diplokg.graph.publish import current_release
from diplokg.graph.query import load_store

REPO = Path(__file__).resolve().parents[2]
PREFIXES = """PREFIX dkg: <https://w3id.org/diplokg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
"""
OWN = {
    "lookup": "SELECT ?p ?o WHERE { wd:Q31 ?p ?o }",
    "label": 'SELECT ?s WHERE { ?s rdfs:label "Belgium"@en }',
    "join": "SELECT ?m ?state ?city WHERE { ?m a dkg:DiplomaticMission ; dkg:sendingEntity ?state"
    " ; dkg:city ?city }",
    "group-by": "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n)",
    "count-all": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "describe": "DESCRIBE wd:Q31",
    "construct": "CONSTRUCT { ?m dkg:city ?c } WHERE { ?m a dkg:Consulate ; dkg:city ?c }",
}
RDFLIB_SERVER = """
import sys, uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint
ds = Dataset(default_union=True)
ds.parse(sys.argv[1], format="trig")
uvicorn.run(SparqlEndpoint(graph=ds), host="127.0.0.1", port=int(sys.argv[2]), log_level="error")
"""


def mix() -> dict[str, str]:
    """Return the queries: the examples that hold a query, then our own."""
    found = {}
    for path in sorted((REPO / "tests" / "examples").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        if any(line.strip() and not line.startswith("#") for line in text.splitlines()):
            found[path.stem[:24]] = text
    found.update({name: PREFIXES + text for name, text in OWN.items()})
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{proc.args[:3]} exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not come up")


class Peer:
    """A server under test: how to start it and where its SPARQL endpoint is."""

    def __init__(self, name, command, path, env=None, probe=None):
        self.name, self.command, self.path = name, command, path
        self.env, self.probe, self.proc, self.port = env, probe or path, None, free_port()

    def start(self, log) -> None:
        cmd = [part.replace("{port}", str(self.port)) for part in self.command]
        env = {**os.environ, **(self.env or {})}
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, env=env)
        wait_until_up(f"http://127.0.0.1:{self.port}{self.probe}", self.proc)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def load_oxigraph(port: int, nquads: Path) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/store",
        data=nquads.read_bytes(),
        headers={"Content-Type": "application/n-quads"},
        method="POST",
    )
    urllib.request.urlopen(request, timeout=120).read()


def accept_for(text: str) -> str:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("PREFIX"))
    graph = any(word in body.upper() for word in ("CONSTRUCT", "DESCRIBE"))
    return "text/turtle" if graph else "application/sparql-results+json"


def hammer(port: int, path: str, text: str, clients: int, seconds: float):
    """Send the query from `clients` threads until `seconds` pass; return latencies and time."""
    target = path + "?" + urllib.parse.urlencode({"query": text})
    headers = {"Accept": accept_for(text)}
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn.request("GET", target, headers=headers)
                resp = conn.getresponse()
                resp.read()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                failures.append(repr(exc))
                continue
            if resp.status != 200:
                failures.append(f"HTTP {resp.status}")
                continue
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)

    begin = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.monotonic() - begin, failures


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", help="output folder of a build (default: build the seeds)")
    p.add_argument("--seconds", type=float, default=3.0, help="time per query, server, clients")
    p.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    p.add_argument("--no-rdflib", action="store_true", help="leave rdflib-endpoint out")
    p.add_argument("--queries", nargs="+", help="run only these queries of the mix")
    p.add_argument("--peers", nargs="+", help="run only these servers")
    args = p.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-endpoint-"))
    data = Path(args.data) if args.data else work / "out"
    if not args.data:
        cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--out", str(data), "--quiet"]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    trig = current_release(data) / "diplokg.trig"
    # Every peer gets the same quads: the named graphs and their merge as the default graph.
    nquads = work / "dataset.nq"
    store = load_store(trig)
    store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    print(f"dataset: {trig} ({len(store)} quads with the merged default graph)")

    serve = [sys.executable, "-m", "diplokg.graph.cli", "serve", "--data", str(data)]
    serve += ["--port", "{port}"]
    peers = [
        Peer("ours", serve, "/sparql", probe="/health"),
        Peer("ours-nocache", serve, "/sparql", {"DIPLOKG_CACHE_ENTRIES": "0"}, "/health"),
        Peer("oxigraph", [shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph"),
                          "serve", "--bind", "127.0.0.1:{port}"], "/query", probe="/"),
    ]  # fmt: skip
    if importlib.util.find_spec("granian"):
        # The same app behind granian, a WSGI server written in Rust, to show what the Python
        # HTTP layer (gunicorn) costs per request; not part of diplokg's dependencies.
        granian = [
            sys.executable,
            "-m",
            "granian",
            "--interface",
            "wsgi",
            "--factory",
            "--workers",
            "2",
            "--blocking-threads",
            "4",
            "--log-level",
            "error",
            "--host",
            "127.0.0.1",
            "--port",
            "{port}",
            "diplokg.server:create_app",
        ]
        peers.insert(1, Peer("ours-granian", granian, "/sparql", {"DIPLOKG_DATA": str(data)},
                             "/health"))  # fmt: skip
    if not args.no_rdflib:
        rdflib_cmd = [sys.executable, "-c", RDFLIB_SERVER, str(trig), "{port}"]
        peers.append(Peer("rdflib-endpoint", rdflib_cmd, "/", probe="/?query=ASK%7B%7D"))

    queries = {n: q for n, q in mix().items() if not args.queries or n in args.queries}
    peers = [peer for peer in peers if not args.peers or peer.name in args.peers]
    results: dict[tuple, tuple] = {}
    log = open(work / "servers.log", "wb")  # noqa: SIM115 - open while the servers run
    try:
        for peer in peers:
            peer.start(log)
            if peer.name == "oxigraph":
                load_oxigraph(peer.port, nquads)
            for clients in args.clients:
                for name, text in queries.items():
                    lat, elapsed, failures = hammer(
                        peer.port, peer.path, text, clients, args.seconds
                    )
                    results[peer.name, clients, name] = (lat, elapsed, failures)
                    rate = len(lat) / elapsed
                    note = f"  FAILURES: {len(failures)} ({failures[0]})" if failures else ""
                    print(f"  {peer.name:16} c={clients} {name:26} {rate:9.1f}/s{note}",
                          flush=True)  # fmt: skip
            peer.stop()
    finally:
        for peer in peers:
            peer.stop()
        log.close()
    report(results, [peer.name for peer in peers], queries, args.clients)
    return 0


def report(results, names, queries, client_counts) -> None:
    """Print the table of throughput and latency, the ratios and their geometric means."""
    ours = [n for n in names if n.startswith("ours")]
    peers = [n for n in names if not n.startswith("ours")]
    pairs = [(o, p) for o in ours for p in peers]
    for clients in client_counts:
        print(f"\n## {clients} concurrent client(s): requests/s, median / p99 latency (ms)")
        head = ["query", *names, *(f"{o}/{p}" for o, p in pairs)]
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        ratios: dict[tuple, list[float]] = {pair: [] for pair in pairs}
        for query in queries:
            cells, rates = [query], {}
            for n in names:
                lat, elapsed, failures = results[n, clients, query]
                rates[n] = len(lat) / elapsed if lat and not failures else 0.0
                if not lat:
                    cells.append("failed")
                    continue
                med, p99 = statistics.median(lat) * 1000, percentile(lat, 0.99) * 1000
                cells.append(f"{rates[n]:.0f}/s {med:.1f} / {p99:.1f}")
            for o, p in pairs:
                if rates[o] and rates[p]:
                    ratios[o, p].append(rates[o] / rates[p])
                    cells.append(f"{rates[o] / rates[p]:.2f}x")
                else:
                    cells.append("n/a")
            print("| " + " | ".join(cells) + " |")
        for (o, p), values in ratios.items():
            if values:
                geo = math.exp(sum(map(math.log, values)) / len(values))
                print(f"geometric mean of {o}/{p} at {clients} client(s): {geo:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
