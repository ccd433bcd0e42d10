"""The SPARQL endpoint at /sparql (SPARQL 1.1 Protocol, query side) and /health.

A request goes: protocol parsing (this module) -> checks that hold for every engine
(query_policy) -> the answer cache -> the engine (graph/query/engine.py documents its interface).

/sparql is answered by a WSGI handler in front of Flask (Endpoint): every query pays for the
protocol and its checks, not for Flask's routing, request context and response hooks, which
cost as much as a small query. It reads the request with werkzeug, as Flask does, so the
protocol's answers are the same.
"""

import codecs
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from urllib.parse import urlencode, urljoin
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

import pyoxigraph as ox
from flask import Blueprint, Flask, current_app
from flask.blueprints import BlueprintSetupState
from werkzeug.datastructures import ImmutableMultiDict, MIMEAccept
from werkzeug.exceptions import HTTPException
from werkzeug.http import parse_accept_header, parse_etags
from werkzeug.wrappers import Request, Response

from diplokg.graph.errors import DiplokgError, EngineBusy, QueryError, QueryTimeout
from diplokg.graph.query.engine import (
    FORMS,
    LoadedDataset,
    OxigraphEngine,
    formats_for,
    moved_up,
    parse_form,
)
from diplokg.graph.query.protocol import Answer, QueryEngine
from diplokg.graph.query.remote import make_engine

from .answer_cache import AnswerCache, ResponseCache
from .query_cost import Counts, bound
from .query_policy import QUERY_FORMS, QueryRefused, QueryShape, check
from .service_description import DESCRIPTION_FORMATS, describe

bp = Blueprint("sparql", __name__)

QUERY_METHODS = ("GET", "HEAD", "POST")  # HEAD: as GET, without the body
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match",
    "Access-Control-Expose-Headers": (
        "ETag, X-SPARQL-Rows, X-SPARQL-Row-Limit, X-SPARQL-Truncated, X-Dataset-Version"
    ),
    "Access-Control-Max-Age": "86400",
}
# Media types clients send that name one of our formats by another name.
ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml"}


class ProtocolError(QueryError):
    """A request that does not follow the SPARQL 1.1 Protocol; status says which way."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


STATUS: dict[type[DiplokgError], int] = {QueryRefused: 403, QueryTimeout: 504, EngineBusy: 503}
# What an answer depends on: dataset version, query, form, format, protocol dataset, row
# limit, and the base URL that relative IRIs resolve against (or None).
AnswerKey = tuple[
    str, str, str, str, tuple[tuple[str, ...], tuple[str, ...]] | None, int, str | None
]


@bp.record_once
def init_app(state: BlueprintSetupState) -> None:
    """Set up the endpoint's engine and answer cache, and put /sparql in front of Flask."""
    app = state.app
    assert isinstance(app, Flask)  # a Blueprint's setup state names the sansio App type
    dataset: LoadedDataset = app.extensions["diplokg"]
    # The embedded engine (on the store the app opened), or the external store of 'diplokg
    # serve --backend' (graph/query/remote.py).
    workers, quads = app.config["QUERY_WORKERS"], app.config["MEMORY_QUADS"]
    app.extensions["diplokg.engine"] = make_engine(dataset.release, workers, quads, dataset.store)
    app.extensions["diplokg.cache"] = AnswerCache(app.config["CACHE_ENTRIES"])
    # Middleware goes in as Flask documents it; Flask's types call wsgi_app a method.
    endpoint = Endpoint(app, app.wsgi_app)
    app.wsgi_app = ResponseCache(endpoint, app.config["CACHE_ENTRIES"])  # type: ignore[method-assign]


@bp.get("/health")
def health() -> dict[str, str]:
    """Answer at once, with the dataset version: for load balancers and monitors."""
    return {"status": "ok", "version": current_app.extensions["diplokg.engine"].version}


@bp.after_request
def cors(response: Response) -> Response:
    """Let web pages of any origin read /health too."""
    response.headers.update(CORS)
    return response


