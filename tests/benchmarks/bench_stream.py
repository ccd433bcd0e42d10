"""Benchmark /sparql on a stream of different queries, as real users send, against the peers.

Users do not send the same few queries again and again: they ask about other entities, with
other filters and other limits. This script makes such a stream from the dataset itself (a
lookup of each entity's statements, a label lookup, an ASK, a DESCRIBE, a join from a state,
a sorted page of a class's labels, a count per class; each with its own LIMIT, so no two
requests are the same and no answer cache helps), then, one server after the other, all
on 127.0.0.1 and loaded with the same quads (every named graph, and their merge as the
default graph): 'diplokg serve' as users run it (granian, defaults), 'oxigraph serve' and
rdflib-endpoint. wrk sends the stream with 1 and 8 keep-alive connections, each connection
its own part of the stream, for 5 s (rdflib-endpoint 30 s: a few of its queries take it
seconds, and a short window holds them by chance, not in proportion). It prints requests/s
and latency per server, and the ratios of ours to each peer, measured in this one run.

With --memory it also starts 'diplokg serve' (2 web workers) with 1, 2 and 4 query workers
(DIPLOKG_QUERY_WORKERS: the server's one pool, shared by its web workers), sends it the stream
for a while, and prints how many query workers run and the RSS and PSS summed over all its
processes (main process, web workers, the query workers and their supervisor), right after the
stream and again once the query workers were idle long enough to close and reopen their stores
(graph/query/pool.py: States), the ratios of 4 workers over 1, and Oxigraph's for comparison.

    python tests/benchmarks/bench_stream.py [--data OUT] [--seconds 5] [--memory] [--no-rdflib]
"""

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
from bench_endpoint import Peer, dataset, rdflib_peer, start, wrk_ms
from load_test import rss_mb

from diplokg.graph.publish.release import current_release
from diplokg.graph.query.engine import load_store
from diplokg.graph.query.pool import IDLE_SECONDS

DKG = "https://w3id.org/diplokg/ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
JSON, TURTLE = "application/sparql-results+json", "text/turtle"
# wrk sends the stream: each connection walks the list from its own offset.
WRK_SCRIPT = """
local lines = {}
for line in io.lines(os.getenv("STREAM")) do lines[#lines + 1] = line end
local counter, connections = 0, 0
setup = function(thread)
  thread:set("offset", connections)
  connections = connections + 1
end
init = function(args)
  counter = tonumber(os.getenv("START")) + offset * 50000
end
request = function()
  counter = counter + 1
  local line = lines[(counter % #lines) + 1]
  local tab = line:find("\\t")
  return wrk.format("GET", line:sub(tab + 1), {["Accept"] = line:sub(1, tab - 1)})
end
"""


