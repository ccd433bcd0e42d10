"""Run queries in worker processes that can be killed when a query overruns its time limit.

pyoxigraph evaluates a query in Rust and offers no way to cancel it: the only sure stop is to
end the process that runs it. So a query that may run long runs in a query worker process, each
opening the release's on-disk store read-only; a query that overruns is answered with an error
at once, its worker killed and a fresh one started, while the other workers go on answering. A
worker is a new interpreter (python -m diplokg.graph.query.pool), never a fork of the threaded
web worker, where a lock held by another thread at the fork could hang the child.

Two ways to hold the workers:

- WorkerPool: a web worker's own pool, each worker on a socket pair with it. Used where the
  app runs without 'diplokg serve' (tests, the Flask development server).
- SharedPool: the pool of the whole server (graph/query/supervisor.py starts it before the web
  workers). The workers share one listening Unix socket, and the idle ones wait for it in one
  epoll: a web worker connects per query, the kernel wakes the worker that became idle last,
  and while every worker is busy the connections wait in the socket's backlog, the shared
  queue. The worker sends its pid, reads one request naming its release, answers, and waits
  again.
"""

import contextlib
import ctypes
import gc
import importlib
import logging
import os
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

from ..errors import DiplokgError, EngineBusy, QueryTimeout
from .supervisor import ONE_WAKER

log = logging.getLogger(__name__)
Reply = TypeVar("Reply")  # what the workers' handle function returns


def _function(name: str) -> Any:  # a module's attribute, named by a string: any callable
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
        conn.send(_reply(handle, state, request))


def _reply(handle: Any, state: object, request: object) -> tuple[str, object]:
    """Return what a worker sends back: its answer, the user's error, or our bug's traceback."""
    try:
        return ("ok", handle(state, request))
    except DiplokgError as exc:  # the user's to fix: the parent re-raises it
        return ("error", exc)
    except Exception:  # our bug: the parent raises it with this traceback, for the log
        return ("bug", traceback.format_exc())


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

    def __init__(self, setup: str, args: tuple[object, ...], handle: str):
        self.used = time.monotonic()  # when it last finished a query
        ours, theirs = socket.socketpair()
        command = [sys.executable, "-m", "diplokg.graph.query.pool", str(theirs.fileno())]
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


ANSWERED = ("ok", "error", "bug")  # what a worker that answered sends: see unpacked


def unpacked(kind: str, payload: Any) -> Any:
    """Return a worker's answer, or raise what it sent instead: the client's error (a
    DiplokgError, for the endpoint to report), or our bug (its traceback, for the log)."""
    if kind == "error":
        raise payload
    if kind == "bug":
        raise RuntimeError(f"the query worker failed:\n{payload}")
    return payload


IDLE_SECONDS = 60.0  # a worker beyond the first that answered nothing for this long is stopped


