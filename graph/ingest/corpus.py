"""Read the documents of a seeds folder with their metadata, refusing anything unusable."""

import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")
REQUIRED = {"title", "publisher", "language"}
OPTIONAL = {"date", "on_behalf_of", "url", "retrieved", "wikidata"}
DAY_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
URL_RE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
# Control characters other than tab, newline, carriage return and form feed do not occur in text.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Document:
    """A source document: its id (file stem), original text, metadata and checksum."""

    doc_id: str
    path: Path
    text: str
    sha256: str
    title: str
    publisher: str
    language: str
    date: str | None = None
    on_behalf_of: str | None = None
    url: str | None = None
    retrieved: str | None = None
    wikidata: str | None = None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_text(path: Path) -> tuple[str, str]:
    """Return a document's text, decoded exactly as stored, and the SHA-256 of its bytes."""
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: the document is empty; give it text or remove it")
    if b"\x00" in data:
        line = _line_of(data, data.index(b"\x00"))
        raise InputError(f"{path}:{line}: the file is binary (it holds NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        raise InputError(
            f"{path}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}); save the document as UTF-8"
        ) from None
    bad = CONTROL_RE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise InputError(
            f"{path}:{line}: the file is binary (control character "
            f"U+{ord(bad.group()):04X}), not text"
        )
    return text, hashlib.sha256(data).hexdigest()


def read_metadata(path: Path) -> dict[str, str]:
    """Parse and check a document's metadata file (TOML)."""
    if not path.exists():
        raise InputError(
            f"{path}: metadata file missing for {path.with_suffix('.txt').name}; "
            "write its title, publisher and language there"
        )
    try:
        meta = tomllib.loads(path.read_text(encoding="utf-8"))  # checked below: strings only
    except UnicodeDecodeError:
        raise InputError(f"{path}: the metadata file is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends with "(at line N, column M)".
        raise InputError(f"{path}: malformed metadata: {exc}") from None
    missing = sorted(REQUIRED - meta.keys())
    if missing:
        raise InputError(f"{path}: metadata lacks {', '.join(missing)}")
    unknown = sorted(meta.keys() - REQUIRED - OPTIONAL)
    if unknown:
        raise InputError(
            f"{path}: unknown metadata key(s) {', '.join(unknown)}; "
            f"allowed: {', '.join(sorted(REQUIRED | OPTIONAL))}"
        )
    for key, value in meta.items():
        if not isinstance(value, str) or not value.strip():
            raise InputError(f"{path}: metadata '{key}' must be a non-empty string")
    if "date" in meta and not DATE_RE.match(meta["date"]):
        raise InputError(
            f"{path}: metadata date {meta['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD; "
            "give only the precision the text states"
        )
    if "retrieved" in meta and not DAY_RE.match(meta["retrieved"]):
        raise InputError(
            f"{path}: metadata retrieved {meta['retrieved']!r} is not a day (YYYY-MM-DD): "
            "the day the text was read from its URL"
        )
    if "url" in meta and not URL_RE.match(meta["url"]):
        raise InputError(f"{path}: metadata url {meta['url']!r} is not an http(s) URL")
    if "wikidata" in meta:
        from .checked_ids import known_qids

        if meta["wikidata"] not in known_qids():
            raise InputError(
                f"{path}: metadata wikidata {meta['wikidata']!r} is not in the table of checked "
                "Wikidata IDs (ontology/wikidata-ids.tsv); add it there with its source, or "
                "leave the document without an item"
            )
    if not LANG_RE.match(meta["language"]):
        raise InputError(f"{path}: metadata language {meta['language']!r} is not a language tag")
    return meta


def read_document(path: Path) -> Document:
    """Read one document and the metadata file beside it (same name, .toml)."""
    text, digest = read_text(path)
    meta = read_metadata(path.with_suffix(".toml"))
    return Document(doc_id=path.stem, path=path, text=text, sha256=digest, **meta)


def read_corpus(seeds: Path) -> list[Document]:
    """Read every *.txt document of a seeds folder, in name order."""
    if not seeds.is_dir():
        raise InputError(f"{seeds}: no such seeds folder")
    paths = sorted(seeds.glob("*.txt"))
    if not paths:
        raise InputError(f"{seeds}: no documents (*.txt) to build from")
    for meta in sorted(seeds.glob("*.toml")):
        if not meta.with_suffix(".txt").exists():
            raise InputError(f"{meta}: metadata file without a document {meta.stem}.txt")
    return [read_document(p) for p in paths]
