"""The Wikidata reference properties the project may write, from a checked table.

ontology/wikidata-reference-properties.tsv lists them, one row each: property ID, English
label, what it holds here, and where it was checked. A reference (in the Wikidata view and in
QuickStatements) carries a source's title, URL, item or retrieval date only under a property
of that table: no property ID is written from memory.
"""

import re
from pathlib import Path

from ..errors import InputError
from ..resources import ONTOLOGY_DIR

REFERENCE_PROPERTIES = ONTOLOGY_DIR / "wikidata-reference-properties.tsv"
# What the project can say of a source, by the property that says it (each checked by the table).
USES = {
    "P248": "the document's Wikidata item",
    "P854": "the document's URL",
    "P813": "the day the document was retrieved",
    "P1476": "the document's title",
}
PID = re.compile(r"P[1-9][0-9]*")

ReferenceProperties = frozenset[str]


def reference_properties(path: Path | None = None) -> ReferenceProperties:
    """Return the checked property IDs; raise InputError naming the file and line if bad."""
    path = path or REFERENCE_PROPERTIES
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the reference properties: {exc}") from None
    found: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        where = f"{path}:{number}"
        if len(cells) != 4 or not all(cells):
            raise InputError(
                f"{where}: expected property, label, use and where it was checked, tab-separated"
            )
        pid = cells[0]
        if not PID.fullmatch(pid):
            raise InputError(f"{where}: {pid!r} is not a Wikidata property ID (P and digits)")
        if pid not in USES:
            known = ", ".join(f"{p} ({use})" for p, use in USES.items())
            raise InputError(
                f"{where}: the project has nothing to write under {pid}; it knows {known}"
            )
        if pid in found:
            raise InputError(f"{where}: a second row for {pid}")
        found.add(pid)
    return frozenset(found)


def monolingual(text: str, language: str) -> str | None:
    """Return text as a QuickStatements monolingual value, or None if V1 cannot carry it.

    Version 1 has no escape for a double quote, a tab or a line break inside a string.
    """
    if not text or not language or re.search(r'["\t\r\n]', text):
        return None
    return f'{language}:"{text}"'
