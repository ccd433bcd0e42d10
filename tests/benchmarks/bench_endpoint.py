"""Benchmark /sparql against the servers users would run instead, on the same data.

Starts, all on 127.0.0.1: our endpoint as 'diplokg serve' runs it (granian), the same with
its answer cache off, the same under gunicorn, 'oxigraph serve' (in memory, the PyPI package
oxigraph) and rdflib-endpoint (PyPI; needs uvicorn), each loaded with the same dataset: every
named graph, and their merge as the default graph; and a floor, a server that answers every
request with the same bytes and does no work, to show the least a request costs here. Then it
runs each query of a mix (the example queries plus a lookup, a join, aggregates, a DESCRIBE and
a CONSTRUCT) with 1 and with 8 concurrent clients (keep-alive connections of wrk, a load
generator written in C; or of Python threads) for a bounded time, and prints per query and
server the throughput and median / p99 latency, our throughput over each peer's, and the
geometric mean of those ratios.

    python tests/benchmarks/bench_endpoint.py [--data OUT] [--seconds 3] [--client wrk|python]
"""

import argparse
import http.client
import math
import os
import shutil
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
from common import free_port, get, percentile

from diplokg.graph.publish.release import current_release
from diplokg.graph.query.engine import load_store
from diplokg.server.query_page import ANSWERED_BY, EXAMPLES

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

# The floor: the least any HTTP server can cost here. It answers every request with the same
# small 200, without parsing it or doing any work, in one Python thread (select loop). Its
# throughput over a peer's is the best ratio any server could reach against that peer.
FLOOR_SERVER = """
import selectors, socket, sys
ANSWER = (b"HTTP/1.1 200 OK\\r\\nContent-Type: application/sparql-results+json\\r\\n"
          b"Content-Length: 17\\r\\n\\r\\n{\\"boolean\\": true}")
sel = selectors.DefaultSelector()
srv = socket.create_server(("127.0.0.1", int(sys.argv[1])), backlog=128)
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ)
left = {}
while True:
    for key, _ in sel.select():
        if key.fileobj is srv:
            conn, _ = srv.accept()
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sel.register(conn, selectors.EVENT_READ)
            left[conn] = b""
            continue
        conn = key.fileobj
        try:
            data = conn.recv(65536)
        except OSError:
            data = b""
        if not data:
            sel.unregister(conn)
            conn.close()
            left.pop(conn, None)
            continue
        heads = (left[conn] + data).split(b"\\r\\n\\r\\n")
        left[conn] = heads.pop()
        if heads:
            conn.sendall(ANSWER * len(heads))
"""


def dataset(given: str | None, work: Path) -> Path:
    """Return the built dataset to measure: the one given, or the seeds built into work/out."""
    if given:
        return Path(given)
    data = work / "out"
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--out", str(data), "--quiet"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return data


def mix() -> dict[str, str]:
    """Return the queries: the example questions that hold a query, then our own."""
    found = {}
    for path in sorted(EXAMPLES.glob("*.rq")):
        if path.name in ANSWERED_BY.values():
            continue  # the page's query for a question: not in the mix measured so far
        text = path.read_text(encoding="utf-8")
        if any(line.strip() and not line.startswith("#") for line in text.splitlines()):
            found[path.stem[:24]] = text
    found.update({name: PREFIXES + text for name, text in OWN.items()})
    return found


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


def start(peer: "Peer", log, nquads: Path) -> None:
    """Start a peer; Oxigraph's store gets the dataset over HTTP once it answers."""
    peer.start(log)
    if peer.name == "oxigraph":
        load_oxigraph(peer.port, nquads)


def rdflib_peer(trig: Path) -> "Peer":
    """rdflib-endpoint over the dataset's TriG, as users of rdflib would serve it."""
    command = [sys.executable, "-c", RDFLIB_SERVER, str(trig), "{port}"]
    return Peer("rdflib-endpoint", command, "/", probe="/?query=ASK%7B%7D")


def accept_for(text: str) -> str:
    body = "\n".join(line for line in text.splitlines() if not line.startswith("PREFIX"))
    graph = any(word in body.upper() for word in ("CONSTRUCT", "DESCRIBE"))
    return "text/turtle" if graph else "application/sparql-results+json"


class Run:
    """What one query against one server gave: requests/s, median and p99 latency, failures."""

    def __init__(self, rate: float, median_ms: float, p99_ms: float, failures: list[str]):
        self.rate, self.median_ms, self.p99_ms, self.failures = rate, median_ms, p99_ms, failures


