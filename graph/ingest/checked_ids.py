"""Read the table of checked Wikidata IDs (ontology/wikidata-ids.tsv), the only source of links.

Documents' metadata, the linker and the exports all read it through known_qids().
"""

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

QID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class Row:
    """One checked ID of the reference table."""

    label: str
    qid: str
    kind: str
    checked_by: str


def ids_path() -> Path:
    """Return the reference table: in the checkout, or the copy installed with the package."""
    from ..resources import ONTOLOGY_DIR

    return Path(ONTOLOGY_DIR) / "wikidata-ids.tsv"


@functools.cache
def checked_ids() -> tuple[Row, ...]:
    """Read the table of checked Wikidata IDs; refuse a malformed ID or a row without a source."""
    rows = []
    with open(ids_path(), encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    for r in reader:
        row = Row(r["label"].strip(), r["qid"].strip(), r["kind"].strip(), r["checked_by"].strip())
        if not QID.fullmatch(row.qid) or not row.checked_by:
            raise ValueError(f"{ids_path()}: bad row {row}")
        rows.append(row)
    return tuple(rows)


def known_qids() -> dict[str, Row]:
    """Return the checked rows by QID."""
    return {row.qid: row for row in checked_ids()}
