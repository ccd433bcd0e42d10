"""Turn one document into its asserted graph: the document's description and its facts."""

from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from .. import iris
from ..claims.evidence import Sentences, write_claims
from ..ingest.corpus import Document
from ..reading.gazetteer import Entity
from ..reading.sentences import sentences
from ..vocab import DKG, SCHEMA, WD
from .facts import DocumentFacts

DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


@dataclass
class Extraction:
    """What one document yields: its asserted graph and the reference entities it points at."""

    graph: Graph
    entities: dict[URIRef, Entity]


def date_literal(value: str) -> Literal:
    """Type a date at the precision it is written in: YYYY, YYYY-MM or YYYY-MM-DD."""
    return Literal(value, datatype=DATE_TYPES[len(value)])


def describe_document(doc: Document) -> Graph:
    """Describe a source document: title, publisher, language, date, checksum, its text."""
    g = Graph(store="SimpleMemory")
    node = iris.document(doc.doc_id)
    g.add((node, RDF.type, DKG.SourceDocument))
    g.add((node, RDFS.label, Literal(doc.title, lang=doc.language)))
    g.add((node, DCTERMS.title, Literal(doc.title, lang=doc.language)))
    g.add((node, DCTERMS.publisher, Literal(doc.publisher)))
    g.add((node, DCTERMS.language, Literal(doc.language)))
    g.add((node, DKG.sha256, Literal(doc.sha256)))
    g.add((node, DKG.text, Literal(doc.text)))
    if doc.url:
        g.add((node, SCHEMA.url, URIRef(doc.url)))
    if doc.retrieved:
        g.add((node, DKG.retrieved, Literal(doc.retrieved, datatype=XSD.date)))
    if doc.wikidata:
        g.add((node, SKOS.exactMatch, WD[doc.wikidata]))
    if doc.date:
        g.add((node, DCTERMS.date, date_literal(doc.date)))
    return g


def extract(doc: Document) -> Extraction:
    """Read a document with every rule; return its asserted graph and the entities it uses."""
    from ..reading.mentions import document_context, find_mentions
    from ..reading.names import organisation_names, without_covered
    from ..reading.pipeline import parse
    from .rules import Reading, all_rules

    facts = DocumentFacts(doc)
    graph = describe_document(doc)
    context = document_context(doc.text, doc.on_behalf_of)
    if context.speaker is not None:  # from the metadata: a fact about the document, no claim
        graph.add((iris.document(doc.doc_id), DKG.onBehalfOf, facts.use(context.speaker)))
    found = sentences(doc.text)
    parsed = parse(doc.text, found)
    mentions = [find_mentions(doc.text, s.start, s.end, context) for s in found]
    known: dict[str, Entity] = {}  # organisations the document names that the reference data lacks
    bodies = [
        organisation_names(doc.text, parsed, s.start, s.end, named, known)
        for s, named in zip(found, mentions, strict=True)
    ]
    mentions = [without_covered(named, b) for named, b in zip(mentions, bodies, strict=True)]
    reading = Reading(doc, found, mentions, context, facts, parsed, bodies)
    for rule in all_rules():
        for i in range(len(found)):
            facts.claims.extend(rule(reading, i) or ())
    graph += write_claims(doc, facts.claims, Sentences((s.start, s.end) for s in found))
    return Extraction(graph, facts.entities)