class WorkerPool(Generic[Reply]):
    """At most `size` workers; run() hands a request to an idle one and waits for it.

    One worker starts with the pool; more start only when a request finds every worker busy,
    up to `size`, and a worker beyond the first that stayed idle for idle_seconds is stopped.
    Each worker holds its interpreter and the engine's caches (about 40 MB after the large
    queries of the 100x dataset): a pool of four that the traffic never needed cost four
    times that. The most recently used idle worker is taken first, so the others stay idle
    and are stopped.
    """

    def __init__(
        self,
        size: int,
        setup: str,
        args: tuple[object, ...],
        handle: str,
        idle_seconds: float = IDLE_SECONDS,
    ):
        self.size = size
        self.spec = (setup, args, handle)
        self.idle_seconds = idle_seconds
        self.idle: list[Worker] = []  # the least recently used first
        self.count = 0  # workers running or starting
        self.cond = threading.Condition()
        self.closed = False
        self.started = False

    def start(self) -> None:
        """Start the first worker, once; the first query does it if nobody did before."""
        with self.cond:
            if self.started or self.size == 0:
                return
            self.started = True
            self.count = 1
        try:
            worker = Worker(*self.spec)
        except BaseException:
            with self.cond:
                self.started, self.count = False, 0
            raise
        self._give_back(worker)

    def run(self, request: object, timeout: float) -> Reply:
        """Return the worker's answer; raise QueryTimeout after timeout seconds."""
        if not self.started:
            self.start()
        start = time.monotonic()
        worker = self._take(timeout)
        left = timeout - (time.monotonic() - start)
        payload: Any  # what the worker sent: its answer, an error or a traceback
        try:
            worker.conn.send(request)
            ready = worker.conn.poll(max(left, 0))
            kind, payload = worker.conn.recv() if ready else ("timeout", None)
        except (EOFError, OSError) as exc:
            kind, payload = "died", exc
        if kind in ANSWERED:
            self._give_back(worker)
            found: Reply = unpacked(kind, payload)
            return found
        worker.kill()
        threading.Thread(target=self._replace, daemon=True).start()
        if kind == "died":
            raise RuntimeError(f"a query worker died while answering: {payload!r}")
        raise QueryTimeout(f"the query ran longer than the time limit of {timeout:g} s; stopped")

    def _take(self, timeout: float) -> Worker:
        """Return an idle worker, starting another if all are busy; EngineBusy after timeout."""
        deadline = time.monotonic() + timeout
        with self.cond:
            if not self.idle and self.count < self.size:
                self.count += 1
                threading.Thread(target=self._add, daemon=True).start()
            while not self.idle:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise EngineBusy(
                        f"every query worker stayed busy for {timeout:g} s; try again later"
                    )
                self.cond.wait(left)
            return self.idle.pop()  # the most recently used

    def _give_back(self, worker: Worker) -> None:
        """Make a worker idle again; stop the workers beyond one left idle too long."""
        now = worker.used = time.monotonic()
        stale = []
        with self.cond:
            if self.closed:
                stale.append(worker)
            else:
                self.idle.append(worker)
                self.cond.notify()
                while len(self.idle) > 1 and now - self.idle[0].used > self.idle_seconds:
                    stale.append(self.idle.pop(0))
                    self.count -= 1
        for old in stale:
            old.kill()

    def _add(self) -> None:
        """Start one more worker (the pool grows), or give up on it and say why."""
        try:
            worker = Worker(*self.spec)
        except Exception:
            log.exception("cannot start another query worker; going on with those there are")
            with self.cond:
                self.count -= 1
                self.cond.notify()
            return
        self._give_back(worker)

    def _replace(self) -> None:
        """Start a worker in place of one that was killed, retrying until it starts."""
        while not self.closed:
            try:
                worker = Worker(*self.spec)
            except Exception:  # keep serving with one worker fewer, and say why
                log.exception("cannot start a query worker; retrying in 1 s")
                time.sleep(1)
                continue
            self._give_back(worker)
            return

    def close(self) -> None:
        with self.cond:
            self.closed = True
            idle, self.idle = self.idle, []
        for worker in idle:
            worker.kill()


KEPT_RELEASES = 2  # releases a shared worker keeps open: the new one and the one draining
OVERRUN_SECONDS = 5.0  # a shared worker past its request's time limit by this much ends itself
WAIT_REQUEST_SECONDS = 30.0  # how long a shared worker waits for the request once connected


