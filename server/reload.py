"""Reload without dropping a request: each answer names its release, old workers drain first.

On SIGHUP the server's main process (granian's or gunicorn's, see wsgi.py) starts a new
generation of web workers, which load the current release, and waits until they all answer.
Only then are the old workers superseded: for DRAIN_SECONDS they go on answering what reaches
them, each answer with `Connection: close`, so that a client on a kept-alive connection sends
its next request on a new connection, which the new workers take. Then they are stopped: they
finish the requests they hold and close the connections that stayed idle through the drain.

The main process and its workers share a small file: the current generation, which a worker
reads (through mmap, about a tenth of a microsecond) on each request to learn whether it is
superseded, and one marker per worker that is ready. Every answer carries the release that
answered it in `X-Dataset-Version`, so clients and tests can tell old answers from new.
"""

# Annotations as text: the nested start_response wrappers are defined per request, and
# evaluating their annotations (Callable[...]) each time cost microseconds.
from __future__ import annotations

import mmap
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

if TYPE_CHECKING:
    from _typeshed import OptExcInfo

STATE_ENV = "DIPLOKG_RELOAD_STATE"  # the folder of the shared file, set by the main process
GENERATION_ENV = "DIPLOKG_GENERATION"  # the generation of the workers started next
STALE_ENV = "DIPLOKG_STALE_FD"  # listening sockets of older workers (fds, a comma between)
DRAIN_SECONDS = 1.0  # how long superseded workers answer, with Connection: close, before stopping
# The documented bound (README, "Reliability"): a request sent later than this after the new
# release first answered is answered by the new release. It allows for the new workers to get
# ready one after the other, the drain, and the old workers' stop.
DRAIN_BOUND_SECONDS = 3.0
READY_SECONDS = 120.0  # how long the main process waits for new workers before giving up on them
COUNTER = struct.Struct("<Q")


class Generations:
    """The main process's side: start a generation of workers, wait for it, supersede the old."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="diplokg-serve-"))
        (self.folder / "generation").write_bytes(COUNTER.pack(0))
        self.current = 0
        os.environ[STATE_ENV] = str(self.folder)
        os.environ[GENERATION_ENV] = "0"

    def begin(self) -> int:
        """Number the workers started from now on as a new generation; return it."""
        self.current += 1
        os.environ[GENERATION_ENV] = str(self.current)
        return self.current

    def ready(self) -> int:
        """Return how many workers of the newest generation are ready to answer."""
        return len(list(self.folder.glob(f"ready-{self.current}-*")))

    def wait(self, workers: int, alive: Callable[[], bool]) -> bool:
        """Wait until `workers` of the newest generation are ready; False if alive() says no."""
        deadline = time.monotonic() + READY_SECONDS
        while self.ready() < workers:
            if time.monotonic() > deadline or not alive():
                return False
            time.sleep(0.05)
        return True

    def supersede(self) -> None:
        """Tell the workers of older generations that they are superseded: they drain."""
        path = self.folder / "generation"
        with open(path, "r+b") as fh:
            fh.write(COUNTER.pack(self.current))
            fh.flush()
        for marker in self.folder.glob("ready-*"):
            if not marker.name.startswith(f"ready-{self.current}-"):
                marker.unlink(missing_ok=True)

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class Lifecycle:
    """A worker's side: whether it is superseded; mark it ready."""

    def __init__(self) -> None:
        folder = os.environ.get(STATE_ENV)
        self.generation = int(os.environ.get(GENERATION_ENV, "0"))
        self.view: mmap.mmap | None = None
        self.folder = Path(folder) if folder else None
        stale = os.environ.pop(STALE_ENV, None)
        for fd in stale.split(",") if stale else ():
            os.close(int(fd))
        if self.folder is not None:
            with open(self.folder / "generation", "rb") as fh:
                self.view = mmap.mmap(fh.fileno(), COUNTER.size, access=mmap.ACCESS_READ)

    def superseded(self) -> bool:
        """Say whether a newer generation of workers answers now (never, outside a server)."""
        return self.view is not None and COUNTER.unpack_from(self.view)[0] > self.generation

    def mark_ready(self) -> None:
        """Tell the main process that this worker answers from now on."""
        if self.folder is not None:
            (self.folder / f"ready-{self.generation}-{os.getpid()}").touch()


_lifecycle: Lifecycle | None = None


def lifecycle() -> Lifecycle:
    """Return this process's Lifecycle, made once."""
    global _lifecycle
    if _lifecycle is None:
        _lifecycle = Lifecycle()
    return _lifecycle


class Stamped:
    """WSGI middleware: name the release on every answer; close connections once superseded."""

    def __init__(self, app: WSGIApplication, version: str, lifecycle: Lifecycle):
        self.app = app
        self.version = version
        self.superseded = lifecycle.superseded

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        def stamp(
            status: str, headers: list[tuple[str, str]], exc_info: OptExcInfo | None = None
        ) -> Callable[[bytes], object]:
            # A new list: the answer cache keeps the inner app's headers as they were.
            headers = [*headers, ("X-Dataset-Version", self.version)]
            if self.superseded():
                # A hop-by-hop header: granian (hyper) honours it and closes after this answer;
                # gunicorn drops it and closes through its worker class (wsgi.DrainingWorker).
                headers.append(("Connection", "close"))
            return start_response(status, headers, exc_info)

        return self.app(environ, stamp)
