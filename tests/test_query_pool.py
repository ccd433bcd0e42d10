"""The query workers (graph/query/pool.py): one starts with the pool, more start when queries
find every worker busy, up to the pool's size, and those beyond the first stop once idle."""

import threading
import time

import pytest

from diplokg.graph.errors import QueryTimeout
from diplokg.graph.query.engine import open_dataset
from diplokg.graph.query.pool import WorkerPool

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
