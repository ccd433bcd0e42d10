"""Serve the app with a production WSGI server: granian (the default) or gunicorn.

granian's HTTP layer is written in Rust: a cached answer costs about a third of what it costs
through gunicorn's Python one (README, "Benchmarks"). Both reload on SIGHUP the same way
(server/reload.py): new workers first, then the old ones drain and stop.

The listening socket is made here, once: a port that another process holds is refused at once
(granian alone would open its own socket per worker with SO_REUSEPORT, and a second server
would share the port, answering in turn). gunicorn's workers share it, and a worker that stops
leaves the connections waiting to be accepted to the others; granian's workers each get a
socket of their own on the port, over which new connections are spread (server/reuseport.py).
"""

import errno
import os
import signal
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.arbiter import Arbiter
from gunicorn.workers.gthread import ThreadWorker

from diplokg.graph.errors import InputError
from diplokg.graph.query.engine import prepare_dataset, start_query_workers
from diplokg.graph.query.remote import BACKEND_ENV
from diplokg.graph.query.supervisor import Supervisor

from .affinity import pin_from_environment, pin_worker
from .reload import DRAIN_SECONDS, Generations, lifecycle
from .settings import from_environment

BACKLOG = 1024


class Server(BaseApplication):  # type: ignore[misc]  # gunicorn ships no types
    """A gunicorn application whose settings come from the command line, not a config file."""

    def __init__(self, data: Path, options: dict[str, object]):
        self.data = data
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Flask:
        return started_app({"DATA": str(self.data)})

    def run(self) -> None:
        DrainingArbiter(self).run()


class DrainingArbiter(Arbiter):  # type: ignore[misc]  # gunicorn ships no types
    """gunicorn's main process, reloading as server/reload.py says rather than at once."""

    generations: Generations  # set by serve_gunicorn before the arbiter starts

    def reload(self) -> None:
        """Start new workers, wait until they answer, let the old ones drain, then stop them."""
        self.cfg.on_reload(self)
        try:
            prepare_dataset(Path(os.environ["DIPLOKG_DATA"]))  # the new release's store
        except Exception:
            self.log.exception("the current release cannot be served; the old workers go on")
            return
        old = list(self.WORKERS)
        self.generations.begin()
        new = [self.spawn_worker() for _ in range(self.cfg.workers)]

        def alive() -> bool:
            self.reap_workers()
            return all(pid in self.WORKERS for pid in new)

        if not self.generations.wait(len(new), alive):
            self.log.error("the new workers did not start; the old ones go on answering")
            for pid in new:
                self.kill_worker(pid, signal.SIGKILL)
            return
        self.generations.supersede()
        self.log.info("new workers answer; the old ones drain for %g s", DRAIN_SECONDS)
        time.sleep(DRAIN_SECONDS)
        for pid in old:
            self.kill_worker(pid, signal.SIGTERM)
        # As gunicorn does: wait for them, so that manage_workers never signals them twice.
        deadline = time.monotonic() + self.cfg.graceful_timeout
        while any(pid in self.WORKERS for pid in old) and time.monotonic() < deadline:
            self.reap_workers()
            time.sleep(0.1)


class DrainingWorker(ThreadWorker):  # type: ignore[misc]  # gunicorn ships no types
    """gunicorn's threaded worker; once superseded, each answer closes its connection."""

    def handle_request(self, req: Any, conn: Any) -> Any:  # gunicorn's request, connection
        if lifecycle().superseded():
            # gunicorn drops a Connection header that the app sets; a request that asks to
            # close makes it answer with `Connection: close` and close.
            req.headers.append(("CONNECTION", "close"))
        return super().handle_request(req, conn)


def started_app(config: dict[str, object] | None = None) -> Flask:
    """Create the app (by default for the dataset in DIPLOKG_DATA) and start its engine.

    gunicorn calls it in each worker; granian's workers call it as the app factory. The worker
    is then ready, and says so to the main process (server/reload.py).
    """
    from diplokg.server import create_app

    # Before the app opens its store, so that the store's threads run on that CPU too.
    pin_from_environment()
    app = create_app(config)
    # Open the store (and start a pool of its own, outside 'diplokg serve') before the first
    # request rather than during it.
    app.extensions["diplokg.engine"].start()
    lifecycle().mark_ready()
    return app


