"""Turn one document into its asserted graph: the document's description and its facts."""

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

from . import iris
from .ingest import Document
from .vocab import DKG

DATE_TYPES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}


def date_literal(value: str) -> Literal:
    """Type a date at the precision it is written in: YYYY, YYYY-MM or YYYY-MM-DD."""
    return Literal(value, datatype=DATE_TYPES[len(value)])


def describe_document(doc: Document) -> Graph:
    """Describe a source document: title, publisher, language, date, checksum."""
    g = Graph()
    node = iris.document(doc.doc_id)
    g.add((node, RDF.type, DKG.SourceDocument))
    g.add((node, RDFS.label, Literal(doc.title, lang=doc.language)))
    g.add((node, DCTERMS.title, Literal(doc.title, lang=doc.language)))
    g.add((node, DCTERMS.publisher, Literal(doc.publisher)))
    g.add((node, DCTERMS.language, Literal(doc.language)))
    g.add((node, DKG.sha256, Literal(doc.sha256)))
    if doc.date:
        g.add((node, DCTERMS.date, date_literal(doc.date)))
    return g


def extract(doc: Document) -> Graph:
    """Return the asserted graph of one document (facts by rule come with their evidence)."""
    return describe_document(doc)
