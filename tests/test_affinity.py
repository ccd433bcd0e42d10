"""Each web worker runs on one CPU of the server's, in turn; the query workers (and their
supervisor) on all of them (DIPLOKG_PIN_WORKERS, server/affinity.py)."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest
from test_restart import children, descendants, master_of, settled

from conftest import get, running_server

pytestmark = pytest.mark.slow
SERVER_CPUS = sorted(os.sched_getaffinity(0))  # what the servers started here may use
# A query that the cost rule sends to a query worker (a filter over every triple).
TO_A_QUERY_WORKER = "ASK { ?s ?p ?o FILTER(?o != 1) }"


def cpus_of(pid: int) -> set[frozenset[int]]:
    """Return the CPU sets of a process's threads."""
    found = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found.add(frozenset(os.sched_getaffinity(int(task.name))))
        except (ProcessLookupError, FileNotFoundError):
            continue
    return found


def is_query_worker(pid: int) -> bool:
    """Say whether a process is a query worker or their supervisor (graph/query/)."""
    args = Path(f"/proc/{pid}/cmdline").read_bytes()
    return b"diplokg.graph.query.pool" in args or b"diplokg.graph.query.supervisor" in args


@pytest.mark.skipif(len(SERVER_CPUS) < 2, reason="one CPU: nothing to spread the workers over")
@pytest.mark.parametrize("server", ["granian", "gunicorn"])
def test_each_web_worker_runs_on_a_cpu_of_its_own(built, server):
    with running_server(built, workers=2, options=("--server", server)) as base:
        assert get(base + "/sparql?" + urlencode({"query": TO_A_QUERY_WORKER}))[0] == 200
        master = master_of(base)
        settled(master)
        web = [pid for pid in children(master) if not is_query_worker(pid)]
        assert len(web) == 2
        pinned = [cpus_of(pid) for pid in web]
        # Every thread of a web worker on the same single CPU; the two on different CPUs.
        assert all(len(sets) == 1 and len(next(iter(sets))) == 1 for sets in pinned), pinned
        assert {next(iter(sets)) for sets in pinned} == {
            frozenset({SERVER_CPUS[0]}),
            frozenset({SERVER_CPUS[1]}),
        }
        query_workers = [pid for pid in descendants(master) if is_query_worker(pid)]
        assert query_workers
        for pid in query_workers:  # not pinned: a long query runs on any CPU
            assert cpus_of(pid) == {frozenset(SERVER_CPUS)}


def test_pinning_is_off_with_0_and_a_wrong_value_stops_the_server(built):
    with running_server(built, env={"DIPLOKG_PIN_WORKERS": "0"}) as base:
        master = master_of(base)
        settled(master)
        for pid in children(master):
            assert cpus_of(pid) == {frozenset(SERVER_CPUS)}
    done = subprocess.run(
        [sys.executable, "-m", "diplokg.graph.cli", "serve", "--data", str(built), "--port", "0"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DIPLOKG_PIN_WORKERS": "2"},
    )
    assert done.returncode == 2
    assert "DIPLOKG_PIN_WORKERS=2: 1 (pin) or 0" in done.stderr
