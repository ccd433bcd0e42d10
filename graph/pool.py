"""Extract documents in parallel: a pool of worker processes, one document per task.

Each document is read alone (a rule sees only its own document), so documents can be read in
any order and by any process. The workers are forked from the building process after the
English pipeline and the gazetteer are loaded, so they share them instead of loading their own
(about 1.5 s each). A worker sends back its graph as N-Triples (what the cache stores) and the
keys of the entities it used; the caller files the results by document, so the dataset does not
depend on which worker finished first.

An error in a worker (a bad document, or our own bug) is raised in the building process, with
the worker's traceback attached by concurrent.futures.
"""

import multiprocessing
import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed

import pyoxigraph as ox

from .dataset import to_oxigraph
from .ingest import Document

# Below this much text a pool costs more than it saves: forking, and sending graphs back.
POOL_MIN_BYTES = 64_000


def default_jobs() -> int:
    """Return the number of processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def serialize(graph) -> str:
    """Return a graph as N-Triples (pyoxigraph writes them ten times faster than rdflib)."""
    triples = [ox.Triple(*map(to_oxigraph, t)) for t in graph]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()


def entity_keys(entities) -> list[list[str]]:
    """Return the sorted (kind, slug) keys of entities: how they travel and are cached."""
    return sorted([e.kind, e.slug] for e in entities)


def _extract_one(doc: Document) -> tuple[str, list[list[str]]]:
    """Extract one document in a worker; return its graph as N-Triples and its entity keys."""
    from .extract import extract

    extraction = extract(doc)
    return serialize(extraction.graph), entity_keys(extraction.entities.values())


def _warm() -> None:
    """Load what every worker needs once, before forking, so that they share it."""
    from .gazetteer import gazetteer
    from .reading.pipeline import nlp

    nlp()
    gazetteer()


def _quiet() -> None:
    """Leave Ctrl-C to the building process, which stops the pool (no worker tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def worth_a_pool(docs: list[Document], jobs: int, min_bytes: int = POOL_MIN_BYTES) -> bool:
    """Say whether a pool pays: more than one process, document and a little text to read."""
    return jobs > 1 and len(docs) > 1 and sum(len(d.text) for d in docs) >= min_bytes


def extract_in_pool(docs: list[Document], jobs: int) -> Iterator[tuple[Document, str, list]]:
    """Yield (document, N-Triples, entity keys) for each document, in the order they finish."""
    _warm()
    # fork: the workers inherit the loaded pipeline; no thread runs at this point of a build.
    context = multiprocessing.get_context("fork")
    workers = min(jobs, len(docs))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_quiet)
    with pool:
        # Longest first: the last task to finish is a short one, and no worker idles long.
        order = sorted(docs, key=lambda d: -len(d.text))
        futures = {pool.submit(_extract_one, doc): doc for doc in order}
        try:
            for future in as_completed(futures):
                text, keys = future.result()
                yield futures[future], text, keys
        except BaseException:
            # Interrupted or failed: stop at once, not after the documents being read.
            running = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for process in running:
                process.kill()
            raise
