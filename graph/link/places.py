"""Describe the reference entities the facts point at: states, places, organisations.

These descriptions come from reference data (countrystatecity, ODbL; the project's tables in
graph/reference/), not from the documents, so they live in their own named graph.
"""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from .. import iris
from ..reading.lexicon import POLITY_KIND_ORDER
from ..vocab import DKG

REFERENCE = iris.entity("dataset", "reference")
SCHEMA = Namespace("https://schema.org/")

if TYPE_CHECKING:  # the gazetteer is imported where it is used
    from ..reading.gazetteer import Entity, Gazetteer


def _parent(gaz: "Gazetteer", slug: str) -> "Entity | None":
    for kind in POLITY_KIND_ORDER:
        if (entity := gaz.get(kind, slug)) is not None:
            return entity
    return None


def describe_entities(entities: Iterable["Entity"]) -> Graph:
    """Return type, label, country, containing entity and coordinates of each entity."""
    from ..reading.gazetteer import gazetteer

    gaz = gazetteer()
    todo = list(entities)
    seen: set[URIRef] = set()
    g = Graph(store="SimpleMemory")
    while todo:
        e = todo.pop()
        if e.iri in seen:
            continue
        seen.add(e.iri)
        g.add((e.iri, RDF.type, e.cls))
        # Marks a description as reference data: the shapes ask no evidence of it.
        g.add((e.iri, DCTERMS.source, REFERENCE))
        g.add((e.iri, RDFS.label, Literal(e.label, lang="en")))
        if e.iso:
            g.add((e.iri, SKOS.notation, Literal(e.iso)))
        if e.latitude is not None and e.longitude is not None:
            g.add((e.iri, SCHEMA.latitude, Literal(f"{e.latitude:.5f}", datatype=XSD.decimal)))
            g.add((e.iri, SCHEMA.longitude, Literal(f"{e.longitude:.5f}", datatype=XSD.decimal)))
        if e.country and (state := gaz.state(e.country)) is not None:
            g.add((e.iri, DKG.country, state.iri))
            todo.append(state)
        if e.parent and (parent := _parent(gaz, e.parent)) is not None:
            g.add((e.iri, DKG.locatedIn, parent.iri))
            todo.append(parent)
        elif e.country and (state := gaz.state(e.country)) is not None and e.kind != "organisation":
            g.add((e.iri, DKG.locatedIn, state.iri))
    return g
