"""Serve the app with a production WSGI server: granian (the default) or gunicorn.

granian's HTTP layer is written in Rust: a cached answer costs about a third of what it costs
through gunicorn's Python one (README, "Benchmarks"). Both reload gracefully on SIGHUP.
"""

import os
from pathlib import Path

from gunicorn.app.base import BaseApplication

from diplokg.graph.errors import InputError
from diplokg.graph.query import load_dataset


class Server(BaseApplication):
    """A gunicorn application whose settings come from the command line, not a config file."""

    def __init__(self, data: Path, options: dict):
        self.data = data
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return started_app({"DATA": str(self.data)})


def started_app(config: dict | None = None):
    """Create the app (by default for the dataset in DIPLOKG_DATA) and start its query workers.

    gunicorn calls it in each worker; granian's workers call it as the app factory.
    """
    from diplokg.server import create_app

    app = create_app(config)
    # Start the query workers before the first request rather than during it.
    app.extensions["diplokg.engine"].start()
    return app


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


def serve(
    data: Path, host: str, port: int, workers: int, threads: int, server: str = "granian"
) -> int:
    """Check the dataset and the settings, then serve until stopped."""
    load_dataset(data)  # fail here with a clear message rather than in every worker
    logs = logging_settings()
    if server == "granian":
        return serve_granian(data, host, port, workers, threads, logs)
    return serve_gunicorn(data, host, port, workers, threads, logs)


def serve_gunicorn(
    data: Path, host: str, port: int, workers: int, threads: int, logs: tuple[str, bool]
) -> int:
    """Serve with gunicorn, whose HTTP layer is Python."""
    level, access = logs
    options = {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "timeout": 30,
        # Keep connections open between a client's queries: a new TCP connection per query
        # costs more than answering a cached one.
        "keepalive": 5,
        # Room for long queries sent by GET (gunicorn's default is 4094 bytes; 8190 is its most).
        "limit_request_line": 8190,
        # gunicorn's control socket is one per user; several servers must not fight over it.
        "control_socket_disable": True,
        "accesslog": "-" if access else None,
        "errorlog": "-",
        "loglevel": level,
    }
    print(f"serving {data} on http://{host}:{port}/ (gunicorn)", flush=True)
    Server(data, options).run()
    return 0


def serve_granian(
    data: Path, host: str, port: int, workers: int, threads: int, logs: tuple[str, bool]
) -> int:
    """Serve with granian, whose HTTP layer is written in Rust: less time per request."""
    from granian import Granian
    from granian.constants import Interfaces

    level, access = logs
    os.environ["DIPLOKG_DATA"] = str(data)  # the workers create the app from it
    print(f"serving {data} on http://{host}:{port}/ (granian)", flush=True)
    Granian(
        f"{__name__}:started_app",
        address=host,
        port=port,
        interface=Interfaces.WSGI,
        factory=True,
        workers=workers,
        blocking_threads=threads,
        # A line per request on stdout; it costs about half of granian's throughput on small
        # answers (README, "Benchmarks"): DIPLOKG_ACCESS_LOG=0 where a proxy in front logs.
        log_access=access,
        log_level=level,
        # On SIGHUP each worker is replaced in turn: a new one loads the current release, 3.5 s
        # later the old one is told to stop, finishes its requests (at most 30 s, gunicorn's
        # graceful timeout) and ends.
        workers_kill_timeout=30,
    ).serve()
    return 0