def listen(host: str, port: int, reuse_port: bool = False) -> socket.socket:
    """Open the listening socket that the workers share; refuse a port already in use.

    With reuse_port, other sockets of this server may later listen on the same port (granian's
    reload, granian_server.py); the port is first bound without it, so that a port another
    process holds, with or without SO_REUSEPORT, is refused.
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise InputError(f"--host {host}: {exc.strerror}") from None
    sock = socket.socket(family, kind, proto)
    # SO_REUSEADDR lets a restarted server bind while old connections linger in TIME_WAIT.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise InputError(
                f"--port {port}: {host}:{port} is already in use (another server listens "
                "there); stop it or choose another port"
            ) from None
        raise InputError(f"--host {host} --port {port}: cannot listen there: {exc}") from None
    if reuse_port:
        sock.close()
        sock = rebind(family, address)
    else:
        sock.listen(BACKLOG)
        sock.set_inheritable(True)
    return sock


def rebind(family: socket.AddressFamily, address: tuple[object, ...]) -> socket.socket:
    """Open another listening socket on an address that this server listens on (a socket
    address as getaddrinfo gives it)."""
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(address)
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


LEVELS = ("debug", "info", "warning", "error", "critical")


def logging_settings() -> tuple[str, bool]:
    """Return the log level and whether to log each request, from the environment."""
    level = os.environ.get("DIPLOKG_LOG_LEVEL", "info").lower()
    if level not in LEVELS:
        raise InputError(f"DIPLOKG_LOG_LEVEL={level!r}: one of {', '.join(LEVELS)}")
    access = os.environ.get("DIPLOKG_ACCESS_LOG", "1")
    if access not in ("0", "1"):
        raise InputError(f"DIPLOKG_ACCESS_LOG={access!r}: 1 (log each request) or 0")
    return level, access == "1"


@dataclass(frozen=True)
class Serving:
    """What a server starts with: the dataset, the socket its workers share, their settings."""

    data: Path
    listener: socket.socket
    generations: Generations
    workers: int
    threads: int
    level: str  # the log level
    access: bool  # whether to log each request
    pin: bool  # whether each web worker runs on one CPU (server/affinity.py)


def serve(
    data: Path, host: str, port: int, workers: int, threads: int, server: str = "granian"
) -> int:
    """Check the dataset and the settings, then serve until stopped."""
    level, access = logging_settings()
    settings = from_environment()  # its errors before anything starts
    pin = settings["PIN_WORKERS"] == 1
    # The port first: a second server on it is refused before it loads anything.
    listener = listen(host, port, reuse_port=server == "granian")
    try:
        # Fail here with a clear message rather than in every worker; write the release's
        # on-disk store now, once, for the workers to open (this process never opens it).
        prepare_dataset(data)
        # The query workers, one pool for every web worker, started before them.
        size = settings["QUERY_WORKERS"]
        assert isinstance(size, int), size
        pool = shared_pool(data, size)
    except BaseException:
        listener.close()
        raise
    generations = Generations()
    main = os.getpid()
    serving = Serving(data, listener, generations, workers, threads, level, access, pin)
    try:
        os.environ["DIPLOKG_DATA"] = str(data)  # the workers create the app from it, and reload it
        print(f"serving {data} on http://{address(listener)}/ ({server})", flush=True)
        if server == "granian":
            serve_granian(serving)
        else:
            serve_gunicorn(serving)
        return 0
    finally:
        # gunicorn's workers are forks that leave through this function too: only the main
        # process owns what is shared.
        if os.getpid() == main:
            generations.close()
            listener.close()
            if pool is not None:
                pool.stop()


def shared_pool(data: Path, size: int) -> Supervisor | None:
    """Start the server's query workers (DIPLOKG_QUERY_WORKERS of them), shared by its web
    workers; none when an external store answers the queries (--backend) or the setting is 0."""
    if size == 0 or os.environ.get(BACKEND_ENV):
        return None
    return start_query_workers(data, size)


def address(listener: socket.socket) -> str:
    host, port = listener.getsockname()[:2]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def serve_gunicorn(serving: Serving) -> None:
    """Serve with gunicorn, whose HTTP layer is Python."""
    DrainingArbiter.generations = serving.generations
    options = {
        "bind": f"fd://{serving.listener.detach()}",  # gunicorn's from now on: it closes it
        "worker_class": f"{__name__}.DrainingWorker",
        "workers": serving.workers,
        "threads": serving.threads,
        "timeout": 30,
        # Keep connections open between a client's queries: a new TCP connection per query
        # costs more than answering a cached one.
        "keepalive": 5,
        # Room for long queries sent by GET (gunicorn's default is 4094 bytes; 8190 is its most).
        "limit_request_line": 8190,
        # gunicorn's control socket is one per user; several servers must not fight over it.
        "control_socket_disable": True,
        "accesslog": "-" if serving.access else None,
        "errorlog": "-",
        "loglevel": serving.level,
    }
    if serving.pin:  # in the worker, before it loads the app (server/affinity.py)
        options["post_fork"] = lambda _arbiter, worker: pin_worker(worker.age)
    Server(serving.data, options).run()


def serve_granian(serving: Serving) -> None:
    """Serve with granian, whose HTTP layer is written in Rust: less time per request."""
    from granian.constants import Interfaces

    from .granian_server import DrainingGranian

    host, port = serving.listener.getsockname()[:2]
    DrainingGranian(
        "diplokg.server.access_log:granian_app",  # with our access log (server/access_log.py)
        listener=serving.listener,
        generations=serving.generations,
        pin=serving.pin,
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        factory=True,
        workers=serving.workers,
        blocking_threads=serving.threads,
        # The line per request on stdout (DIPLOKG_ACCESS_LOG) is written by the app factory's
        # access log, in batches: granian's own cost a fifth of the throughput.
        log_access=False,
        log_level=serving.level,
        # On SIGHUP (server/reload.py) the old workers, once drained, finish their requests
        # within 30 s (gunicorn's graceful timeout) or are killed.
        workers_kill_timeout=30,
        # A worker that dies is replaced, as gunicorn does; granian would stop the server.
        respawn_failed_workers=True,
    ).serve()
