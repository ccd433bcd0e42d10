"""Load curated facts: statements a person wrote down, each tied to an exact quote."""

from collections import defaultdict
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from . import iris
from .errors import InputError
from .ingest import Document
from .vocab import DKG

CURATED_FILE = "curated.ttl"


def _locate(path: Path, doc: Document, quote: str, start, end) -> tuple[int, int]:
    """Find where the quote stands; check given offsets, or find the quote's only occurrence."""
    if start is not None and end is not None:
        s, e = int(start), int(end)
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
    """Return curated facts per document id, their evidence checked against the text."""
    path = seeds / CURATED_FILE
    if not path.exists():
        return {}
    try:
        src = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"{path}: malformed Turtle: {exc}") from None
    by_iri = {iris.document(d.doc_id): d for d in docs}
    out: dict[str, Graph] = defaultdict(Graph)
    renamed: dict = {}
    evidence_of: dict = defaultdict(list)
    for subject, ev in src.subject_objects(DKG.evidence):
        source = src.value(ev, DKG.source)
        quote = src.value(ev, DKG.quote)
        if source not in by_iri:
            raise InputError(f"{path}: evidence of {subject} names unknown document {source}")
        if not isinstance(quote, Literal) or not str(quote):
            raise InputError(f"{path}: evidence of {subject} has no dkg:quote")
        doc = by_iri[source]
        s, e = _locate(path, doc, str(quote), src.value(ev, DKG.start), src.value(ev, DKG.end))
        renamed[ev] = iris.evidence(doc.doc_id, s, e)
        evidence_of[subject].append((doc.doc_id, renamed[ev], s, e, str(quote)))
    for subject in set(src.subjects()) - set(evidence_of) - set(renamed):
        if isinstance(subject, BNode | URIRef):
            raise InputError(f"{path}: {subject} has no dkg:evidence; every curated fact needs one")
    for subject, items in evidence_of.items():
        for doc_id, ev_iri, s, e, quote in items:
            g = out[doc_id]
            own = {ev for d, ev, *_ in items if d == doc_id}
            for p, o in src.predicate_objects(subject):
                if p != DKG.evidence:
                    g.add((subject, p, o))
                elif renamed[o] in own:
                    g.add((subject, p, renamed[o]))
            g.add((ev_iri, RDF.type, DKG.Evidence))
            g.add((ev_iri, DKG.source, iris.document(doc_id)))
            g.add((ev_iri, DKG.quote, Literal(quote)))
            g.add((ev_iri, DKG.start, Literal(s, datatype=XSD.integer)))
            g.add((ev_iri, DKG.end, Literal(e, datatype=XSD.integer)))
            g.add((ev_iri, DKG.curated, Literal(True)))
    return dict(out)
