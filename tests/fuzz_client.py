"""A keep-alive HTTP client for the fuzz tests: counts requests and fails on a 5xx or a hang."""

import http.client
import json
import time
from collections import Counter
from urllib.parse import urlsplit

# gunicorn closes a connection idle for 5 s ('diplokg serve' sets keepalive=5): open a new one
# before that, so that a closed connection always means the server closed it on a request.
IDLE = 4.0


class Client:
    """One persistent connection to the server, reopened when the server closes it."""

    def __init__(self, base: str, wait: float):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.wait = wait  # seconds a request may take before it counts as a hang
        self.conn = None
        self.used = 0.0
        self.requests = 0
        self.statuses: Counter[int] = Counter()
        self.seconds = 0.0

    def _open(self) -> http.client.HTTPConnection:
        if self.conn is None or time.monotonic() - self.used > IDLE:
            self.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.wait)
        return self.conn

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def send(self, method: str, target: str, body: bytes | None = None, headers=None):
        """Send one request; return status, headers and body; fail on a 5xx, a hang, a reset."""
        conn = self._open()
        start = time.monotonic()
        try:
            conn.putrequest(method, target, skip_host="Host" in (headers or {}))
            for name, value in (headers or {}).items():
                conn.putheader(name, value)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            resp = conn.getresponse()
            data = resp.read()
        except TimeoutError:
            self.close()
            message = f"no answer within {self.wait} s: {method} {target[:200]}"
            raise AssertionError(message) from None
        except (ConnectionError, http.client.HTTPException) as exc:
            self.close()
            raise AssertionError(f"{type(exc).__name__} on {method} {target[:200]}") from exc
        finally:
            self.used = time.monotonic()
            self.seconds += self.used - start
        self.requests += 1
        self.statuses[resp.status] += 1
        if resp.will_close:
            self.close()
        check(resp.status, resp.headers, data, f"{method} {target[:200]}")
        return resp.status, resp.headers, data


def check(status: int, headers, data: bytes, what: str) -> None:
    """Fail on a 5xx other than the time limit's 504; an error must say what is wrong."""
    # A query stopped at the time limit is answered 504 by design ("SPARQL endpoint", Limits):
    # the fuzzer makes some expensive queries (long property paths, cross products).
    stopped = status == 504 and b"time limit" in data
    assert status < 500 or stopped, f"{status} for {what}: {data[:500]!r}"
    if status >= 400 and headers.get("Content-Type", "").startswith("application/json"):
        assert json.loads(data)["error"], what