class Endpoint:
    """WSGI handler of /sparql in front of the Flask app, which answers every other path."""

    def __init__(self, app: Flask, following: WSGIApplication):
        self.app, self.following = app, following
        self.config = app.config
        self.dataset: LoadedDataset = app.extensions["diplokg"]
        self.engine: QueryEngine = app.extensions["diplokg.engine"]
        self.cache: AnswerCache[AnswerKey, Answer] = app.extensions["diplokg.cache"]
        self.counts: Counts = {}  # the patterns' counts (server/query_cost.py)
        self.here = isinstance(self.engine, OxigraphEngine)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != "/sparql":
            return self.following(environ, start_response)
        response: Reply | Response | None
        try:
            response = self.lean(environ)
            if response is None:
                request = Request(environ)
                request.max_content_length = self.config["MAX_CONTENT_LENGTH"]
                if wants_page(request):  # a browser following a /sparql?query=... link
                    page = {**environ, "PATH_INFO": "/", "QUERY_STRING": urlencode(
                        {"query": request.args["query"]})}  # fmt: skip
                    return self.following(page, start_response)
                response = self.sparql(request)
        except DiplokgError as exc:
            response = expected_failure(exc)
        except HTTPException as exc:  # werkzeug's, reading the request: 413, 400
            response = json_response({"error": exc.description}, exc.code)
        except Exception:  # our bug: a 500, with the traceback in the log
            method = environ.get("REQUEST_METHOD")
            self.app.logger.exception("bug while answering %s /sparql", method)
            body = {"error": "internal error: the server failed; the traceback is in its log"}
            response = json_response(body, 500)
        # Let web pages of any origin query the endpoint (CORS, also on errors).
        response.headers.update(CORS)
        return response(environ, start_response)

    def lean(self, environ: WSGIEnvironment) -> "Reply | None":
        """Answer the usual request, a GET (or HEAD) whose only parameter is one query, from
        the WSGI environment; None for any other request, which werkzeug reads in full.

        Reading a request with werkzeug (its request object, parameters and headers) cost
        about 20 us, an eighth of answering a small query; this takes about 2 us.
        """
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return None
        accept = environ.get("HTTP_ACCEPT")
        if accept is not None and "text/html" in accept:
            return None  # perhaps a browser that wants the results page (wants_page)
        text = only_query(environ.get("QUERY_STRING", ""))
        if text is None or not text.strip():
            return None
        return self.answer(
            text, None, None, None, accept, environ.get("HTTP_IF_NONE_MATCH"),
            lambda: Request(environ).base_url, cached=False,
        )  # fmt: skip

    def sparql(self, request: Request) -> "Reply | Response":
        """Answer a SPARQL query (GET, POST form, POST direct); describe the service without one."""
        if request.method == "OPTIONS":
            return Response(status=204)
        if request.method not in QUERY_METHODS:
            raise ProtocolError(f"{request.method}: send a query with GET or POST", 405)
        text, defaults, nameds = protocol_request(request)
        if text is None:
            return self.service_description(request)
        return self.answer(
            text, defaults, nameds, request.values.get("format"), request.headers.get("Accept"),
            request.headers.get("If-None-Match"), lambda: request.base_url,
        )  # fmt: skip

    def answer(
        self,
        text: str,
        defaults: list[str] | None,
        nameds: list[str] | None,
        wanted: str | None,
        accept: str | None,
        if_none_match: str | None,
        base_url: Callable[[], str],
        cached: bool = True,
    ) -> "Reply":
        """Check a query, then answer it from the answer cache or the engine.

        wanted: the format parameter; accept, if_none_match: those headers; base_url: this
        endpoint's URL, asked only where a relative IRI needs it. cached: whether to keep the
        answer in the answer cache (a GET's whole response is kept by ResponseCache already).
        """
        config = self.config
        found = check(text, config["SERVICE_ALLOW"])
        form = found.form if found.form in QUERY_FORMS else parse_form(text)
        base = base_url() if found.relative_iris else None  # the answer depends on it
        if defaults is None and nameds is None and (found.from_graphs or found.from_named):
            # FROM and FROM NAMED only ever select graphs of the dataset: the engine gets them
            # as lists of graph names, never as something to fetch.
            defaults, nameds = found.from_graphs, found.from_named
            if base is not None:  # as the engine will read the query: against our URL
                defaults = [urljoin(base, i) for i in defaults]
                nameds = [urljoin(base, i) for i in nameds]
        for iri in (defaults or []) + (nameds or []):
            check_iri(iri)
        fmt = negotiate(form, wanted, accept)
        limit = config["ROW_LIMIT"]
        graphs = None if defaults is None else (tuple(defaults), tuple(nameds or ()))
        key: AnswerKey = (self.engine.version, text, form, fmt, graphs, limit, base)
        tag = hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest()
        etag = f'"{tag}"'
        if if_none_match and parse_etags(if_none_match).contains(tag):
            return Reply("304 Not Modified", {"ETag": etag, "Vary": "Accept"})  # nothing to run
        answer = self.cache.get(key) if cached else None
        if answer is None:
            answer = self.run(text, base, found, form, fmt, defaults, nameds)
            if cached:
                self.cache.put(key, answer)
        headers = {
            "Content-Type": content_type(answer.media_type),
            "ETag": etag,
            "Vary": "Accept",
            "Cache-Control": "public, no-cache",
            "X-SPARQL-Rows": str(answer.rows),
            "X-SPARQL-Row-Limit": str(limit),
            "X-SPARQL-Truncated": "true" if answer.truncated else "false",
        }
        return Reply("200 OK", headers, answer.body)

    def run(
        self,
        text: str,
        base: str | None,
        found: QueryShape,
        form: str,
        fmt: str,
        defaults: list[str] | None,
        nameds: list[str] | None,
    ) -> Answer:
        """Ask the engine; relative IRIs resolve against this endpoint's URL (Protocol, 2.1.4)."""
        config = self.config
        if base is not None:
            text = f"BASE <{base}>\n{text}"
        # A query with a proved small bound runs here (server/query_cost.py); the rest in a
        # worker that the time limit can stop.
        most = None
        if self.here and defaults is None and nameds is None and not found.services:
            toks = None if base is not None else found.tokens  # BASE was added: read again
            most = bound(text, self.dataset.store, self.counts, toks)
        try:
            options = {"here": most} if most is not None else {}
            return self.engine.query(
                text, form, fmt, defaults, nameds, config["QUERY_TIMEOUT"], config["ROW_LIMIT"],
                **options,
            )  # fmt: skip
        except QueryError as exc:
            if base is not None:  # point into the text the client sent, not the BASE line
                raise moved_up(exc, 1) from None
            raise

    def service_description(self, request: Request) -> Response:
        """Describe the endpoint (SPARQL 1.1 Service Description), in the RDF format accepted."""
        offered = list(DESCRIPTION_FORMATS)
        media_type = request.accept_mimetypes.best_match(offered, "text/turtle")
        graphs = tuple(sorted(g.value for g in self.dataset.store.named_graphs()))
        allow = bool(self.config["SERVICE_ALLOW"])
        body = describe(request.base_url, graphs, media_type, allow)
        return Response(body, content_type=content_type(media_type), headers={"Vary": "Accept"})