def stream(store: ox.Store, size: int, seed: int = 7) -> list[tuple[str, str]]:
    """Return `size` different (Accept, query) pairs made from the dataset's own terms."""
    rng = random.Random(seed)
    subjects = sorted({q.subject.value for q in store.quads_for_pattern(None, None, None)
                       if isinstance(q.subject, ox.NamedNode)})  # fmt: skip
    labels = sorted({q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode(RDFS_LABEL), None)
        if getattr(q.object, "language", None) == "en"})  # fmt: skip
    classes = sorted({q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode(RDF_TYPE), None) if q.object.value.startswith(DKG)})  # fmt: skip
    senders = sorted({q.object.value for q in store.quads_for_pattern(
        None, ox.NamedNode(DKG + "sendingEntity"), None)})  # fmt: skip
    kinds = [  # (weight, Accept, template)
        (30, JSON, lambda n: f"SELECT ?p ?o WHERE {{ <{rng.choice(subjects)}> ?p ?o }} LIMIT {n}"),
        (15, JSON, lambda n: f"SELECT ?s WHERE {{ ?s <{RDFS_LABEL}> "
         f"{_quoted(rng.choice(labels))}@en }} LIMIT {n}"),
        (15, JSON, lambda n: f"ASK {{ <{rng.choice(subjects)}> a <{rng.choice(classes)}> }}"
         f" # {n}"),
        (10, TURTLE, lambda n: f"DESCRIBE <{rng.choice(subjects)}> # {n}"),
        (10, JSON, lambda n: f"SELECT ?m ?city WHERE {{ ?m <{DKG}sendingEntity> "
         f"<{rng.choice(senders)}> ; <{DKG}city> ?city }} LIMIT {n}"),
        (10, JSON, lambda n: f"SELECT ?s ?l WHERE {{ ?s a <{rng.choice(classes)}> ; "
         f"<{RDFS_LABEL}> ?l }} ORDER BY ?l LIMIT 10 OFFSET {n % 50}"),
        (10, JSON, lambda n: "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c "
         f"ORDER BY DESC(?n) LIMIT {n}"),
    ]  # fmt: skip
    weights = [w for w, _, _ in kinds]
    seen, out = set(), []
    n = 0
    while len(out) < size:
        n += 1
        _, accept, make = rng.choices(kinds, weights)[0]
        text = make(1 + n % 997)
        if text not in seen:
            seen.add(text)
            out.append((accept, text))
    # Kinds with fewer different queries (a count per class) run out early: shuffled, every
    # part of the stream has the same mix, whichever part a run sends.
    rng.shuffle(out)
    return out


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def run_wrk(port: int, path: str, lines: Path, clients: int, seconds: float, start=0) -> dict:
    """Send the stream with wrk; return requests/s, median and p99 ms, and failures."""
    script = lines.with_suffix(".lua")
    script.write_text(WRK_SCRIPT, encoding="utf-8")
    cmd = ["wrk", f"-t{min(clients, os.cpu_count() or 1)}", f"-c{clients}",
           f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "30s", "-s", str(script),
           f"http://127.0.0.1:{port}{path}"]  # fmt: skip
    env = {**os.environ, "STREAM": str(lines.with_name(lines.stem + f"-{port}.txt"))}
    env["START"] = str(start)  # each run its own part of the stream: no answer seen before
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    found = {"rate": 0.0, "median": 0.0, "p99": 0.0, "failures": ""}
    for line in out.splitlines():
        words = line.split()
        if line.startswith("Requests/sec:"):
            found["rate"] = float(words[1])
        elif words[:1] == ["50%"]:
            found["median"] = wrk_ms(words[1])
        elif words[:1] == ["99%"]:
            found["p99"] = wrk_ms(words[1])
        elif line.strip().startswith(("Non-2xx", "Socket errors")):
            found["failures"] += line.strip() + " "
    return found


def write_stream(lines: Path, port: int, path: str, pairs) -> None:
    """Write the stream as wrk reads it: Accept, a tab, the request path."""
    target = lines.with_name(lines.stem + f"-{port}.txt")
    target.write_text("".join(f"{accept}\t{path}?{urllib.parse.urlencode({'query': q})}\n"
                              for accept, q in pairs), encoding="utf-8")  # fmt: skip


def pss_mb(root: int) -> float:
    """Return the summed proportional memory (PSS) of a process and its descendants, in MB."""
    total = 0
    for pid in tree(root):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def query_workers(root: int) -> int:
    """Return how many query worker processes a server runs now (they start as needed)."""
    found = 0
    for pid in tree(root):
        try:
            found += b"diplokg.graph.query.pool" in Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
    return found


def tree(root: int) -> set[int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    found, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == pid]
        found.update(kids)
        frontier.extend(kids)
    return found


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--data", help="output folder of a build (default: build the seeds)")
    p.add_argument("--seconds", type=float, default=5.0, help="time per server and clients")
    p.add_argument("--clients", type=int, nargs="+", default=[1, 8])
    p.add_argument("--warmup", type=float, default=3.0, help="seconds of traffic before")
    p.add_argument("--size", type=int, default=320_000, help="different queries in the stream")
    p.add_argument("--no-rdflib", action="store_true", help="leave rdflib-endpoint out")
    p.add_argument("--rdflib-seconds", type=float, default=30.0,
                   help="time per clients for rdflib-endpoint: its rare slow queries (seconds "
                   "each) must fall into the window in proportion")  # fmt: skip
    p.add_argument("--memory", action="store_true", help="also measure memory, 1/2/4 workers")
    args = p.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install wrk", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-stream-"))
    data = dataset(args.data, work)
    trig = current_release(data) / "diplokg.trig"
    store = load_store(trig)
    nquads = work / "dataset.nq"
    store.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    pairs = stream(store, args.size)
    print(f"dataset: {trig} ({len(store)} quads with the merged default graph); "
          f"a stream of {len(pairs)} different queries", flush=True)  # fmt: skip
    serve = [sys.executable, "-m", "diplokg.graph.cli", "serve", "--data", str(data)]
    serve += ["--port", "{port}"]
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    peers = [
        Peer("ours", serve, "/sparql", probe="/health"),
        Peer("oxigraph", [oxigraph, "serve", "--bind", "127.0.0.1:{port}"], "/query", probe="/"),
    ]
    if not args.no_rdflib:
        peers.append(rdflib_peer(trig))
    lines = work / "stream.txt"
    results = {}
    log = open(work / "servers.log", "wb")  # noqa: SIM115 - open while the servers run
    try:
        for peer in peers:
            start(peer, log, nquads)
            write_stream(lines, peer.port, peer.path, pairs)
            # A warm-up on another part of the stream: a server that has just loaded its data
            # (Oxigraph after a bulk load) may still be busy with it.
            run_wrk(peer.port, peer.path, lines, 8, args.warmup, 250_000)
            seconds = args.rdflib_seconds if peer.name == "rdflib-endpoint" else args.seconds
            for i, clients in enumerate(args.clients):
                run = run_wrk(peer.port, peer.path, lines, clients, seconds, 100_000 * i)
                results[peer.name, clients] = run
                print(f"  {peer.name:16} c={clients} {run['rate']:9.1f}/s median "
                      f"{run['median']:.2f} ms p99 {run['p99']:.2f} ms {run['failures']}",
                      flush=True)  # fmt: skip
            peer.stop()
        if args.memory:
            memory(args, serve, peers[1], lines, pairs, nquads, log)
    finally:
        for peer in peers:
            peer.stop()
        log.close()
    report(results, [peer.name for peer in peers], args.clients)
    shutil.rmtree(work)
    return 0


