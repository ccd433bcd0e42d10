"""Decide from a query's algebra whether it may run in the web worker, without a killable worker.

pyoxigraph cannot stop a running query, so a query that may run away goes to a query worker
process, which is killed at the time limit; the hop costs more than answering a small query.
A query runs in the web worker only when this module proves a small bound on its work:

- its pattern is a group of triple patterns, with OPTIONAL, UNION, MINUS, FILTER and BIND
  (no EXISTS, subquery, VALUES, GRAPH, SERVICE, property path, blank node or collection), on
  the service's default graph (no FROM, no protocol dataset);
- it has at most MOST_PATTERNS triple patterns, each names at least one term, and the store
  holds at most CAP triples that match it with its variables left open (counted in the
  store's indexes, at most CAP + 1 read);
- it has at most MOST_TOKENS tokens: the engine's parser and evaluator recurse once per
  operator of a chain (1 + 1 + ..., || and &&) and per level of brackets, and the web
  worker's thread has a smaller stack than a query worker's (granian's threads: 2 MB, where
  a sum of about 1,500 terms overflowed it and killed the process); the checks allow 4,000;
- or, without counting: its pattern is one triple pattern whose variables are all different,
  with no FILTER, BIND, OPTIONAL, UNION, MINUS, DISTINCT, ORDER BY, GROUP BY or aggregate, and
  it is an ASK or has a LIMIT (plus OFFSET) of at most BUDGET. The engine then reads the
  pattern's matches one by one from the index whose prefix is the pattern's terms, each a
  solution, and stops at the first (ASK) or after OFFSET + LIMIT: it reads no more entries
  than that. This spares counting in the indexes for most lookups, which cost as much as
  the query;
- otherwise, the product of those counts, the most solutions any join of the patterns can give (each
  solution picks at most one matching triple per pattern; a left join, union or minus gives no
  more), is at most BUDGET.

FILTER, BIND, ORDER BY, GROUP BY and aggregates then work on at most BUDGET rows, and every
SPARQL function is linear in its input (pyoxigraph's REGEX is the Rust regex crate: linear time,
no backtracking). Anything the rule cannot read is sent to a query worker, as before.
"""

import itertools
from urllib.parse import urljoin

import pyoxigraph as ox

from .query_policy import SCHEME, tokens

CAP = 1_000  # matches of one pattern, at most (reading them costs up to about 0.5 ms)
BUDGET = 100_000  # the product of the patterns' counts, at most
MOST_PATTERNS = 16
# In a thread with a 2 MB stack, the engine survived chains of 1,000 operators and 500 levels
# of braces, and died at 2,000 operators and 1,000 levels: 500 tokens keep a margin of 2 to 4.
MOST_TOKENS = 500
GROUP_WORDS = {"OPTIONAL", "MINUS"}
SKIPPED_WORDS = {"FILTER", "BIND"}
PATH_MARKS = set("/|^*+?!")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# A triple pattern's subject, predicate and object: a term, or None for a variable.
Term = ox.NamedNode | ox.Literal | None
Pattern = tuple[Term, Term, Term]
Counts = dict[Pattern, int]  # the default graph's triples that match each pattern


class Unbounded(Exception):
    """A construct whose cost the rule does not bound."""


def bound(
    text: str,
    store: ox.Store,
    counts: Counts | None = None,
    toks: list[tuple[str, str]] | None = None,
) -> int | None:
    """Return a bound on the solutions of the query's pattern, or None if it has none here.

    counts keeps the patterns' counts for the next queries on this store (it never changes);
    toks are the query's tokens, if the checks read them already.
    """
    counts = {} if counts is None else counts
    toks = tokens(text) if toks is None else toks
    if len(toks) > MOST_TOKENS:
        return None
    try:
        reader = Reader(toks)
        patterns = reader.patterns()
        most = streamed(reader)
        if most is not None:
            return most
        if len(patterns) > MOST_PATTERNS:
            return None
        product = 1
        for pattern in patterns:
            product *= max(1, count(store, pattern, counts))
            if product > BUDGET:
                return None
        return product
    except (Unbounded, ValueError, SyntaxError, OSError):
        # A term the engine would refuse (an IRI with a space, a bad language tag): the query
        # goes to a worker, whose parser reports it to the client.
        return None


