"""Collect what the rules find in one document: claims, and the reference entities they use."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..claims.evidence import Claim
from ..ingest.corpus import Document
from ..reading.gazetteer import Entity

Span = tuple[int, int]  # document offsets of a phrase: [start, end)
Object = URIRef | Literal  # what a claim's object may be
# What state() takes about a subject: (predicate, object) stated by the subject's phrase, or
# (predicate, object, span) with a phrase of its own; a None object states nothing.
Statement = tuple[URIRef, Object | None] | tuple[URIRef, Object | None, Span]


@dataclass
class DocumentFacts:
    """The claims found in one document so far, and the reference entities they point at.

    Rules add claims here and never see a graph: claims.write_claims() makes the graph.
    """

    doc: Document
    claims: list[Claim] = field(default_factory=list)
    entities: dict[URIRef, Entity] = field(default_factory=dict)  # the reference entities used
    labels: dict[URIRef, str] = field(default_factory=dict)  # subject -> its one English label

    def use(self, entity: Entity) -> URIRef:
        """Note that a fact points at an entity: one of the reference data (state, place,
        organisation), described there; or one a document names that the data lacks, whose
        kind, name and acronym the words that name it state."""
        if entity.phrase is None:
            self.entities[entity.iri] = entity
        elif entity.iri not in self.labels:
            rule = "names.recognised"
            self.claim(entity.iri, RDF.type, entity.cls, entity.phrase, rule)
            self.labels[entity.iri] = entity.label
            name = Literal(entity.label, lang="en")
            self.claim(entity.iri, RDFS.label, name, entity.phrase, rule)
            if entity.acronym:
                alias = Literal(entity.acronym, lang="en")
                self.claim(entity.iri, SKOS.altLabel, alias, entity.phrase, rule)
        return entity.iri

    def claim(
        self, subject: URIRef, predicate: URIRef, obj: Object, span: Span, rule: str
    ) -> Claim:
        """Add the claim that the phrase at span states (subject, predicate, object)."""
        found = Claim(subject, predicate, obj, span[0], span[1], rule)
        self.claims.append(found)
        return found

    def state(
        self,
        subject: URIRef,
        pairs: Iterable[Statement],
        span: Span,
        rule: str,
        cls: URIRef | None = None,
        label: str | None = None,
    ) -> URIRef:
        """Claim facts about a subject: (predicate, object) pairs stated by the phrase at span,
        or (predicate, object, span) triples each with a phrase of its own; its class and its
        label (the first one given for a subject is its label) come from the phrase at span."""
        if cls is not None:
            self.claim(subject, RDF.type, cls, span, rule)
        if label is not None and self.labels.setdefault(subject, label) == label:
            self.claim(subject, RDFS.label, Literal(label, lang="en"), span, rule)
        for pair in pairs:
            p, o, *own = pair
            if o is not None:
                self.claim(subject, p, o, own[0] if own else span, rule)
        return subject
