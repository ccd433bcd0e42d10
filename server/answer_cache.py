"""Keep recent answers so that a repeated query on an unchanged dataset is not run again.

One cache, AnswerCache, serves two uses: the endpoint keeps the engine's answers by what was
asked (the query, its form, format and dataset, the dataset version), and ResponseCache,
in front of Flask, replays whole /sparql responses to a repeated GET.
"""

# Annotations as text: the nested start_response wrappers are defined per request, and
# evaluating their annotations (Callable[...]) each time cost microseconds.
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

if TYPE_CHECKING:
    from _typeshed import OptExcInfo

# An answer larger than this is not kept: a few large bodies would push out many small ones.
LARGEST_KEPT = 1_000_000


class HasBody(Protocol):
    """An answer: what it holds is its body."""

    @property
    def body(self) -> bytes: ...


Key = TypeVar("Key", bound=Hashable)
Kept = TypeVar("Kept", bound=HasBody)


class AnswerCache(Generic[Key, Kept]):
    """A thread-safe LRU of answers; keys hold the dataset version, so a new one misses."""

    def __init__(self, entries: int):
        self.entries = entries
        self.kept: OrderedDict[Key, Kept] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Key) -> Kept | None:
        """Return the kept answer for key, or None."""
        with self.lock:
            found = self.kept.get(key)
            if found is not None:
                self.kept.move_to_end(key)
            return found

    def put(self, key: Key, answer: Kept) -> None:
        """Keep an answer, dropping the least recently used beyond the limit."""
        if self.entries == 0 or len(answer.body) > LARGEST_KEPT:
            return
        with self.lock:
            self.kept[key] = answer
            self.kept.move_to_end(key)
            while len(self.kept) > self.entries:
                self.kept.popitem(last=False)


@dataclass(frozen=True)
class Replay:
    """A whole response, as the app started it: status, headers and body."""

    status: str
    headers: list[tuple[str, str]]
    body: bytes


class ResponseCache:
    """WSGI middleware keeping the last `entries` successful /sparql GET responses.

    A query's answer depends only on the request's query string, Accept and Host headers and
    the dataset, which does not change while the app runs. Flask's routing and request objects
    cost more than a small query does, so whole responses of /sparql are kept and replayed
    here, before Flask handles the request.
    """

    def __init__(self, app: WSGIApplication, entries: int, path: str = "/sparql"):
        self.app = app
        self.path = path
        self.cache: AnswerCache[tuple[str, str, str], Replay] = AnswerCache(entries)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if (
            self.cache.entries == 0
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
        hit = self.cache.get(key)
        if hit is not None:
            start_response(hit.status, hit.headers)
            return [hit.body]
        seen: list[tuple[str, list[tuple[str, str]]]] = []  # what the app started, last

        def capture(
            status: str, headers: list[tuple[str, str]], exc_info: OptExcInfo | None = None
        ) -> Callable[[bytes], object]:
            seen.append((status, headers))
            return start_response(status, headers, exc_info)

        answer = self.app(environ, capture)
        status, headers = seen[-1] if seen else ("", [])
        # Only query answers (they carry an ETag), never errors or the service description.
        if not status.startswith("200") or not any(name == "ETag" for name, _ in headers):
            return answer
        try:
            body = b"".join(answer)
        finally:
            if hasattr(answer, "close"):
                answer.close()
        self.cache.put(key, Replay(status, list(headers), body))
        return [body]
