"""Declare the endpoint's settings once, with their defaults and help (the README lists them)."""

import os
from dataclasses import dataclass

from diplokg.graph.errors import InputError


@dataclass(frozen=True)
class Setting:
    """An environment variable the endpoint reads, its app config key and its default."""

    env: str
    key: str
    default: str
    parse: type
    help: str


SETTINGS = [
    Setting("DIPLOKG_QUERY_TIMEOUT", "QUERY_TIMEOUT", "10", float,
            "seconds a query may run before it is stopped (HTTP 504)"),
    Setting("DIPLOKG_ROW_LIMIT", "ROW_LIMIT", "10000", int,
            "most result rows (or triples) per answer; a cut answer says so in its headers"),
    Setting("DIPLOKG_MAX_REQUEST_BYTES", "MAX_CONTENT_LENGTH", "1000000", int,
            "largest request body (a longer one gets HTTP 413)"),
    Setting("DIPLOKG_QUERY_WORKERS", "QUERY_WORKERS", "2", int,
            "query worker processes of the server, shared by its web workers"),
    Setting("DIPLOKG_MEMORY_QUADS", "MEMORY_QUADS", "50000", int,
            "a dataset of at most this many quads is also held in memory by each web worker, "
            "for the small queries it answers itself (0: never)"),
    Setting("DIPLOKG_PIN_WORKERS", "PIN_WORKERS", "1", int,
            "1: each web worker runs on one CPU of the server's, in turn (server/affinity.py); "
            "0: the system places them"),
    Setting("DIPLOKG_CACHE_ENTRIES", "CACHE_ENTRIES", "1000", int,
            "answers kept per web worker for repeated queries (0: no cache)"),
    Setting("DIPLOKG_SERVICE_ALLOW", "SERVICE_ALLOW", "", str,
            "space-separated SPARQL endpoints that SERVICE may call (default: none)"),
]  # fmt: skip


def from_environment() -> dict[str, float | int | str | frozenset[str]]:
    """Return the app config the environment sets, defaults included; bad values stop."""
    config = {}
    for s in SETTINGS:
        raw = os.environ.get(s.env, s.default)
        try:
            value = s.parse(raw)
        except ValueError:
            raise InputError(f"{s.env}={raw!r}: not a valid {s.parse.__name__}") from None
        if s.parse is not str and value < 0:
            raise InputError(f"{s.env}={raw!r}: must not be negative")
        config[s.key] = value
    if config["PIN_WORKERS"] not in (0, 1):
        raise InputError(f"DIPLOKG_PIN_WORKERS={config['PIN_WORKERS']}: 1 (pin) or 0")
    config["SERVICE_ALLOW"] = frozenset(config["SERVICE_ALLOW"].split())
    return config
