"""The access log of granian's web workers: a line per request, written in batches.

granian's own access log formats each line through Python's logging (a record, a handler lock
that the worker's threads queue on, a write and a flush per request): on the stream of
different queries it cost about a fifth of the throughput (docs/endpoint-benchmarks.md). This one
writes the same line (granian's format) into a list, and a thread of the worker writes what
gathered every FLUSH_SECONDS in one write, as nginx's `access_log ... buffer= flush=` does.
The lines are written when the worker stops too; a worker that is killed (SIGKILL) loses at
most the lines of its last FLUSH_SECONDS.
"""

from __future__ import annotations

import atexit
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from multiprocessing.util import Finalize
from typing import Any

FLUSH_SECONDS = 0.2
# A WSGI application, and what start_response looks like to it.
StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


class AccessLog:
    """WSGI middleware: a line per request, in granian's format, written in batches to fd."""

    def __init__(self, app: WSGIApp, fd: int = 1, flush_seconds: float = FLUSH_SECONDS):
        self.app = app
        self.fd = fd
        self.lines: deque[str] = deque()  # append and popleft need no lock
        self.second = -1  # the second whose time stamp is `stamp`: formatted once a second
        self.stamp = ""
        self.lock = threading.Lock()  # one writer at a time: the thread, or the exit
        self.flush_seconds = flush_seconds
        threading.Thread(target=self._run, name="access-log", daemon=True).start()
        # A granian worker is a forked process that ends with os._exit: atexit does not run
        # there, multiprocessing's finalizers do.
        Finalize(self, self.flush, exitpriority=0)
        atexit.register(self.flush)

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        started = time.time()
        status = [500]

        def record(code: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status[0] = int(code[:3])
            return start_response(code, headers, exc_info)

        try:
            return self.app(environ, record)
        finally:
            self._line(environ, status[0], started)

    def _line(self, environ: dict[str, Any], status: int, started: float) -> None:
        now = time.time()
        second = int(started)
        if second != self.second:  # strftime costs as much as the rest of the line
            self.stamp = time.strftime("%Y-%m-%d %H:%M:%S %z", time.localtime(second))
            self.second = second
        self.lines.append(
            f"[{self.stamp}] {environ.get('REMOTE_ADDR', '-')} - "
            f'"{environ.get("REQUEST_METHOD")} {environ.get("PATH_INFO")} '
            f'{environ.get("SERVER_PROTOCOL")}" {status} {(now - started) * 1000:.3f}\n'
        )

    def _run(self) -> None:
        while True:
            time.sleep(self.flush_seconds)
            self.flush()

    def flush(self) -> None:
        """Write the lines gathered so far, in one write (or as few as the pipe takes)."""
        with self.lock:
            if not self.lines:
                return
            lines = self.lines
            text = "".join([lines.popleft() for _ in range(len(lines))])
            data = text.encode("utf-8", "backslashreplace")
            try:
                while data:
                    data = data[os.write(self.fd, data) :]
            except OSError:
                pass  # stdout closed: the log has nowhere to go, the answers go on


def granian_app() -> WSGIApp:
    """granian's app factory: the app of a web worker, with this access log if it is on."""
    from .wsgi import logging_settings, started_app

    app: WSGIApp = started_app()
    return AccessLog(app) if logging_settings()[1] else app
