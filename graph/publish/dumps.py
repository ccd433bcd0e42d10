"""Add the gzip variants of the dump files and an index of every dump's size and triple count."""

import gzip
import json
import zlib
from pathlib import Path
from typing import Any, NamedTuple

import pyoxigraph as ox

from ..errors import InputError

INDEX = "dumps.json"


class Dump(NamedTuple):
    """A dump file's format name, media type, pyoxigraph format, and what it holds."""

    label: str
    media_type: str
    format: ox.RdfFormat
    holds: str


# A release's files: name -> its bytes, or the path of a file written aside (a large dump).
Files = dict[str, bytes | Path]
DUMPS = {
    "diplokg.ttl": Dump("Turtle", "text/turtle", ox.RdfFormat.TURTLE, "the union of all graphs"),
    "diplokg.nt": Dump(
        "N-Triples",
        "application/n-triples",
        ox.RdfFormat.N_TRIPLES,
        "the union of all graphs",
    ),
    "diplokg.jsonld": Dump(
        "JSON-LD",
        "application/ld+json",
        ox.RdfFormat.JSON_LD,
        "the union of all graphs, compacted with the project's @context",
    ),
    "diplokg.trig": Dump("TriG", "application/trig", ox.RdfFormat.TRIG, "every named graph"),
    "diplokg.nq": Dump("N-Quads", "application/n-quads", ox.RdfFormat.N_QUADS, "every named graph"),
}
EXPORT_FORMATS = {name.rsplit(".", 1)[-1]: name for name in DUMPS}  # ttl -> diplokg.ttl


def compress(data: bytes) -> bytes:
    """Gzip bytes deterministically: no time stamp and no file name in the header.

    Level 6, gzip's own default: level 9 took twice as long for dumps 2% smaller.
    """
    return gzip.compress(data, compresslevel=6, mtime=0)


CHUNK = 1 << 20


def compress_file(source: Path, target: Path) -> None:
    """Gzip a file as compress() does its bytes (the same bytes: zlib writes the gzip header
    and trailer, with no time stamp), a chunk at a time."""
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    with open(source, "rb") as src, open(target, "wb") as out:
        while chunk := src.read(CHUNK):
            out.write(packer.compress(chunk))
        out.write(packer.flush())


def count_statements(data: "bytes | Path", fmt: ox.RdfFormat) -> int:
    """Count the triples (or quads) a dump holds: its lines for N-Triples and N-Quads (one
    statement a line, as pyoxigraph writes them), else by parsing it back. data is the
    dump's bytes or its file."""
    if fmt in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS):
        if isinstance(data, bytes):
            return data.count(b"\n")
        with open(data, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(CHUNK), b""))
    if isinstance(data, bytes):
        return sum(1 for _ in ox.parse(data, format=fmt))
    return sum(1 for _ in ox.parse(path=data, format=fmt))


def size(data: "bytes | Path") -> int:
    return len(data) if isinstance(data, bytes) else data.stat().st_size


def with_dump_extras(files: Files, folder: Path | None = None) -> Files:
    """Return the files plus each dump's .gz twin and the index (dumps.json) of all of them.

    A file given as its bytes gets its twin as bytes; a file given as a path (written aside,
    too large to hold) gets its twin written into folder, a chunk at a time.
    """
    out = dict(files)
    index: dict[str, dict[str, object]] = {}
    for name, (label, media_type, fmt, holds) in DUMPS.items():
        if name not in files:
            continue
        data = files[name]
        packed: bytes | Path
        if isinstance(data, bytes):
            packed = compress(data)
        elif folder is None:
            raise ValueError(f"{data}: a dump written aside needs a folder for its gzip twin")
        else:
            packed = folder / (name + ".gz")
            compress_file(data, packed)
        out[name + ".gz"] = packed
        quads = fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS)
        # The Turtle and JSON-LD dumps hold the N-Triples dump's triples, the TriG dump the
        # N-Quads dump's quads (dataset.serialize writes each from the same statements).
        twin = "diplokg.nq" if quads else "diplokg.nt"
        counted = twin if twin in files else name
        statements = count_statements(files[counted], DUMPS[counted].format)
        entry: dict[str, object] = {"format": label, "media_type": media_type, "holds": holds}
        entry["quads" if quads else "triples"] = statements
        index[name] = {**entry, "bytes": size(data)}
        index[name + ".gz"] = {**entry, "bytes": size(packed), "encoding": "gzip"}
    out[INDEX] = (json.dumps(index, indent=1, sort_keys=True) + "\n").encode()
    return out


def read_index(release: Path) -> dict[str, dict[str, Any]]:
    """Read a release's dump index (parsed JSON); an older release without one gets sizes only."""
    path = release / INDEX
    if path.is_file():
        index: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        return index
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