# Words after which the engine may read more than one index entry per solution, or read them
# all before the first solution.
GATHERING = {"FILTER", "BIND", "OPTIONAL", "UNION", "MINUS", "DISTINCT", "REDUCED", "ORDER",
             "GROUP", "HAVING", "COUNT", "SUM", "MIN", "MAX", "AVG", "SAMPLE", "GROUP_CONCAT",
             "EXISTS"}  # fmt: skip


def streamed(reader: "Reader") -> int | None:
    """Bound a one-pattern query that the engine answers by reading matches one by one.

    Return the most solutions (1 for ASK, else its LIMIT), or None where the rule needs counts.
    """
    if len(reader.found) != 1 or reader.form not in ("SELECT", "ASK"):
        return None
    toks = reader.toks
    values = [value for _, value in toks]
    if not GATHERING.isdisjoint([value.upper() for kind, value in toks if kind == "word"]):
        return None
    if values.count("{") != 1:
        return None
    start, end = values.index("{"), values.index("}")
    names = [value[1:] for kind, value in toks[start:end] if kind == "var"]
    if len(set(names)) != len(names):  # ?s ?p ?s: the engine skips matches that differ
        return None
    if reader.form == "ASK":
        return 1
    modifiers = {}
    rest = toks[end + 1 :]
    for i, (kind, value) in enumerate(rest):
        if kind == "word" and value.upper() in ("LIMIT", "OFFSET"):
            digits = itertools.takewhile(lambda t: t[1].isdigit(), rest[i + 1 :])
            number = "".join(value for _, value in digits)  # the tokenizer reads 10 as 1, 0
            if number:
                modifiers[value.upper()] = int(number)
    limit = modifiers.get("LIMIT")
    if limit is None or limit + modifiers.get("OFFSET", 0) > BUDGET:
        return None
    return limit


def count(store: ox.Store, pattern: Pattern, counts: Counts) -> int:
    """Count the default graph's triples that match a pattern, up to CAP; more is Unbounded."""
    if all(term is None for term in pattern):
        raise Unbounded("a pattern of variables only")
    found = counts.get(pattern)
    if found is None:
        # Counted by the engine, which reads at most CAP + 1 matches from its index: reading
        # them into Python objects cost ten times as much.
        s, p, o = (
            t if t is not None else ox.Variable(v) for t, v in zip(pattern, "spo", strict=True)
        )
        query = f"SELECT (COUNT(*) AS ?n) {{ SELECT * {{ {s} {p} {o} }} LIMIT {CAP + 1} }}"
        solutions = store.query(query)
        assert isinstance(solutions, ox.QuerySolutions)  # a SELECT's answer
        found = int(next(iter(solutions))["n"].value)
        if len(counts) >= KEPT_COUNTS:
            counts.clear()
        counts[pattern] = found
    if found > CAP:
        raise Unbounded(f"a pattern with over {CAP} matches")
    return found


KEPT_COUNTS = 100_000  # patterns' counts kept per store


