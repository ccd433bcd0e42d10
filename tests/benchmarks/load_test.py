"""Load test: many clients against 'diplokg serve' on 127.0.0.1, with a slow query now and then.

Starts the server as users run it (granian, 2 workers x 4 threads, default limits), then for a
bounded time runs N clients (threads, a keep-alive connection each) that send a mix of cheap
requests: the example queries, lookups, entity pages in HTML and Turtle, the dataset
description, the query page, /health. Every few seconds another client sends an expensive
query (a self-join of all triples, different text each time, so no cache answers it). Prints
requests served, answers by status, connection errors, latency percentiles of the cheap
requests, and the largest memory the server's processes held (RSS of the server's main process, its
web workers and its query workers, from /proc), and exits 1 if any cheap request failed
or the memory went over the bound.

    python tests/benchmarks/load_test.py [--seconds 60] [--clients 32] [--memory-mb 1000]
"""

import argparse
import http.client
import json
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from common import free_port, get, percentile

from diplokg.server.query_page import examples

SERVE = [sys.executable, "-m", "diplokg.graph.cli", "serve"]
SLOW = """# slow query {n}
SELECT (COUNT(*) AS ?n) WHERE {{ ?a ?b ?c . ?d ?b ?f FILTER(?c != ?f) }}"""
CHEAP_QUERIES = [
    "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } LIMIT 20",
    "ASK { ?s a <https://w3id.org/diplokg/ontology#Embassy> }",
    "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY DESC(?n) LIMIT 10",
    "DESCRIBE <https://w3id.org/diplokg/id/state/belgium>",
]


def rss_mb(root: int) -> float:
    """Return the summed resident memory of a process and all its descendants, in MB."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == pid]
        tree.update(kids)
        frontier.extend(kids)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def requests_mix(conn: http.client.HTTPConnection) -> list[tuple[str, dict]]:
    """Return the cheap requests: queries, entity pages, descriptions, pages, health."""
    queries = [example.text for example in examples()] + CHEAP_QUERIES
    # Queries weigh as much as pages in the mix: three of each query.
    mix = [("/sparql?" + urlencode({"query": q}), {}) for q in queries] * 3
    query = (
        "SELECT DISTINCT ?s WHERE { ?s ?p ?o "
        "FILTER(STRSTARTS(STR(?s), 'https://w3id.org/diplokg/id/')) } LIMIT 40"
    )
    conn.request("GET", "/sparql?" + urlencode({"query": query}))
    rows = json.loads(conn.getresponse().read())["results"]["bindings"]
    paths = [r["s"]["value"].replace("https://w3id.org/diplokg", "") for r in rows]
    mix += [(p, {"Accept": "text/html"}) for p in paths[::2]]
    mix += [(p + ".ttl", {}) for p in paths[1::2]]
    mix += [("/health", {}), ("/.well-known/void", {}), ("/", {}), ("/dumps/", {})]
    mix += [("/ontology", {"Accept": "text/turtle"}), ("/id/state/no-such-state", {})]
    return mix


class Stats:
    """Counts and latencies, shared by the client threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses: Counter[int] = Counter()
        self.slow_statuses: Counter[int] = Counter()
        self.errors: Counter[str] = Counter()
        self.latencies: dict[str, list[float]] = {"query": [], "page": []}
        self.slow_latencies: list[float] = []


def client(port: int, mix, stats: Stats, stop: float, seed: int) -> None:
    """Send cheap requests on one keep-alive connection until the stop time."""
    rng = random.Random(seed)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while time.monotonic() < stop:
        path, headers = rng.choice(mix)
        start = time.monotonic()
        resp = get(conn, path, headers)
        if isinstance(resp, Exception):
            with stats.lock:
                stats.errors[type(resp).__name__] += 1
            continue
        elapsed = time.monotonic() - start
        with stats.lock:
            stats.statuses[resp.status] += 1
            stats.latencies["query" if path.startswith("/sparql") else "page"].append(elapsed)
        if resp.will_close:
            conn.close()
    conn.close()