def hammer(port: int, path: str, text: str, clients: int, seconds: float) -> Run:
    """Send the query from `clients` Python threads until `seconds` pass."""
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
            resp = get(conn, target, headers)
            if isinstance(resp, Exception):
                failures.append(repr(resp))
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
    elapsed = time.monotonic() - begin
    if not latencies:
        return Run(0.0, 0.0, 0.0, failures or ["no answer"])
    median, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    return Run(len(latencies) / elapsed, median * 1000, p99 * 1000, failures)


WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk_ms(value: str) -> float:
    """Read one of wrk's latencies ("101.00us", "2.27ms", "1.02s") as milliseconds."""
    number = value.rstrip("umsn")
    return float(number) * WRK_UNITS[value[len(number) :]]


def hammer_wrk(port: int, path: str, text: str, clients: int, seconds: float) -> Run:
    """Send the query with wrk: `clients` keep-alive connections for `seconds`."""
    target = f"http://127.0.0.1:{port}{path}?" + urllib.parse.urlencode({"query": text})
    threads = min(clients, os.cpu_count() or 1)
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{clients}",
        f"-d{max(1, round(seconds))}s",
        "--latency",
        "--timeout",
        "30s",
    ]
    cmd += ["-H", f"Accept: {accept_for(text)}", target]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rate, median, p99, failures = 0.0, 0.0, 0.0, []
    for line in out.splitlines():
        words = line.split()
        if line.startswith("Requests/sec:"):
            rate = float(words[1])
        elif words[:1] == ["50%"]:
            median = wrk_ms(words[1])
        elif words[:1] == ["99%"]:
            p99 = wrk_ms(words[1])
        elif line.strip().startswith(("Non-2xx", "Socket errors")):
            failures.append(line.strip())
    return Run(rate, median, p99, failures)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", help="output folder of a build (default: build the seeds)")
    p.add_argument("--seconds", type=float, default=3.0, help="time per query, server, clients")
    p.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    p.add_argument("--no-rdflib", action="store_true", help="leave rdflib-endpoint out")
    p.add_argument("--queries", nargs="+", help="run only these queries of the mix")
    p.add_argument("--peers", nargs="+", help="run only these servers")
    p.add_argument(
        "--client",
        choices=("wrk", "python"),
        default="wrk",
        help="load generator: wrk (default; Debian package wrk) or Python threads",
    )
    args = p.parse_args()
    if args.client == "wrk" and not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk, or use --client python", file=sys.stderr)
        return 2
    send = hammer_wrk if args.client == "wrk" else hammer

    work = Path(tempfile.mkdtemp(prefix="bench-endpoint-"))
    data = dataset(args.data, work)
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
        Peer("ours-gunicorn", [*serve, "--server", "gunicorn"], "/sparql", probe="/health"),
        Peer("oxigraph", [shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph"),
                          "serve", "--bind", "127.0.0.1:{port}"], "/query", probe="/"),
    ]  # fmt: skip
    floor_cmd = [sys.executable, "-c", FLOOR_SERVER, "{port}"]
    peers.append(Peer("floor", floor_cmd, "/", probe="/"))
    if not args.no_rdflib:
        peers.append(rdflib_peer(trig))

    queries = {n: q for n, q in mix().items() if not args.queries or n in args.queries}
    peers = [peer for peer in peers if not args.peers or peer.name in args.peers]
    results: dict[tuple, tuple] = {}
    log = open(work / "servers.log", "wb")  # noqa: SIM115 - open while the servers run
    try:
        for peer in peers:
            start(peer, log, nquads)
            for clients in args.clients:
                for name, text in queries.items():
                    run = send(peer.port, peer.path, text, clients, args.seconds)
                    results[peer.name, clients, name] = run
                    failures = run.failures
                    note = f"  FAILURES: {len(failures)} ({failures[0]})" if failures else ""
                    print(f"  {peer.name:16} c={clients} {name:26} {run.rate:9.1f}/s{note}",
                          flush=True)  # fmt: skip
            peer.stop()
    finally:
        for peer in peers:
            peer.stop()
        log.close()
    report(results, [peer.name for peer in peers], queries, args.clients)
    shutil.rmtree(work)  # kept, with the servers' log, only when a run fails
    return 0


def report(results, names, queries, client_counts) -> None:
    """Print the table of throughput and latency, the ratios and their geometric means."""
    # The floor is read as one of ours: its ratios are the best any server could reach.
    ours = [n for n in names if n.startswith("ours") or n == "floor"]
    peers = [n for n in names if n not in ours]
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
                run = results[n, clients, query]
                rates[n] = run.rate if not run.failures else 0.0
                if not run.rate:
                    cells.append("failed")
                    continue
                cells.append(f"{run.rate:.0f}/s {run.median_ms:.2f} / {run.p99_ms:.2f}")
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
