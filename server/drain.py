"""Read what is left of a request body once the answer is out, so the connection stays open.

An answer given before the body was read (415, 403, a 400 on a bad header) leaves the body
unread, and so does a 413 for a body over the size limit. A server must then either read the
body or close the connection: gunicorn reads it; granian (hyper) closes the connection, without
a `Connection: close`, so a client still sending its body gets a broken pipe instead of the
413, and a client's next request on a kept-alive connection fails. Reading and dropping the
body keeps both working; a body over ten times the size limit is not read, and its connection
is closed, so that nobody can keep a thread busy reading.
"""

from collections.abc import Iterable, Iterator
from typing import IO
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

CHUNK = 65536
DRAINED = 10  # bodies up to this many times the request size limit are read to the end


class DrainBody:
    """WSGI middleware: after the answer, read and drop the rest of the request body."""

    def __init__(self, app: WSGIApplication, limit: int):
        self.app = app
        self.most = DRAINED * limit  # the longest body read to its end

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        answer = self.app(environ, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= 0 or length > self.most:
            return answer
        return Drained(answer, environ["wsgi.input"], length)


class Drained:
    """The app's answer, followed by reading the rest of the body when the server closes it."""

    def __init__(self, answer: Iterable[bytes], stream: IO[bytes], length: int):
        self.answer, self.stream, self.length = answer, stream, length

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.answer)

    def close(self) -> None:
        try:
            if hasattr(self.answer, "close"):
                self.answer.close()
        finally:
            left = self.length
            while left > 0 and (chunk := self.stream.read(min(CHUNK, left))):
                left -= len(chunk)