class Reader:
    """Read the triple patterns of a query from its tokens; raise Unbounded on anything else."""

    def __init__(self, toks: list[tuple[str, str]]):
        self.toks, self.i = toks, 0
        self.prefixes: dict[str, str] = {}
        self.base = ""
        self.found: list[Pattern] = []
        self.form = ""

    def peek(self) -> tuple[str, str]:
        return self.toks[self.i] if self.i < len(self.toks) else ("end", "")

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok[0] == "end":
            raise Unbounded("the query ends early")
        self.i += 1
        return tok

    def patterns(self) -> list[Pattern]:
        """Return the query's triple patterns (None for a variable)."""
        self.prologue()
        kind, word = self.take()
        form = self.form = word.upper()
        if form == "DESCRIBE":
            return self.describe()
        if form not in ("SELECT", "ASK", "CONSTRUCT"):
            raise Unbounded(f"the form {word}")
        if form == "CONSTRUCT" and self.peek()[1] == "{":
            self.skip_braces()  # the template: its terms come from the pattern's solutions
        while self.peek()[1] != "{":  # the projection, WHERE
            kind, value = self.take()
            if kind == "word" and value.upper() in ("FROM", "SERVICE", "SELECT"):
                raise Unbounded(value)
        self.group()
        for kind, value in self.toks[self.i :]:  # solution modifiers only
            if value == "{" or (kind == "word" and value.upper() in ("VALUES", "SELECT")):
                raise Unbounded("a pattern after the WHERE clause")
        return self.found

    def prologue(self) -> None:
        while self.peek()[0] == "word" and self.peek()[1].upper() in ("BASE", "PREFIX"):
            if self.take()[1].upper() == "BASE":
                self.base = urljoin(self.base, self.take()[1][1:-1])
            else:
                name = self.take()[1].rstrip(":")
                self.prefixes[name] = urljoin(self.base, self.take()[1][1:-1])

    def describe(self) -> list[Pattern]:
        """DESCRIBE of named resources only: bounded by the triples about each."""
        while self.peek()[0] != "end":
            term = self.term(self.take())
            if term is None:
                raise Unbounded("DESCRIBE of a variable")
            self.found.append((term, None, None))
        return self.found

    def group(self) -> None:
        """Read a { ... } group of patterns."""
        if self.take()[1] != "{":
            raise Unbounded("a group without its brace")
        while True:
            kind, value = self.peek()
            upper = value.upper() if kind == "word" else ""
            if value == "}":
                self.i += 1
                return
            if value == "{":
                self.group()
            elif value == "." or upper == "UNION":
                self.i += 1
            elif upper in GROUP_WORDS:
                self.i += 1
                self.group()
            elif upper in SKIPPED_WORDS:
                self.i += 1
                self.skip_expression()
            elif kind == "word" and upper != "A":
                raise Unbounded(value)
            else:
                self.triples()

    def skip_expression(self) -> None:
        """Skip FILTER's or BIND's expression: a bracketed one, or a call; no pattern inside."""
        if self.peek()[0] in ("word", "pname", "iri"):
            self.i += 1  # FILTER regex(...), FILTER <function>(...)
        if self.peek()[1] != "(":
            raise Unbounded("an expression without brackets")
        depth = 0
        while True:
            kind, value = self.take()
            if value == "{" or (kind == "word" and value.upper() == "EXISTS"):
                raise Unbounded("a pattern inside an expression")
            depth += value == "("
            depth -= value == ")"
            if depth == 0:
                return

    def skip_braces(self) -> None:
        depth = 0
        while True:
            value = self.take()[1]
            depth += value == "{"
            depth -= value == "}"
            if depth == 0:
                return

    def triples(self) -> None:
        """Read a subject and its property list (with ; and ,) up to '.' or '}'."""
        subject = self.term(self.take())
        while True:
            verb = self.verb()
            while True:
                self.found.append((subject, verb, self.term(self.take())))
                if self.peek()[1] != ",":
                    break
                self.i += 1
            if self.peek()[1] != ";":
                break
            while self.peek()[1] == ";":
                self.i += 1
            if self.peek()[1] in (".", "}"):
                break

    def verb(self) -> Term:
        kind, value = self.take()
        term = RDF_TYPE if kind == "word" and value == "a" else self.term((kind, value))
        if self.peek()[1] in PATH_MARKS:
            raise Unbounded("a property path")
        return term

    def term(self, tok: tuple[str, str]) -> Term:
        """Return the term a token names (None for a variable); Unbounded for anything else."""
        kind, value = tok
        if kind == "var":
            return None
        if kind == "iri":
            iri = value[1:-1]
            if not self.base and not SCHEME.match(iri):
                raise Unbounded("a relative IRI")
            return ox.NamedNode(urljoin(self.base, iri) if self.base else iri)
        if kind == "pname":
            prefix, _, local = value.partition(":")
            if prefix not in self.prefixes or "\\" in local or local.endswith("."):
                raise Unbounded(f"the name {value}")
            return ox.NamedNode(self.prefixes[prefix] + local)
        if kind == "string":
            return self.literal(value)
        raise Unbounded(f"the term {value}")

    def literal(self, value: str) -> ox.Literal | None:
        """Return a plain or language-tagged literal; a typed or escaped one stays open (None)."""
        quotes = 3 if value[:3] in ('"""', "'''") else 1
        lexical = value[quotes:-quotes]
        if self.peek()[1] == "@":
            self.i += 1
            language = self.take()[1]
            while self.peek()[1] == "-":  # en-GB: '-' and 'GB' are tokens of their own
                self.i += 1
                language += "-" + self.take()[1]
            return None if "\\" in lexical else ox.Literal(lexical, language=language)
        if self.peek()[1] == "^":  # ^^datatype: counted as any literal there
            self.take()
            self.take()
            self.take()
            return None
        return None if "\\" in lexical else ox.Literal(lexical)
