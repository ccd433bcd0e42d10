"""Record one document's facts, each tied to the span of text it comes from."""

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from . import iris
from .ingest import Document
from .vocab import DKG


@dataclass
class DocumentFacts:
    """The asserted graph of one document, and the reference entities it points at."""

    doc: Document
    graph: Graph = field(default_factory=Graph)
    entities: dict = field(default_factory=dict)  # IRI -> gazetteer Entity

    def use(self, entity) -> URIRef:
        """Note that a fact points at a reference entity (state, place, organisation)."""
        self.entities[entity.iri] = entity
        return entity.iri

    def evidence(self, start: int, end: int, rule: str) -> URIRef:
        """Return the evidence node of a span of the document, creating it once."""
        node = iris.evidence(self.doc.doc_id, start, end)
        g = self.graph
        if (node, RDF.type, DKG.Evidence) not in g:
            g.add((node, RDF.type, DKG.Evidence))
            g.add((node, DKG.source, iris.document(self.doc.doc_id)))
            g.add((node, DKG.quote, Literal(self.doc.text[start:end])))
            g.add((node, DKG.start, Literal(start, datatype=XSD.integer)))
            g.add((node, DKG.end, Literal(end, datatype=XSD.integer)))
        g.add((node, DKG.extractionRule, Literal(rule)))
        return node

    def state(
        self,
        subject: URIRef,
        pairs,
        span: tuple[int, int],
        rule: str,
        cls: URIRef | None = None,
        label: str | None = None,
    ) -> URIRef:
        """Assert facts about a subject (predicate-object pairs) with the span that says them."""
        g = self.graph
        if cls is not None:
            g.add((subject, RDF.type, cls))
        if label is not None and g.value(subject, RDFS.label) is None:
            g.add((subject, RDFS.label, Literal(label, lang="en")))
        for p, o in pairs:
            if o is not None:
                g.add((subject, p, o))
        g.add((subject, DKG.evidence, self.evidence(span[0], span[1], rule)))
        return subject