def memory(args, serve, oxigraph: Peer, lines: Path, pairs, nquads: Path, log) -> None:
    """Print RSS and PSS of the whole server with 1, 2 and 4 query workers, after traffic and
    once the query workers were idle long enough to close and reopen their stores."""
    idle = IDLE_SECONDS + 5
    print("\n## memory after the stream at 8 clients (all processes of the server)")
    print(f"| server | RSS MB | PSS MB | {idle:g} s later: RSS MB | PSS MB |")
    print("|---|---|---|---|---|")
    measured = {}
    for workers in (1, 2, 4):
        peer = Peer(f"ours, {workers} query workers", serve, "/sparql",
                    {"DIPLOKG_QUERY_WORKERS": str(workers)}, "/health")  # fmt: skip
        peer.start(log)
        write_stream(lines, peer.port, peer.path, pairs)
        run_wrk(peer.port, peer.path, lines, 8, args.seconds)
        time.sleep(0.5)
        running = query_workers(peer.proc.pid)
        after = rss_mb(peer.proc.pid), pss_mb(peer.proc.pid)
        time.sleep(idle)
        measured[workers] = (*after, rss_mb(peer.proc.pid), pss_mb(peer.proc.pid))
        print(f"| diplokg serve, 2 web workers, {workers} query worker(s) for the server "
              f"({running} running) | " + " | ".join(f"{mb:.0f}" for mb in measured[workers])
              + " |", flush=True)  # fmt: skip
        peer.stop()
    ratios = [measured[4][i] / measured[1][i] for i in range(4)]
    print(f"4 query workers over 1: {ratios[0]:.2f}x RSS, {ratios[1]:.2f}x PSS after the "
          f"stream; {ratios[2]:.2f}x RSS, {ratios[3]:.2f}x PSS {idle:g} s later",
          flush=True)  # fmt: skip
    start(oxigraph, log, nquads)
    write_stream(lines, oxigraph.port, oxigraph.path, pairs)
    run_wrk(oxigraph.port, oxigraph.path, lines, 8, args.seconds)
    print(
        f"| oxigraph serve (in memory) | {rss_mb(oxigraph.proc.pid):.0f} | "
        f"{pss_mb(oxigraph.proc.pid):.0f} |",
        flush=True,
    )
    oxigraph.stop()


def report(results, names, client_counts) -> None:
    """Print the table of throughput and the ratios of ours to each peer."""
    peers = [n for n in names if n != "ours"]
    print("\n## different queries: requests/s (median / p99 ms), and ours over each peer")
    head = ["clients", *names, *(f"ours/{p}" for p in peers)]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for clients in client_counts:
        cells = [str(clients)]
        for n in names:
            r = results[n, clients]
            cells.append(f"{r['rate']:.0f}/s ({r['median']:.2f} / {r['p99']:.2f})")
        ours = results["ours", clients]["rate"]
        for p in peers:
            theirs = results[p, clients]["rate"]
            cells.append(f"{ours / theirs:.2f}x" if theirs else "n/a")
        print("| " + " | ".join(cells) + " |")
        for p in peers:
            theirs = results[p, clients]["rate"]
            if theirs:
                print(f"ours/{p} at {clients} client(s): {ours / theirs:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