def slow_client(port: int, every: float, stats: Stats, stop: float) -> None:
    """Send the expensive query every few seconds, each on its own thread and connection."""

    def one(n: int):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        start = time.monotonic()
        try:
            conn.request("GET", "/sparql?" + urlencode({"query": SLOW.format(n=n)}))
            resp = conn.getresponse()
            resp.read()
            with stats.lock:
                stats.slow_statuses[resp.status] += 1
                stats.slow_latencies.append(time.monotonic() - start)
        except (OSError, http.client.HTTPException) as exc:
            with stats.lock:
                stats.errors["slow " + type(exc).__name__] += 1
        finally:
            conn.close()

    threads, n = [], 0
    while time.monotonic() + every < stop:
        time.sleep(every)
        threads.append(threading.Thread(target=one, args=(n,)))
        threads[-1].start()
        n += 1
    for t in threads:
        t.join()


def ms(values: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) of latencies in seconds, in milliseconds."""
    return percentile(values, q / 100) * 1000


def build(data: Path) -> None:
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--out", str(data), "--quiet"]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--slow-every", type=float, default=5, help="seconds between slow queries")
    parser.add_argument("--memory-mb", type=float, default=1000, help="bound on the server's RSS")
    parser.add_argument("--data", type=Path, help="a built output folder (default: build seeds)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryFile() as log:
        data = args.data or Path(tmp) / "out"
        if args.data is None:
            print("building the seeds ...", flush=True)
            build(data)
        port = free_port()
        options = [
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
        ]
        server = subprocess.Popen(
            [*SERVE, "--data", str(data), *options],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            return run(args, port, server, log)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(30)


def run(args, port: int, server: subprocess.Popen, log) -> int:
    deadline = time.monotonic() + 60
    while True:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health")
            conn.getresponse().read()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                print(log.read().decode(), file=sys.stderr)
                return 2
            time.sleep(0.2)
    mix = requests_mix(conn)
    conn.close()
    idle = rss_mb(server.pid)
    stats = Stats()
    stop = time.monotonic() + args.seconds
    threads = [
        threading.Thread(target=client, args=(port, mix, stats, stop, i))
        for i in range(args.clients)
    ]
    threads.append(threading.Thread(target=slow_client, args=(port, args.slow_every, stats, stop)))
    print(
        f"{args.clients} clients for {args.seconds:g} s, {len(mix)} cheap requests in the mix, "
        f"a slow query every {args.slow_every:g} s; server RSS at rest {idle:.0f} MB",
        flush=True,
    )
    began = time.monotonic()
    for t in threads:
        t.start()
    peak = idle
    while any(t.is_alive() for t in threads):
        peak = max(peak, rss_mb(server.pid))
        time.sleep(0.5)
    took = time.monotonic() - began
    return report(args, stats, took, peak, server.poll() is None)


def report(args, stats: Stats, took: float, peak: float, alive: bool) -> int:
    served = sum(stats.statuses.values())
    server_errors = sum(n for status, n in stats.statuses.items() if status >= 500)
    print(f"cheap requests served: {served} in {took:.1f} s ({served / took:.0f}/s)")
    print(f"  by status: {dict(sorted(stats.statuses.items()))}")
    print(f"  connection errors: {dict(stats.errors) or 0}")
    everything = stats.latencies["query"] + stats.latencies["page"]
    for name, lat in [("all", everything), *stats.latencies.items()]:
        print(
            f"  latency ms, {name} ({len(lat)}): p50 {ms(lat, 50):.1f}, "
            f"p95 {ms(lat, 95):.1f}, p99 {ms(lat, 99):.1f}, "
            f"max {max(lat, default=0) * 1000:.1f}"
        )
    slow = stats.slow_latencies
    print(
        f"slow queries: {sum(stats.slow_statuses.values())}, by status "
        f"{dict(sorted(stats.slow_statuses.items()))}, median {ms(slow, 50):.0f} ms, "
        f"max {max(slow, default=0) * 1000:.0f} ms"
    )
    print(f"server memory (RSS of all its processes): peak {peak:.0f} MB, bound {args.memory_mb:g}")
    failed = []
    if server_errors:
        failed.append(f"{server_errors} 5xx answers")
    if stats.errors:
        failed.append(f"{sum(stats.errors.values())} connection errors")
    if peak > args.memory_mb:
        failed.append(f"memory {peak:.0f} MB over the bound")
    if not alive:
        failed.append("the server died")
    print("FAILED: " + "; ".join(failed) if failed else "OK: no 5xx, no connection error")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