class Reply:
    """An answer to a query, written straight to WSGI as werkzeug's Response would write it.

    Building a werkzeug Response and its headers cost about a fifth of answering a small
    query. Content-Length is set; a HEAD request gets the headers without the body.
    """

    __slots__ = ("body", "headers", "status")

    def __init__(self, status: str, headers: dict[str, str], body: bytes = b""):
        self.status, self.headers, self.body = status, headers, body

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> list[bytes]:
        headers = list(self.headers.items())
        if self.status[:3] != "304":
            headers.append(("Content-Length", str(len(self.body))))
        start_response(self.status, headers)
        return [] if environ["REQUEST_METHOD"] == "HEAD" else [self.body]


def only_query(query_string: str) -> str | None:
    """Return the query of a query string that is `query=...` alone, decoded as urllib's
    parse_qsl decodes it for werkzeug ('+' a space, %XX a byte, UTF-8); None for any other,
    which werkzeug reads (several parameters, raw non-ASCII bytes, a bad escape).

    parse_qsl reads the escapes one by one in Python (7 us for a short query); here every
    backslash is doubled and every '%' made '\\x', and the codec that reads Python's byte
    escapes decodes them all at once (1 us).
    """
    if not query_string.startswith("query=") or "&" in query_string:
        return None
    if not query_string.isascii():
        return None
    value = query_string[6:].replace("+", " ").replace("\\", "\\\\").replace("%", "\\x")
    try:
        return codecs.escape_decode(value.encode("ascii"))[0].decode("utf-8")
    except (ValueError, UnicodeDecodeError):  # %ZZ, a cut escape, bytes that are not UTF-8
        return None


def wants_page(request: Request) -> bool:
    """Say whether a GET with a query comes from a browser that wants the results page: its
    Accept names text/html above every format of an answer (a browser's does; */* does not)."""
    if "text/html" not in request.headers.get("Accept", ""):
        return False  # the usual case, told without reading the header (as costly as a query)
    if request.method not in ("GET", "HEAD") or "format" in request.args:
        return False
    if len(request.args.getlist("query")) != 1 or not request.args["query"].strip():
        return False  # no query, two, or a blank one: the protocol's answer (400)
    if "default-graph-uri" in request.args or "named-graph-uri" in request.args:
        return False  # the page runs a query on the whole dataset only
    accept = request.accept_mimetypes
    if "text/html" not in accept.values():
        return False
    answers = {t for table in FORMS.values() for t, _ in table.values()} | set(ALIASES)
    return accept.quality("text/html") > max(accept.quality(t) for t in answers)


