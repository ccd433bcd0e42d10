"""Claims: each asserted triple with the phrase of the document that states it.

Rules return Claim values (subject, predicate, object, the phrase's offsets, the rule's name);
they never touch a graph. One writer, write_claims(), turns a document's claims into its
asserted triples plus, for each triple, a dkg:Claim in the RDF reification vocabulary with its
dkg:Evidence (source, start, end, quote, and the sentence around the phrase).
"""

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .. import iris
from ..ingest.corpus import Document
from ..terms import canonical_decimal
from ..vocab import DKG

# What may stand at the edges of a phrase without being part of what it says.
EDGES = " \t\r\n,;:.!?\u00a0"


@dataclass(frozen=True)
class Claim:
    """One triple a document states, and where: the phrase's document offsets and the rule."""

    subject: URIRef
    predicate: URIRef
    object: URIRef | Literal
    start: int
    end: int
    rule: str
    curated: bool = False

    @property
    def triple(self) -> tuple[URIRef, URIRef, URIRef | Literal]:
        return (self.subject, self.predicate, self.object)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it starts and ends with a word, not a space or a comma."""
    while True:
        while start < end and text[start] in EDGES:
            start += 1
        while end > start and text[end - 1] in EDGES:
            end -= 1
        inside = text[start:end]
        # A bracket or quote mark belongs to the phrase only with its partner inside it too.
        if inside.endswith(")") and inside.count(")") > inside.count("("):
            end -= 1
        elif inside.startswith("(") and inside.count("(") > inside.count(")"):
            start += 1
        elif inside[-1:] in ('"', "\u201d") and (
            inside.count('"') % 2 or inside.count("\u201d") > inside.count("\u201c")
        ):
            end -= 1
        elif inside[:1] in ('"', "\u201c") and (
            inside.count('"') % 2 or inside.count("\u201c") > inside.count("\u201d")
        ):
            start += 1
        else:
            return start, end


class Sentences:
    """Find the sentence that holds a span, by the sentences' start offsets."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the sentence span holding [start, end), or None if it crosses sentences."""
        k = bisect.bisect_right(self.starts, start) - 1
        if k < 0:
            return None
        s, e = self.spans[k]
        return (s, e) if end <= e else None


def _span(g: Graph, doc: Document, start: int, end: int) -> URIRef:
    """Add the evidence node of a span of the document (once) and return it."""
    node = iris.evidence(doc.doc_id, start, end)
    if (node, RDF.type, DKG.Evidence) not in g:
        g.add((node, RDF.type, DKG.Evidence))
        g.add((node, DKG.source, iris.document(doc.doc_id)))
        g.add((node, DKG.start, Literal(start, datatype=XSD.integer)))
        g.add((node, DKG.end, Literal(end, datatype=XSD.integer)))
        g.add((node, DKG.quote, Literal(doc.text[start:end])))
    return node


def write_claims(doc: Document, claims: Iterable[Claim], sentences: Sentences) -> Graph:
    """Return the document's asserted triples, each with its claim and evidence."""
    g = Graph(store="SimpleMemory")
    for c in dict.fromkeys(claims):
        start, end = trim(doc.text, c.start, c.end)
        if not 0 <= start < end <= len(doc.text):
            raise ValueError(f"{doc.doc_id}: rule {c.rule} gave an empty phrase for {c.triple}")
        obj = c.object
        if isinstance(obj, Literal) and obj.datatype == XSD.decimal:
            obj = canonical_decimal(obj)  # one lexical form per value, in every dump
        triple = (c.subject, c.predicate, obj)
        g.add(triple)
        node = iris.claim(doc.doc_id, triple)
        g.add((node, RDF.type, DKG.Claim))
        g.add((node, RDF.subject, c.subject))
        g.add((node, RDF.predicate, c.predicate))
        g.add((node, RDF.object, obj))
        g.add((node, DKG.extractionRule, Literal(c.rule)))
        if c.curated:
            g.add((node, DKG.curated, Literal(True)))
        evidence = _span(g, doc, start, end)
        g.add((node, DKG.evidence, evidence))
        sentence = sentences.around(start, end)
        if sentence is not None and sentence != (start, end):
            g.add((evidence, DKG.sentence, _span(g, doc, *sentence)))
    return g


PROVENANCE = (DKG.Claim, DKG.Evidence)


def facts_of(g: Graph, skeleton: bool = False) -> Graph:
    """Return a document graph's facts, without its claims, passages and the document's text.

    With skeleton, one claim of each subject keeps its type and rdf:subject: enough for the
    shapes of the union to see that a thing has a claim (the claims themselves are checked
    per document, with ontology/document-shapes.ttl).
    """
    provenance = {s for cls in PROVENANCE for s in g.subjects(RDF.type, cls)}
    out = Graph(store="SimpleMemory")
    claimed: set[Node] = set()
    for triple in g:
        s, p, o = triple
        if s not in provenance:
            if p != DKG.text:
                out.add(triple)
        elif skeleton and p == RDF.subject and o not in claimed:
            claimed.add(o)
            out.add(triple)
            out.add((s, RDF.type, DKG.Claim))
    return out
