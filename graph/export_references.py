"""The Wikidata reference properties a QuickStatements export may use, from a checked table."""

import re
from pathlib import Path

from .errors import InputError
from .resources import ONTOLOGY_DIR

REFERENCE_PROPERTIES = ONTOLOGY_DIR / "wikidata-reference-properties.tsv"
# What each role cites: the source document's title, and the quote that states the fact.
ROLES = ("title", "quote")
PID = re.compile(r"P[1-9][0-9]*")


def reference_properties(path: Path | None = None) -> dict[str, str]:
    """Return role -> checked property ID; raise InputError naming the file and line if bad."""
    path = path or REFERENCE_PROPERTIES
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the reference properties: {exc}") from None
    found: dict[str, str] = {}
    rows = [(n, line) for n, line in enumerate(lines, 1) if line and not line.startswith("#")]
    for number, line in rows[1:] if rows and rows[0][1].startswith("role\t") else rows:
        cells = line.split("\t")
        where = f"{path}:{number}"
        if len(cells) != 3 or not all(c.strip() for c in cells):
            raise InputError(f"{where}: expected role, property and source, tab-separated")
        role, pid, _source = (c.strip() for c in cells)
        if role not in ROLES:
            raise InputError(f"{where}: unknown role {role!r}; use one of {', '.join(ROLES)}")
        if not PID.fullmatch(pid):
            raise InputError(
                f"{where}: {pid!r} is not a Wikidata property ID (P followed by digits)"
            )
        if role in found:
            raise InputError(f"{where}: a second row for the role {role!r}")
        found[role] = pid
    return found


def monolingual(text: str, language: str) -> str | None:
    """Return text as a QuickStatements monolingual value, or None if V1 cannot carry it.

    Version 1 has no escape for a double quote, a tab or a line break inside a string.
    """
    if not text or not language or re.search(r'["\t\r\n]', text):
        return None
    return f'{language}:"{text}"'
