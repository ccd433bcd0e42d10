"""Read what is left of a request body once the answer is out, so the connection stays open.

An answer given before the body was read (415, 403, a 400 on a bad header) leaves the body
unread. A server must then either read it or close the connection: gunicorn reads it, granian
(hyper) closes the connection without a `Connection: close`, so a client's next request on it
fails. Reading at most the request size limit keeps keep-alive connections usable; a body over
the limit gets its 413 and the connection is closed, as in every server.
"""

CHUNK = 65536


class DrainBody:
    """WSGI middleware: after the answer, read and drop the request body, up to `limit` bytes."""

    def __init__(self, app, limit: int):
        self.app = app
        self.limit = limit

    def __call__(self, environ, start_response):
        answer = self.app(environ, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length <= 0 or length > self.limit:
            return answer
        return Drained(answer, environ["wsgi.input"], length)


class Drained:
    """The app's answer, followed by reading the rest of the body when the server closes it."""

    def __init__(self, answer, stream, length: int):
        self.answer, self.stream, self.length = answer, stream, length

    def __iter__(self):
        return iter(self.answer)

    def close(self):
        try:
            if hasattr(self.answer, "close"):
                self.answer.close()
        finally:
            left = self.length
            while left > 0 and (chunk := self.stream.read(min(CHUNK, left))):
                left -= len(chunk)
