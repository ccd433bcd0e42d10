"""Run each web worker on one CPU of those the server may use, in turn (DIPLOKG_PIN_WORKERS).

A request crosses two threads of a web worker: granian's Rust thread reads it and writes the
answer, a Python thread answers it (gunicorn's workers, likewise, a main thread and the app's
threads). Left to the kernel, the two run on different CPUs: each hand-over wakes the other CPU
(an interrupt) and moves the request's memory between the CPUs' caches. Kept on one CPU, the
hand-over is a switch between threads on warm caches: on the stream of different queries, 2
web workers on 2 CPUs answered 1.6x as many requests on the seeds and 1.5x on the 100x
dataset (docs/endpoint-benchmarks.md), as nginx's `worker_cpu_affinity` does for its workers.

The query workers are not pinned: their supervisor (graph/query/supervisor.py) is started by
the server's main process, so a long query runs on any CPU.
"""

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)
WORKER_ENV = "DIPLOKG_WORKER_INDEX"  # set by the server for each web worker it starts


def pin_worker(index: int) -> int | None:
    """Run every thread of this process, and those it starts, on the index-th CPU of its own
    (in turn); return that CPU, or None if there is only one or the system refuses."""
    allowed = sorted(os.sched_getaffinity(0))
    if len(allowed) < 2:
        return None
    cpu = allowed[index % len(allowed)]
    try:
        # sched_setaffinity sets one thread's CPUs: every thread the process has now (granian's
        # Rust threads started before the app), then the new ones inherit from their starter.
        for task in Path("/proc/self/task").iterdir():
            try:
                os.sched_setaffinity(int(task.name), {cpu})
            except ProcessLookupError:  # a thread that ended meanwhile
                continue
    except OSError as exc:
        log.warning("web worker %d stays on every CPU: %s", index, exc)
        return None
    return cpu


def pin_from_environment() -> int | None:
    """Pin this web worker by the index the server gave it, if it gave one."""
    index = os.environ.get(WORKER_ENV)
    return None if index is None else pin_worker(int(index))
