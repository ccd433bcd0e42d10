"""Extract documents in parallel: a pool of worker processes, one document per task.

Each document is read alone (a rule sees only its own document), so documents can be read in
any order and by any process. The workers are forked from the building process after the
English pipeline and the gazetteer are loaded, so they share them instead of loading their own
(about 1.5 s each). A worker sends back its graph as N-Triples (what the cache stores) and the
keys of the entities it used; the caller files the results by document, so the dataset does not
depend on which worker finished first.

A worker's memory grows with what it reads (the English pipeline's vocabulary, the cities of
every country named), so workers are replaced: the documents go to the pool in generations of
TASKS_PER_WORKER documents a worker, each generation a new pool forked when the one before has
no document left to start, whose workers exit when their generation is done.

An error in a worker (a bad document, or our own bug) is raised in the building process, with
the worker's traceback attached by concurrent.futures; a worker that dies (killed, out of
memory) stops the build with concurrent.futures' BrokenProcessPool, never a hang.
"""

import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from multiprocessing.process import BaseProcess
from typing import NamedTuple

import pyoxigraph as ox
from rdflib import Graph

from ..ingest.corpus import Document
from ..reading.gazetteer import Entity
from ..terms import converter, triple_terms

# Below this much text a pool costs more than it saves: forking, and sending graphs back.
POOL_MIN_BYTES = 64_000
# Documents a worker reads before it is replaced by a fresh one: a worker grew by about 1.4 MB
# a document (a thousand documents: 700 MB each); a new one costs a fork and reloading the
# cities of the countries its documents name, a few tenths of a second.
TASKS_PER_WORKER = 50


class EntityKey(NamedTuple):
    """A reference entity as it travels from a worker and is cached: its kind and slug."""

    kind: str
    slug: str


def default_jobs() -> int:
    """Return the number of processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def serialize(graph: Graph) -> str:
    """Return a graph as N-Triples (pyoxigraph writes them ten times faster than rdflib)."""
    convert = converter()
    triples = [ox.Triple(*triple_terms(t, convert)) for t in graph]
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)  # bytes: no output given
    return (data or b"").decode()


def entity_keys(entities: Iterable[Entity]) -> list[EntityKey]:
    """Return the sorted keys of entities: how they travel and are cached."""
    return sorted(EntityKey(e.kind, e.slug) for e in entities)


def _extract_one(doc: Document) -> tuple[str, list[EntityKey]]:
    """Extract one document in a worker; return its graph as N-Triples and its entity keys."""
    from .document import extract

    extraction = extract(doc)
    return serialize(extraction.graph), entity_keys(extraction.entities.values())


def _warm() -> None:
    """Load what every worker needs once, before forking, so that they share it."""
    from ..reading.gazetteer import gazetteer
    from ..reading.pipeline import nlp

    nlp()
    gazetteer()


def _quiet() -> None:
    """Leave Ctrl-C to the building process, which stops the pool (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def worth_a_pool(docs: list[Document], jobs: int, min_bytes: int = POOL_MIN_BYTES) -> bool:
    """Say whether a pool pays: more than one process, document and a little text to read."""
    return jobs > 1 and len(docs) > 1 and sum(len(d.text) for d in docs) >= min_bytes


def extract_in_pool(
    docs: list[Document], jobs: int, tasks_per_worker: int = TASKS_PER_WORKER
) -> Iterator[tuple[Document, str, list[EntityKey]]]:
    """Yield (document, N-Triples, entity keys) for each document, in the order they finish."""
    _warm()
    # fork: the workers inherit the loaded pipeline; no thread runs at this point of a build.
    context = multiprocessing.get_context("fork")
    workers = min(jobs, len(docs))
    # Longest first: the last task to finish is a short one, and no worker idles long.
    order = sorted(docs, key=lambda d: -len(d.text))
    size = workers * tasks_per_worker
    generations = [order[i : i + size] for i in range(0, len(order), size)]
    pools: list[ProcessPoolExecutor] = []
    processes: list[BaseProcess] = []  # every worker started, to kill on failure
    # future -> (its pool, its document)
    pending: dict[Future[tuple[str, list[EntityKey]]], tuple[ProcessPoolExecutor, Document]] = {}

    def start(batch: list[Document]) -> None:
        pool = ProcessPoolExecutor(
            max_workers=min(workers, len(batch)), mp_context=context, initializer=_quiet
        )
        pools.append(pool)
        for doc in batch:
            pending[pool.submit(_extract_one, doc)] = (pool, doc)
        # With fork the workers start at the first task; the pool forgets them at shutdown.
        processes.extend((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False)  # its workers exit once its documents are read

    try:
        start(generations.pop(0))
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f][1].doc_id):
                _, doc = pending.pop(future)
                text, keys = future.result()
                yield doc, text, keys
            # The newest pool has no document left to start (each worker reads its last
            # one): fork the next generation now, so that no processor idles.
            left = sum(1 for pool, _ in pending.values() if pool is pools[-1])
            if generations and left <= workers:
                start(generations.pop(0))
    except BaseException:
        # Interrupted or failed: stop at once, not after the documents being read.
        for pool in pools:
            pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.kill()
        raise
