"""Turn the SPARQL parser's messages into one short line: where, and what was expected.

pyoxigraph's parser says "error at 1:34: expected one of Prefix not found, ['%'], ['-' | '0'
..= '9' | '\\u{00B7}' ...]": the grammar's character classes, 500 characters of Unicode ranges
for an undeclared prefix. People need the line, the column and the words that could come next;
an undeclared prefix of ours is named with the declaration to add.
"""

import re

from ..errors import QueryError

AT = re.compile(r"^error at (\d+):(\d+): expected (?:one of )?(.*)$", re.S)
# An item of the 'expected' list: a quoted token, a character class, or a word or phrase.
ITEM = re.compile(r'"(?:[^"\\]|\\.)*"|\[(?:[^\]\\]|\\.)*\]|[^,\[\]"]+')
MOST = 8  # expected tokens named before "…"


class QuerySyntaxError(QueryError):
    """A query the parser refused; position is the (line, column) its message names, if any."""

    position: tuple[int, int] | None = None


def position(message: str) -> tuple[int, int] | None:
    """Return the (line, column) a parser message names, if it names one."""
    found = AT.match(message) or re.search(r"at (\d+):(\d+)", message)
    return (int(found.group(1)), int(found.group(2))) if found else None


def shorten(message: str, query: str | None = None) -> str:
    """Return the parser's message in one line: line, column, and what was expected."""
    found = AT.match(message.strip())
    if found is None:
        return " ".join(message.split())
    line, column, expected = int(found.group(1)), int(found.group(2)), found.group(3)
    where = f"line {line}, column {column}"
    items = [i.strip() for i in ITEM.findall(expected) if i.strip()]
    if "Prefix not found" in items:
        name = _prefix_before(query, line, column) if query else None
        if name is not None:
            # Imported here: the query workers never load rdflib (15 MB of RSS each) for it.
            from ..terms import PREFIXES

            known = PREFIXES.get(name)
            add = f"; add PREFIX {name}: <{known}>" if known else ""
            add = add or f"; declare it with PREFIX {name}: <IRI>"
            return f"{where}: the prefix {name}: is not declared{add}"
        return f"{where}: a prefix is not declared; declare it with PREFIX name: <IRI>"
    if "IRI parsing failed" in items:
        return f"{where}: not a valid IRI (an IRI has no spaces, quotes or angle brackets)"
    term = _term_wanted({i[1:-1] for i in items if i.startswith('"')})
    if term:
        keywords = [i for i in items if re.fullmatch(r"[A-Z][A-Z ]+", i)]
        more = " or " + ", ".join(keywords[:MOST]) if keywords else ""
        return f"{where}: expected {term}{more}"
    words = []
    for item in items:
        word = _word(item)
        if word and word not in words:
            words.append(word)
    if not words:
        return f"{where}: unexpected text"
    shown = ", ".join(words[:MOST]) + (", …" if len(words) > MOST else "")
    return f"{where}: expected {shown}"


def _term_wanted(tokens: set[str]) -> str | None:
    """Say in words what the parser waits for where it lists every first character of a term
    ('$', '?', '<', '"', '(', '[', '_:' …): a subject, predicate or object."""
    if not ({"?", "$"} & tokens and "<" in tokens):
        return None
    if {'"', "'", "_:", "true"} & tokens:
        return "a term: a variable, an IRI, a prefixed name, a literal or a blank node"
    return "a variable, an IRI or a prefixed name"


def _word(item: str) -> str | None:
    """Say an expected item in words: a keyword as it is, a character class by what it holds."""
    if item.startswith("["):
        if item == "[_]":  # any character: says nothing
            return None
        if "'0' ..= '9'" in item and "'A' ..= 'Z'" not in item:
            return "a digit"
        if "'A' ..= 'Z'" in item or "'a' ..= 'z'" in item:
            return "a name"
        chars = re.findall(r"'((?:[^'\\]|\\.)+)'", item)
        return " or ".join(f"'{c}'" for c in chars[:3]) or None
    if item.startswith('"'):
        return f"'{item[1:-1]}'"
    return item


def _prefix_before(query: str, line: int, column: int) -> str | None:
    """Return the prefix name of the prefixed name that ends at or before (line, column)."""
    lines = query.split("\n")
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1][: max(column, 0)]
    names = re.findall(r"([A-Za-z][\w.-]*)?:[\w.-]*", text)
    return names[-1] if names and names[-1] else None
