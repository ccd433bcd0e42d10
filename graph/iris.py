"""Mint the IRIs of entities, documents, evidence and named graphs under one base."""

import hashlib
import os
import re
import unicodedata

from rdflib import URIRef
from rdflib.term import Node

DEFAULT_BASE = "https://w3id.org/diplokg/"
BASE_ENV = "DIPLOKG_BASE_IRI"


def base() -> str:
    """Return the IRI base: $DIPLOKG_BASE_IRI or the published default, always ending in '/'."""
    value = os.environ.get(BASE_ENV, DEFAULT_BASE)
    return value if value.endswith("/") else value + "/"


# Letters that Unicode does not decompose into a base letter and an accent.
TRANSLITERATION = str.maketrans(
    {"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ð": "d",
     "Ð": "D", "þ": "th", "Þ": "Th", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "\u0131": "i"}
)  # fmt: skip


def slugify(text: str) -> str:
    """Turn a name into a stable slug: ASCII, lower case, words joined by '-'."""
    plain = unicodedata.normalize("NFKD", text.translate(TRANSLITERATION))
    ascii_text = plain.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"


def entity(kind: str, slug: str) -> URIRef:
    """Return the IRI of an entity: <base>id/<kind>/<slug>."""
    return URIRef(f"{base()}id/{kind}/{slug}")


def document(doc_id: str) -> URIRef:
    """Return the IRI of a source document."""
    return entity("document", doc_id)


def evidence(doc_id: str, start: int, end: int) -> URIRef:
    """Return the IRI of a span of a document; the same span always gets the same IRI."""
    return entity("evidence", f"{doc_id}-{start}-{end}")


def claim(doc_id: str, triple: tuple[Node, Node, Node]) -> URIRef:
    """Return the IRI of one document's claim of a triple: stable while the triple is."""
    key = " ".join(term.n3() for term in triple)
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    return entity("claim", f"{doc_id}-{digest}")


def graph(name: str) -> URIRef:
    """Return the IRI of a named graph: <base>graph/<name>."""
    return URIRef(f"{base()}graph/{name}")


def document_graph(doc_id: str) -> URIRef:
    """Return the IRI of the named graph that holds one document's facts and evidence."""
    return graph(f"document/{doc_id}")