def shared_main(argv: list[str]) -> None:
    """Answer requests from the inherited listening socket, one connection at a time.

    An idle worker waits in the supervisor's epoll, which holds the socket (non-blocking) once
    for all of them: a connection wakes the worker that became idle last, which accepts it
    and arms the epoll again for the next. Blocking in accept would hand connections to the
    workers in turn, and each would grow the engine's caches (about 50 MB after the large
    queries of the 100x dataset); this way the traffic goes to as few workers as it needs at
    once, and the others stay small. (A worker that dies between its wake-up and arming again
    leaves the epoll unarmed: the supervisor arms it when it starts the worker's replacement.)
    """
    fd, waiters, ready, setup, handle, key = argv
    listener = socket.socket(fileno=int(fd))
    poller = select.epoll.fromfd(int(waiters))
    # The supervisor stops the workers; a Ctrl-C in a terminal reaches the whole group.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    states = States(_function(setup))
    states.take(key)  # the current release's store, open before the first query
    states.done()
    states.fresh = True  # no query read it yet: nothing to give back when idle
    states.opened_rss = rss_mb()
    threading.Thread(target=states.release_when_idle, daemon=True).start()
    if ready != "-":
        os.write(int(ready), b".")
        os.close(int(ready))
    answer = _function(handle)
    watchdog = Watchdog()
    pid = os.getpid()
    while True:
        poller.poll()
        try:
            sock, _ = listener.accept()
        except BlockingIOError:  # taken by another worker meanwhile
            continue
        finally:
            poller.modify(listener.fileno(), ONE_WAKER)
        sock.setblocking(True)
        conn = Connection(sock.detach())
        try:
            conn.send(pid)
            if not conn.poll(WAIT_REQUEST_SECONDS):
                continue
            key, request, timeout = conn.recv()
            watchdog.arm(timeout + OVERRUN_SECONDS)
            try:
                reply = _reply(answer, states.take(key), request)
            finally:
                watchdog.disarm()
                states.done()
            conn.send(reply)
        except (EOFError, OSError):  # the web worker gave up on it, or ended: the next one
            pass
        finally:
            conn.close()
        states.after_answer()  # nobody waits for this worker now


# A shared worker whose memory grew by more than this since it opened its store opens it
# afresh once it has answered: the store's caches and the heap they leave grew by 25-50 MB
# per worker over the 100x stream, data that the system's page cache holds anyway, shared.
# Opening the 100x store takes about 12 ms, as granian's and gunicorn's limits on a worker's
# memory recycle a worker that grew.
GROWTH_MB = 16.0


def rss_mb() -> float:
    """Return this process's resident memory in MB."""
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * PAGE_BYTES / 1e6


PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


class States:
    """A shared worker's open releases (the setup function's states) by key.

    At most KEPT_RELEASES, the least recently asked for closed first: after a reload, the web
    workers still draining ask for the old release while the new ones ask for the new. A store
    holds the engine's caches, which grow as queries read it (about 50 MB after the large
    queries of the 100x dataset) and go only when it is closed: a worker that answered nothing
    for IDLE_SECONDS opens its newest release afresh. The most recently idle worker takes the
    next query (shared_main), so the workers that only a peak of traffic needed stay idle and
    shrink, as a web worker's own pool stops them (WorkerPool).
    """

    def __init__(
        self, setup: Any, idle_seconds: float = IDLE_SECONDS, growth_mb: float = GROWTH_MB
    ):
        self.setup = setup
        self.idle_seconds = idle_seconds
        self.growth_mb = growth_mb
        self.states: dict[str, object] = {}
        self.lock = threading.Lock()  # the releasing thread's and the answering one's
        self.busy = False
        self.used = time.monotonic()  # when it last answered
        self.fresh = True  # no query read the open stores yet
        self.opened_rss = 0.0  # this process's memory (MB) once its stores were last opened

    def take(self, key: str) -> object:
        """Return the state of a release, opening it if needed; done() once answered."""
        with self.lock:
            self.busy, self.fresh = True, False
            state = self.states.pop(key, None)
            if state is None:
                while len(self.states) >= KEPT_RELEASES:
                    self.states.pop(next(iter(self.states)))
                state = self.setup(key)
            self.states[key] = state  # now the most recently asked for
            return state

    def done(self) -> None:
        with self.lock:
            self.busy, self.used = False, time.monotonic()

    def release_when_idle(self) -> None:
        """Close the stores of a worker idle for idle_seconds; open the newest again."""
        while True:
            with self.lock:
                left = self.used + self.idle_seconds - time.monotonic()
                if left <= 0 and not self.busy and not self.fresh:
                    self._reopen()
            time.sleep(max(left, 0.0) + 0.1 if left > 0 else self.idle_seconds)

    def after_answer(self) -> None:
        """Open the stores afresh if this process grew by over growth_mb since they opened."""
        if rss_mb() > self.opened_rss + self.growth_mb:
            with self.lock:
                self._reopen()

    def _reopen(self) -> None:
        newest = list(self.states)[-1:]
        self.states.clear()  # closes them: nothing else holds them
        _give_back_memory()
        for key in newest:
            self.states[key] = self.setup(key)
        self.fresh = True
        self.opened_rss = rss_mb()


