"""Answer a repeated GET of the same query from memory, before Flask handles the request.

A query's answer depends only on the request's query string, Accept and Host headers and the
dataset, which does not change while the app runs. Flask's routing and request objects cost
more than a small query does, so whole responses of /sparql are kept and replayed here.
"""

import threading
from collections import OrderedDict

from .answer_cache import LARGEST_KEPT


class ResponseCache:
    """WSGI middleware keeping the last `entries` successful /sparql GET responses."""

    def __init__(self, app, entries: int, path: str = "/sparql"):
        self.app = app
        self.entries = entries
        self.path = path
        self.kept: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if (
            self.entries == 0
            or environ["REQUEST_METHOD"] != "GET"
            or environ.get("PATH_INFO") != self.path
            or "HTTP_IF_NONE_MATCH" in environ
        ):
            return self.app(environ, start_response)
        key = (
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_ACCEPT", ""),
            environ.get("HTTP_HOST", ""),
        )
        with self.lock:
            hit = self.kept.get(key)
            if hit is not None:
                self.kept.move_to_end(key)
        if hit is not None:
            status, headers, body = hit
            start_response(status, headers)
            return [body]
        seen = {}

        def capture(status, headers, exc_info=None):
            seen["status"], seen["headers"] = status, headers
            return start_response(status, headers, exc_info)

        answer = self.app(environ, capture)
        headers = seen.get("headers", [])
        # Only query answers (they carry an ETag), never errors or the service description.
        if not seen.get("status", "").startswith("200") or not any(
            name == "ETag" for name, _ in headers
        ):
            return answer
        try:
            body = b"".join(answer)
        finally:
            if hasattr(answer, "close"):
                answer.close()
        if len(body) <= LARGEST_KEPT:
            with self.lock:
                self.kept[key] = (seen["status"], list(headers), body)
                while len(self.kept) > self.entries:
                    self.kept.popitem(last=False)
        return [body]
