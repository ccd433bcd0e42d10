"""Serve the app with gunicorn, the production WSGI server."""

import os
from pathlib import Path

from gunicorn.app.base import BaseApplication

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
        from diplokg.server import create_app

        app = create_app({"DATA": str(self.data)})
        # Start the query workers before the first request rather than during it.
        app.extensions["diplokg.engine"].start()
        return app


def serve(data: Path, host: str, port: int, workers: int, threads: int) -> int:
    """Check the dataset loads, then serve it until stopped."""
    load_dataset(data)  # fail here with a clear message rather than in every worker
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
        "accesslog": "-",
        "errorlog": "-",
        "loglevel": os.environ.get("DIPLOKG_LOG_LEVEL", "info"),
    }
    print(f"serving {data} on http://{host}:{port}/", flush=True)
    Server(data, options).run()
    return 0
