"""Check a query before any engine sees it: read-only, SERVICE only to allowed endpoints.

These checks hold whatever engine answers (pyoxigraph here, a remote store elsewhere), so they
work on the query text, not on an engine's parser: a tokenizer that follows SPARQL's lexical
grammar finds the query form, the prologue's prefixes, FROM / FROM NAMED and SERVICE.
Anything it cannot place is left for the engine's parser to report as a syntax error.
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from diplokg.graph.errors import QueryError


class QueryRefused(QueryError):
    """A well-formed request that this read-only, closed endpoint will not run."""


# SPARQL 1.1 Query, 19.2: \u and \U escapes are replaced before parsing, anywhere in the
# text, so "\u0053ERVICE" is SERVICE: the checks must see the text the parser sees.
CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
TOKEN = re.compile(
    r"""
      (?P<space>\s+)
    | (?P<comment>\#[^\n\r]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w:%\\-]|\.(?=[\w:%\\-]))*)
    | (?P<word>[^\W\d][\w-]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}
UPDATE_WORDS |= {"WITH"}
# The engine's parser and evaluator recurse once per level of brackets and per operator of a
# chain (a + b + ..., UNION, OPTIONAL, triple patterns): past about 2,000 levels or 6,000
# operators they overflow the stack and the process dies. These bounds keep a wide margin and
# are far above any query people write; the rows of VALUES are a flat list and do not count.
MAX_DEPTH = 200
MAX_TOKENS = 4000
OPEN, CLOSE = set("({["), set(")}]")
Token = tuple[str, str]  # a token's kind (a group name of TOKEN) and its text


@dataclass
class QueryShape:
    """What the checks found in a query: its form and the graphs and services it names."""

    form: str | None
    from_graphs: list[str] = field(default_factory=list)
    from_named: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    relative_iris: bool = False
    depth: int = 0
    size: int = 0
    tokens: list[Token] = field(default_factory=list, repr=False)  # for the cost rule, read once


def tokens(text: str) -> list[Token]:
    """Return the significant tokens of a query as (kind, text) pairs."""
    found = []
    for match in TOKEN.finditer(CODEPOINT.sub(_codepoint, text)):
        kind = match.lastgroup
        assert kind is not None  # every alternative of TOKEN is a named group
        if kind not in ("space", "comment"):
            found.append((kind, match.group()))
    return found


def _codepoint(match: re.Match[str]) -> str:
    try:
        return chr(int(match.group(1) or match.group(2), 16))
    except ValueError:  # beyond Unicode: the parser will reject it
        return match.group()


def shape(text: str) -> QueryShape:
    """Find the form, the dataset clauses and the SERVICE endpoints of a query."""
    toks = tokens(text)
    prefixes: dict[str, str] = {}
    base = ""
    form = None
    i = 0
    # The prologue: BASE <iri> and PREFIX p: <iri>, in any order, before the form.
    while i < len(toks):
        kind, value = toks[i]
        upper = value.upper()
        if kind == "word" and upper == "BASE" and i + 1 < len(toks):
            base = urljoin(base, toks[i + 1][1][1:-1])
            i += 2
        elif kind == "word" and upper == "PREFIX" and i + 2 < len(toks):
            prefixes[toks[i + 1][1].rstrip(":")] = urljoin(base, toks[i + 2][1][1:-1])
            i += 3
        else:
            if kind == "word":
                form = upper
            break
    result = QueryShape(form=form, tokens=toks)
    result.depth, result.size = _extent(toks)
    for j, (kind, value) in enumerate(toks):
        if kind == "iri" and not base and not SCHEME.match(value[1:-1]):
            result.relative_iris = True
        if kind != "word":
            continue
        upper = value.upper()
        if upper == "FROM":
            named = j + 1 < len(toks) and toks[j + 1][1].upper() == "NAMED"
            target = _iri(toks, j + 2 if named else j + 1, prefixes, base)
            if target is not None:
                (result.from_named if named else result.from_graphs).append(target)
        elif upper == "SERVICE":
            k = j + 1
            if k < len(toks) and toks[k][1].upper() == "SILENT":
                k += 1
            endpoint = _iri(toks, k, prefixes, base)
            # An endpoint the tokenizer cannot resolve (a variable, an unknown prefix) cannot
            # be checked against the allow-list, so it is refused as if it were not on it.
            result.services.append(endpoint if endpoint is not None else _raw(toks, k))
    return result


def _extent(toks: list[Token]) -> tuple[int, int]:
    """Return the deepest bracket nesting and the number of tokens outside VALUES rows."""
    depth = deepest = size = 0
    after_values = False
    rows_at = None  # the depth inside the data block of a VALUES, while reading it
    for kind, value in toks:
        if kind == "other" and value in OPEN:
            depth += 1
            deepest = max(deepest, depth)
            if after_values and value == "{":
                after_values, rows_at = False, depth
        elif kind == "other" and value in CLOSE:
            depth -= 1
            if rows_at is not None and depth < rows_at:
                rows_at = None
        if rows_at is not None and depth >= rows_at:
            continue
        if kind == "word" and value.upper() == "VALUES":
            after_values = True
        size += 1
    return deepest, size


def _iri(toks: list[Token], k: int, prefixes: dict[str, str], base: str) -> str | None:
    if k >= len(toks):
        return None
    kind, value = toks[k]
    if kind == "iri":
        return urljoin(base, value[1:-1]) if base else value[1:-1]
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    return None


def _raw(toks: list[Token], k: int) -> str:
    return toks[k][1] if k < len(toks) else "(nothing)"


def check(text: str, allowed_services: frozenset[str]) -> QueryShape:
    """Return the shape of a query this endpoint may run; raise QueryRefused otherwise."""
    found = shape(text)
    if found.depth > MAX_DEPTH:
        raise QueryError(
            f"the query nests brackets {found.depth} levels deep; at most {MAX_DEPTH} are allowed"
        )
    if found.size > MAX_TOKENS:
        raise QueryError(
            f"the query has {found.size} tokens; at most {MAX_TOKENS} are allowed (the rows of "
            "VALUES do not count: put long lists of terms there)"
        )
    if found.form in UPDATE_WORDS:
        raise QueryRefused(
            f"this endpoint is read-only: {found.form} is a SPARQL Update operation; "
            "download the dataset from /dumps/ to change a copy of it"
        )
    for endpoint in found.services:
        if endpoint not in allowed_services:
            allowed = ", ".join(sorted(allowed_services)) or "none"
            raise QueryRefused(
                f"SERVICE {endpoint}: federated queries may only call the endpoints allowed "
                f"by DIPLOKG_SERVICE_ALLOW (allowed: {allowed})"
            )
    return found
