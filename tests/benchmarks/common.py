"""What the benchmark scripts share: a free port on 127.0.0.1, a GET on a kept-alive connection,
and percentiles."""

import http.client
import socket


def free_port() -> int:
    """Return a TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    """Return the value below which the fraction q of the values lie (0.0 for no values)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def get(
    conn: http.client.HTTPConnection, path: str, headers: dict[str, str]
) -> http.client.HTTPResponse | Exception:
    """GET a path on a kept-alive connection and read the answer whole; on a failure the
    connection is closed (http.client opens it again on the next request) and the failure
    returned."""
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        resp.read()
    except (OSError, http.client.HTTPException) as exc:
        conn.close()
        return exc
    return resp