def json_response(
    body: Mapping[str, object], status: int | None, headers: Mapping[str, str] | None = None
) -> Response:
    """Return a JSON answer, as Flask writes a dict."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":")) + "\n"
    return Response(text, status=status, headers=headers, mimetype="application/json")


def check_iri(iri: str) -> None:
    """Refuse a graph name that is not an absolute IRI, naming it (an engine would fail on it)."""
    try:
        ox.NamedNode(iri)
    except ValueError as exc:
        raise ProtocolError(f"graph {iri!r} is not an absolute IRI: {exc}") from None


def content_type(media_type: str) -> str:
    return media_type if media_type.endswith("+xml") else media_type + "; charset=utf-8"


def protocol_request(request: Request) -> tuple[str | None, list[str] | None, list[str] | None]:
    """Return the query (None: none sent) and the protocol's default and named graphs."""
    args = request.args
    queries = args.getlist("query")
    extra: ImmutableMultiDict[str, str] = ImmutableMultiDict()  # a form's parameters
    if "update" in args or (request.method == "POST" and request.mimetype.endswith("update")):
        raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
    if request.method == "POST":
        if request.mimetype == "application/x-www-form-urlencoded":
            form = request.form
            if "update" in form:
                raise QueryRefused("this endpoint is read-only: SPARQL Update is refused")
            queries = queries + form.getlist("query")
            extra = form
        elif request.mimetype == "application/sparql-query":
            charset = request.mimetype_params.get("charset", "utf-8").lower()
            if charset not in ("utf-8", "utf8"):
                raise ProtocolError(f"charset={charset}: a query must be sent as UTF-8", 415)
            try:
                queries = [*queries, request.get_data().decode("utf-8")]
            except UnicodeDecodeError as exc:
                raise ProtocolError(f"the query is not valid UTF-8 at byte {exc.start}") from None
        else:
            raise ProtocolError(
                f"Content-Type {request.mimetype or '(none)'}: POST a query as "
                "application/x-www-form-urlencoded (query=...) or application/sparql-query",
                415,
            )
        if not queries:
            raise ProtocolError("no query: send query=... or a body of application/sparql-query")
    if len(queries) > 1:
        raise ProtocolError(f"{len(queries)} queries sent: send exactly one query per request")
    defaults = args.getlist("default-graph-uri") + extra.getlist("default-graph-uri")
    nameds = args.getlist("named-graph-uri") + extra.getlist("named-graph-uri")
    if not queries:
        return None, None, None
    if not defaults and not nameds:
        return queries[0], None, None
    return queries[0], defaults, nameds


# (form, format, Accept) -> the format chosen: clients repeat their Accept
NEGOTIATED: dict[tuple[str, str | None, str | None], str] = {}
KEPT_NEGOTIATIONS = 1000


def negotiate(form: str, wanted: str | None, accept: str | None) -> str:
    """Return the format to answer in, from the format parameter (wanted) or the Accept header;
    406 if none fits."""
    key = (form, wanted, accept)
    found = NEGOTIATED.get(key)
    if found is None:
        # Reading an Accept header costs more than running a small query: once per header.
        found = choose_format(form, wanted, accept)
        if len(NEGOTIATED) >= KEPT_NEGOTIATIONS:
            NEGOTIATED.clear()
        NEGOTIATED[key] = found
    return found


def choose_format(form: str, wanted: str | None, header: str | None) -> str:
    table = formats_for(form)
    by_type = {media_type: name for name, (media_type, _) in table.items()}
    if wanted:
        name = by_type.get(wanted) or ALIASES.get(wanted) or wanted
        if name not in table:
            raise ProtocolError(
                f"format={wanted}: a {form} result can be sent as {', '.join(table)}", 406
            )
        return name
    accept = parse_accept_header(header, MIMEAccept)  # as werkzeug's request.accept_mimetypes
    if not accept:
        return next(iter(table))
    offered = [*by_type, *(t for t, n in ALIASES.items() if n in table)]
    best = accept.best_match(offered)
    if best is None:
        raise ProtocolError(
            f"Accept {header}: a {form} result can be sent as {', '.join(by_type)}", 406
        )
    return by_type.get(best) or ALIASES[best]


def expected_failure(exc: DiplokgError) -> Response:
    """Answer a failure the client can fix with its status and a JSON message."""
    status = getattr(exc, "status", None) or STATUS.get(type(exc), 400)
    body: dict[str, object] = {"error": str(exc)}
    position = getattr(exc, "position", None)
    if position:
        body["line"], body["column"] = position
    headers = {"Allow": "GET, POST, OPTIONS"} if status == 405 else {}
    if status == 503:
        headers["Retry-After"] = "1"
    return json_response(body, status, headers)
