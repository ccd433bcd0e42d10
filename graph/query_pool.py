"""Run queries in worker processes that can be killed when a query overruns its time limit.

pyoxigraph evaluates a query in Rust and offers no way to cancel it: the only sure stop is to
end the process that runs it. So each query runs in a small pool of worker processes, each
holding its own copy of the store; a query that overruns is answered with an error at once,
its worker killed and a fresh one started in the background, while the other workers go on
answering. A worker is a new interpreter (python -m diplokg.graph.query_pool), never a fork of
the threaded web worker, where a lock held by another thread at the fork could hang the child,
and it talks to its parent over a socket pair.
"""

import importlib
import logging
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection

from .errors import DiplokgError, EngineBusy, QueryTimeout

log = logging.getLogger(__name__)


def _function(name: str):
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(module), attribute)


def main(argv: list[str]) -> None:
    """Serve requests on the inherited socket until it closes (the web worker ended)."""
    fd, setup, handle, *args = argv
    conn = Connection(int(fd))
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    state = _function(setup)(*args)
    handle = _function(handle)
    conn.send(("ready", None))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", handle(state, request)))
        except DiplokgError as exc:  # the user's to fix: the parent re-raises it
            conn.send(("error", exc))
        except Exception:  # our bug: the parent raises it with this traceback, for the log
            conn.send(("bug", traceback.format_exc()))


def _exit_with_parent(parent: int) -> None:
    """End this worker soon after its web worker is gone, even in the middle of a query.

    The socket's end of file is seen only between queries; pyoxigraph releases the GIL while it
    evaluates, so this thread still runs during a long one.
    """
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


class Worker:
    """One worker process and the parent's end of its socket."""

    def __init__(self, setup: str, args: tuple, handle: str):
        ours, theirs = socket.socketpair()
        command = [sys.executable, "-m", "diplokg.graph.query_pool", str(theirs.fileno())]
        self.process = subprocess.Popen(
            [*command, setup, handle, *map(str, args)], pass_fds=[theirs.fileno()]
        )
        theirs.close()
        self.conn = Connection(ours.detach())
        try:
            kind, payload = self.conn.recv()  # wait until the store is loaded
        except EOFError:
            self.process.wait()
            code = self.process.returncode
            raise RuntimeError(f"a query worker exited at start ({code})") from None
        if kind != "ready":
            raise RuntimeError(f"a query worker failed to start: {payload}")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of workers; run() hands a request to an idle one and waits for it."""

    def __init__(self, size: int, setup, args: tuple, handle):
        self.size = size
        self.spec = (setup, args, handle)
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.closed = False
        self.started = False
        self.lock = threading.Lock()

    def start(self) -> None:
        """Start the workers, once; the first query does it if nobody did before."""
        with self.lock:
            if not self.started:
                for _ in range(self.size):
                    self.idle.put(Worker(*self.spec))
                self.started = True

    def run(self, request, timeout: float):
        """Return the worker's answer; raise QueryTimeout after timeout seconds."""
        if not self.started:
            self.start()
        start = time.monotonic()
        try:
            worker = self.idle.get(timeout=timeout)
        except queue.Empty:
            raise EngineBusy(
                f"every query worker stayed busy for {timeout:g} s; try again later"
            ) from None
        left = timeout - (time.monotonic() - start)
        try:
            worker.conn.send(request)
            ready = worker.conn.poll(max(left, 0))
            kind, payload = worker.conn.recv() if ready else ("timeout", None)
        except (EOFError, OSError) as exc:
            kind, payload = "died", exc
        if kind == "ok":
            self.idle.put(worker)
            return payload
        if kind == "error":
            self.idle.put(worker)
            raise payload
        if kind == "bug":
            self.idle.put(worker)
            raise RuntimeError(f"the query worker failed:\n{payload}")
        worker.kill()
        threading.Thread(target=self._replace, daemon=True).start()
        if kind == "died":
            raise RuntimeError(f"a query worker died while answering: {payload!r}")
        raise QueryTimeout(f"the query ran longer than the time limit of {timeout:g} s; stopped")

    def _replace(self) -> None:
        while not self.closed:
            try:
                self.idle.put(Worker(*self.spec))
                return
            except Exception:  # keep serving with one worker fewer, and say why
                log.exception("cannot start a query worker; retrying in 1 s")
                time.sleep(1)

    def close(self) -> None:
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return


if __name__ == "__main__":
    main(sys.argv[1:])
