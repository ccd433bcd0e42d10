"""Declare the project's prefixes a query uses without declaring them (as WDQS does)."""

from diplokg.graph.terms import PREFIXES

from .query_policy import tokens


def missing(text: str) -> list[tuple[str, str]]:
    """Return (prefix, namespace) for each known prefix the query uses but does not declare."""
    toks = tokens(text)
    declared, used = set(), []
    for i, (kind, word) in enumerate(toks):
        if kind != "pname":
            continue
        name = word.split(":", 1)[0]
        if i > 0 and toks[i - 1][0] == "word" and toks[i - 1][1].upper() == "PREFIX":
            declared.add(name)
        elif name not in used:
            used.append(name)
    return [(name, PREFIXES[name]) for name in used if name not in declared and name in PREFIXES]


def declare(text: str) -> tuple[str, list[str]]:
    """Return the query with the missing declarations first, and the prefixes added."""
    found = missing(text)
    if not found:
        return text, []
    lines = "".join(f"PREFIX {name}: <{namespace}>\n" for name, namespace in found)
    return lines + text, [name for name, _ in found]
