"""The server's one pool of query workers, shared by all its web workers (pool.py: SharedPool).

'diplokg serve' starts this supervisor before the web server starts its web workers: a process
of its own (python -m diplokg.graph.query.supervisor), not threads of the server's main
process, which gunicorn forks into web workers. The main process opens a listening Unix socket
in a private folder (mode 0700) and hands it over; the supervisor starts the query workers,
which inherit it and the epoll the idle ones wait in, and starts another in place of any that
ends (one killed at a query's time limit, most often). It stops them when it is stopped, and
ends with them when the main process is gone. The web workers find the socket in
DIPLOKG_QUERY_SOCKET.

One pool for the server rather than one per web worker: a query worker holds an interpreter
and the engine's caches (40 to 50 MB of RSS more after the large queries of the 100x dataset), so
the server's memory grows with the setting alone, not with the setting times the web workers;
and a web worker whose queries are heavy may use every query worker while the others are idle.
"""

import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUERY_SOCKET_ENV = "DIPLOKG_QUERY_SOCKET"  # the shared pool's socket, for the web workers
BACKLOG = 1024  # requests that may wait for a worker; more wait in connect
READY_SECONDS = 120.0  # how long the server waits for the first workers to open the store
RESPAWN_SECONDS = 1.0  # at most a start per worker slot in this time: a failing one never spins
POOL = "diplokg.graph.query.pool"
# The listening socket's registration in the workers' epoll: a connection wakes one waiter.
ONE_WAKER = select.EPOLLIN | select.EPOLLONESHOT


class Supervisor:
    """The main process's handle: start the supervisor and its workers; stop them."""

    def __init__(self, size: int, setup: str, handle: str, key: str):
        self.folder = Path(tempfile.mkdtemp(prefix="diplokg-query-"))  # mode 0700: ours alone
        self.path = str(self.folder / "query.sock")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            listener.bind(self.path)
            listener.listen(BACKLOG)
            ready, told = os.pipe()
            fds = [listener.fileno(), told]
            command = [sys.executable, "-m", __name__, *map(str, fds), str(size)]
            self.process = subprocess.Popen([*command, setup, handle, key], pass_fds=fds)
            os.close(told)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise
        finally:
            listener.close()  # the supervisor's and its workers' from now on
        try:
            said = _read(ready, READY_SECONDS)
        finally:
            os.close(ready)
        if said != b"ready":
            self.stop()
            raise RuntimeError(f"the query workers did not start: {said.decode() or 'no reason'}")
        os.environ[QUERY_SOCKET_ENV] = self.path  # the web workers, started next, inherit it

    def stop(self) -> None:
        """Stop the supervisor, which stops its workers, and remove the socket's folder."""
        os.environ.pop(QUERY_SOCKET_ENV, None)
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def _read(fd: int, seconds: float) -> bytes:
    """Read what the supervisor says at start, until it closes its end or the time is up."""
    said, deadline = b"", time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        if not select.select([fd], [], [], left)[0]:
            break
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        said += chunk
    return said.strip()


class Stopped(Exception):
    """SIGTERM: the server stops."""


def _stop(signum: int, frame: object) -> None:
    raise Stopped


def main(argv: list[str]) -> None:
    """Start the workers, say so on the ready pipe, then replace those that end until stopped."""
    fd, told, size, setup, handle, key = argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server's main process stops us
    signal.signal(signal.SIGTERM, _stop)
    parent = os.getppid()
    # The idle workers wait in one epoll, which wakes the one that waited last (pool.py:
    # shared_main); the socket is non-blocking for the worker woken in vain.
    os.set_blocking(int(fd), False)
    waiters = select.epoll()
    waiters.register(int(fd), ONE_WAKER)
    spec = (fd, str(waiters.fileno()), setup, handle, key)
    workers: list[subprocess.Popen[bytes]] = []
    try:
        # The first workers tell when their store is open: a byte each on a pipe of their own.
        ready, written = os.pipe()
        workers = [_start(*spec, written) for _ in range(int(size))]
        os.close(written)
        got = b""
        while len(got) < len(workers) and (chunk := os.read(ready, 64)):
            got += chunk
        os.close(ready)
        # A worker that failed wrote why on stderr, the server's log.
        message = b"ready" if len(got) == len(workers) else b"a query worker failed at start"
        os.write(int(told), message)
        os.close(int(told))
        if message != b"ready":
            return
        started = [time.monotonic()] * len(workers)
        while os.getppid() == parent:
            for slot, worker in enumerate(workers):
                code = worker.poll()
                if code is None or time.monotonic() - started[slot] < RESPAWN_SECONDS:
                    continue
                if code != -signal.SIGKILL:  # killed at a time limit is routine
                    print(f"a query worker ended (exit {code}); starting another", file=sys.stderr)
                started[slot] = time.monotonic()
                workers[slot] = _start(*spec, None)
                waiters.modify(int(fd), ONE_WAKER)  # had it died between wake-up and arming
            time.sleep(0.1)
    except Stopped:
        pass
    finally:
        for worker in workers:
            worker.kill()
        for worker in workers:
            worker.wait()


def _start(
    fd: str, waiters: str, setup: str, handle: str, key: str, ready: int | None
) -> "subprocess.Popen[bytes]":
    """Start a worker on the listening socket and the epoll it waits in; it writes a byte to
    `ready` once its store is open, if given."""
    fds = [int(fd), int(waiters)] if ready is None else [int(fd), int(waiters), ready]
    told = "-" if ready is None else str(ready)
    command = [sys.executable, "-m", POOL, "--shared", fd, waiters, told, setup, handle, key]
    return subprocess.Popen(command, pass_fds=fds)


if __name__ == "__main__":
    main(sys.argv[1:])