def _give_back_memory() -> None:
    """Return the memory freed by closing a store to the system (glibc keeps it otherwise)."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # a C library without malloc_trim
        ctypes.CDLL(None).malloc_trim(0)


class Watchdog:
    """End this worker if a query runs far past its limit.

    The web worker kills the worker at the limit; this is for when the web worker itself ended
    meanwhile (killed, or stopped at a reload), so that nobody waits for the answer. pyoxigraph
    releases the interpreter lock while it evaluates, so this thread runs during a query.
    """

    def __init__(self) -> None:
        self.deadline: float | None = None
        self.cond = threading.Condition()
        threading.Thread(target=self._watch, daemon=True).start()

    def arm(self, seconds: float) -> None:
        with self.cond:
            self.deadline = time.monotonic() + seconds
            self.cond.notify()

    def disarm(self) -> None:
        with self.cond:
            self.deadline = None

    def _watch(self) -> None:
        with self.cond:
            while True:
                if self.deadline is None:
                    self.cond.wait()
                    continue
                left = self.deadline - time.monotonic()
                if left <= 0:
                    os._exit(3)
                self.cond.wait(left)


class SharedPool(Generic[Reply]):
    """A web worker's side of the server's shared pool: a connection per request.

    key names the release the requests are for (its TriG file): the workers open its store the
    first time they are asked for it.
    """

    def __init__(self, path: str, key: str):
        self.path = path
        self.key = key

    def start(self) -> None:
        """Nothing to start: the supervisor started the workers before the web workers."""

    def run(self, request: object, timeout: float) -> Reply:
        """Return a worker's answer; EngineBusy if none took the request within timeout seconds,
        QueryTimeout (its worker killed) if the answer did not come within them."""
        start = time.monotonic()
        busy = EngineBusy(f"every query worker stayed busy for {timeout:g} s; try again later")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)  # a full backlog blocks connect
        try:
            sock.connect(self.path)
        except TimeoutError:
            sock.close()
            raise busy from None
        except OSError as exc:  # the supervisor is gone: our failure, not the user's
            sock.close()
            raise RuntimeError(f"the query workers cannot be reached: {exc}") from None
        sock.settimeout(None)
        conn = Connection(sock.detach())
        pid = 0
        payload: Any  # what the worker sent: its answer, an error or a traceback

        def left() -> float:
            return max(timeout - (time.monotonic() - start), 0)

        try:
            if not conn.poll(left()):
                raise busy
            pid = conn.recv()
            conn.send((self.key, request, left()))
            kind, payload = conn.recv() if conn.poll(left()) else ("timeout", None)
        except (EOFError, OSError) as exc:
            kind, payload = "died", exc
        finally:
            conn.close()
        if kind in ANSWERED:
            found: Reply = unpacked(kind, payload)
            return found
        if kind == "died":
            raise RuntimeError(f"a query worker died while answering: {payload!r}")
        if pid > 0:  # a pid is what a worker sends first (0 would signal our process group)
            with contextlib.suppress(ProcessLookupError):  # it ended meanwhile
                os.kill(pid, signal.SIGKILL)  # the supervisor starts another in its place
        raise QueryTimeout(f"the query ran longer than the time limit of {timeout:g} s; stopped")

    def close(self) -> None:
        """Nothing to close: the workers are the server's."""


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shared"]:
        shared_main(sys.argv[2:])
    else:
        main(sys.argv[1:])
