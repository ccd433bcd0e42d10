"""Add the gzip variants of the dump files and an index of every dump's size and triple count."""

import gzip
import json
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError

INDEX = "dumps.json"
# Dump file -> format name, media type, pyoxigraph format, what it holds.
DUMPS = {
    "diplokg.ttl": ("Turtle", "text/turtle", ox.RdfFormat.TURTLE, "the union of all graphs"),
    "diplokg.nt": (
        "N-Triples",
        "application/n-triples",
        ox.RdfFormat.N_TRIPLES,
        "the union of all graphs",
    ),
    "diplokg.jsonld": (
        "JSON-LD",
        "application/ld+json",
        ox.RdfFormat.JSON_LD,
        "the union of all graphs, compacted with the project's @context",
    ),
    "diplokg.trig": ("TriG", "application/trig", ox.RdfFormat.TRIG, "every named graph"),
    "diplokg.nq": ("N-Quads", "application/n-quads", ox.RdfFormat.N_QUADS, "every named graph"),
}
EXPORT_FORMATS = {name.rsplit(".", 1)[-1]: name for name in DUMPS}  # ttl -> diplokg.ttl


def compress(data: bytes) -> bytes:
    """Gzip bytes deterministically: no time stamp and no file name in the header.

    Level 6, gzip's own default: level 9 took twice as long for dumps 2% smaller.
    """
    return gzip.compress(data, compresslevel=6, mtime=0)


def count_statements(data: bytes, fmt: ox.RdfFormat) -> int:
    """Count the triples (or quads) a dump holds: its lines for N-Triples and N-Quads (one
    statement a line, as pyoxigraph writes them), else by parsing it back."""
    if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        return data.count(b"\n")
    return sum(1 for _ in ox.parse(data, format=fmt))


def with_dump_extras(files: dict[str, bytes]) -> dict[str, bytes]:
    """Return the files plus each dump's .gz twin and the index (dumps.json) of all of them."""
    out = dict(files)
    index = {}
    for name, (label, media_type, fmt, holds) in DUMPS.items():
        if name not in files:
            continue
        data = files[name]
        packed = compress(data)
        out[name + ".gz"] = packed
        quads = fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
        # The Turtle and JSON-LD dumps hold the N-Triples dump's triples, the TriG dump the
        # N-Quads dump's quads (dataset.serialize writes each from the same statements).
        twin = "diplokg.nq" if quads else "diplokg.nt"
        counted = twin if twin in files else name
        statements = count_statements(files[counted], DUMPS[counted][2])
        entry = {"format": label, "media_type": media_type, "holds": holds}
        entry["quads" if quads else "triples"] = statements
        index[name] = {**entry, "bytes": len(data)}
        index[name + ".gz"] = {**entry, "bytes": len(packed), "encoding": "gzip"}
    out[INDEX] = (json.dumps(index, indent=1, sort_keys=True) + "\n").encode()
    return out


def read_index(release: Path) -> dict:
    """Read a release's dump index; an older release without one gets sizes only."""
    path = release / INDEX
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return {
        name: {"format": label, "media_type": media_type, "holds": holds,
               "bytes": (release / name).stat().st_size}
        for name, (label, media_type, _, holds) in DUMPS.items()
        if (release / name).is_file()
    }  # fmt: skip


def export_dump(release: Path, fmt: str, gzipped: bool) -> bytes:
    """Return the bytes of one published dump, by format name (ttl, nt, jsonld, trig, nq)."""
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"--dump {fmt}: no such dump; use one of {', '.join(EXPORT_FORMATS)}")
    name = EXPORT_FORMATS[fmt] + (".gz" if gzipped else "")
    path = release / name
    if path.is_file():
        return path.read_bytes()
    # A release built before the gzip twins existed still exports them.
    data = (release / EXPORT_FORMATS[fmt]).read_bytes()
    return compress(data) if gzipped else data
