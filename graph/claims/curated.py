"""Load curated facts: statements a person wrote down, each tied to an exact quote, as claims."""

from collections import defaultdict
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .. import iris
from ..errors import InputError
from ..ingest.corpus import Document
from ..reading.sentences import sentences
from ..vocab import DKG
from .evidence import Claim, Sentences, write_claims

CURATED_FILE = "curated.ttl"


def _locate(
    path: Path, doc: Document, quote: str, start: Node | None, end: Node | None
) -> tuple[int, int]:
    """Find where the quote stands; check given offsets, or find the quote's only occurrence."""
    if start is not None and end is not None:
        s, e = int(str(start)), int(str(end))  # the lexical forms (rdflib terms are strings)
        if doc.text[s:e] != quote:
            raise InputError(
                f"{path}: the quote {quote!r} is not the text of {doc.doc_id} at {s}-{e} "
                f"(the text there is {doc.text[s:e]!r})"
            )
        return s, e
    first = doc.text.find(quote)
    if first < 0:
        raise InputError(f"{path}: the quote {quote!r} does not occur in {doc.doc_id}")
    if doc.text.find(quote, first + 1) >= 0:
        raise InputError(
            f"{path}: the quote {quote!r} occurs more than once in {doc.doc_id}; "
            "give dkg:start and dkg:end"
        )
    return first, first + len(quote)


def load_curated(seeds: Path, docs: list[Document]) -> dict[str, Graph]:
    """Return curated facts per document id as claims, their quotes checked against the text.

    A curated subject's every triple becomes a claim of each document its evidence quotes,
    with that quote as the phrase and dkg:curated true.
    """
    path = seeds / CURATED_FILE
    if not path.exists():
        return {}
    try:
        src = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"{path}: malformed Turtle: {exc}") from None
    by_iri = {iris.document(d.doc_id): d for d in docs}
    claims: dict[str, list[Claim]] = defaultdict(list)
    quoted: set[Node] = set()
    for subject, ev in src.subject_objects(DKG.evidence):
        source = src.value(ev, DKG.source)
        quote = src.value(ev, DKG.quote)
        if not isinstance(source, URIRef) or source not in by_iri:
            raise InputError(f"{path}: evidence of {subject} names unknown document {source}")
        if not isinstance(quote, Literal) or not str(quote):
            raise InputError(f"{path}: evidence of {subject} has no dkg:quote")
        doc = by_iri[source]
        s, e = _locate(path, doc, str(quote), src.value(ev, DKG.start), src.value(ev, DKG.end))
        quoted.add(ev)
        for p, o in src.predicate_objects(subject):
            if p == DKG.evidence:
                continue
            # A blank node would get another label at each parse: no stable claim could name it.
            if not (
                isinstance(subject, URIRef)
                and isinstance(p, URIRef)
                and isinstance(o, URIRef | Literal)
            ):
                raise InputError(
                    f"{path}: {subject.n3()} {p.n3()} {o.n3()}: a curated fact is written with "
                    "IRIs and literals, not blank nodes"
                )
            claims[doc.doc_id].append(Claim(subject, p, o, s, e, "curated", curated=True))
    stated = {s for s, _ in src.subject_objects(DKG.evidence)}
    for subject in set(src.subjects()) - stated - quoted:
        if isinstance(subject, BNode | URIRef):
            raise InputError(f"{path}: {subject} has no dkg:evidence; every curated fact needs one")
    by_id = {d.doc_id: d for d in docs}
    out = {}
    for doc_id, found in claims.items():
        doc = by_id[doc_id]
        spans = Sentences((x.start, x.end) for x in sentences(doc.text))
        out[doc_id] = write_claims(doc, found, spans)
    return out
