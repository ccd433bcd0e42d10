"""OWL RL reasoning adds the inferences a user expects, and keeps them in their own graph."""

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, XSD

from diplokg.graph import iris
from diplokg.graph.reason.owl import infer
from diplokg.graph.validate.shapes import load_ontology
from diplokg.graph.vocab import DKG

ID = "https://w3id.org/diplokg/id/"
BE, CA, LU = URIRef(ID + "state/belgium"), URIRef(ID + "state/canada"), URIRef(ID + "state/lu")
MISSION = URIRef(ID + "mission/belgium-consulate-general-montreal")
MONTREAL, QUEBEC = URIRef(ID + "city/montreal"), URIRef(ID + "province/quebec")
VISIT = URIRef(ID + "event/visit")
PERSON, ROLE = URIRef(ID + "person/p"), URIRef(ID + "role/r")
EVIDENCE = URIRef(ID + "evidence/doc-0-10")
CLAIM = URIRef(ID + "claim/doc-1")


@pytest.fixture(scope="module")
def inferred() -> Graph:
    facts = Graph()
    facts.add((MISSION, RDF.type, DKG.ConsulateGeneral))
    facts.add((MISSION, DKG.sendingEntity, BE))
    facts.add((MISSION, DKG.hostState, CA))
    facts.add((CLAIM, RDF.type, DKG.Claim))
    facts.add((CLAIM, RDF.subject, MISSION))
    facts.add((CLAIM, RDF.predicate, RDF.type))
    facts.add((CLAIM, RDF.object, DKG.ConsulateGeneral))
    facts.add((CLAIM, DKG.evidence, EVIDENCE))
    facts.add((EVIDENCE, RDF.type, DKG.Evidence))
    facts.add((EVIDENCE, DKG.quote, Literal("a quote")))
    facts.add((BE, DKG.diplomaticRelation, CA))
    facts.add((MONTREAL, DKG.locatedIn, QUEBEC))
    facts.add((QUEBEC, DKG.locatedIn, CA))
    facts.add((VISIT, RDF.type, DKG.StateVisit))
    facts.add((VISIT, DKG.visitor, LU))
    facts.add((VISIT, DKG.date, Literal("2015-06", datatype=XSD.gYearMonth)))
    facts.add((PERSON, DKG.holdsRole, ROLE))
    return infer(facts, load_ontology())


@pytest.mark.parametrize(
    "triple",
    [
        (MISSION, RDF.type, DKG.Consulate),
        (MISSION, RDF.type, DKG.DiplomaticMission),
        (BE, DKG.sendsMission, MISSION),
        (CA, DKG.hostsMission, MISSION),
        (CA, DKG.diplomaticRelation, BE),
        (MONTREAL, DKG.locatedIn, CA),
        (VISIT, RDF.type, DKG.Visit),
        (VISIT, RDF.type, DKG.Event),
        (VISIT, DKG.participant, LU),
        (ROLE, DKG.roleHolder, PERSON),
        (BE, RDF.type, DKG.Polity),
        (CA, RDF.type, DKG.SovereignState),
    ],
    ids=lambda t: " ".join(str(x).rsplit("/", 1)[-1].rsplit("#", 1)[-1] for x in t),
)
def test_expected_inference_happens(inferred, triple):
    """Subclass types, inverse, symmetric, transitive and sub-properties are inferred."""
    assert triple in inferred


def test_inferred_graph_holds_no_asserted_or_trivial_triples(inferred):
    """Only new, informative triples are kept: no owl:Thing types, no x sameAs x, nothing
    about claims and passages (provenance, not facts)."""
    assert (MISSION, RDF.type, DKG.ConsulateGeneral) not in inferred
    assert not list(inferred.triples((None, RDF.type, OWL.Thing)))
    assert not [(s, o) for s, o in inferred.subject_objects(OWL.sameAs) if s == o]
    assert not list(inferred.triples((EVIDENCE, None, None)))
    assert not list(inferred.triples((CLAIM, None, None)))


def test_inferred_triples_never_appear_in_a_document_graph(built):
    """In the built dataset, document graphs and the inferred graph share no triple."""
    ds = Dataset(default_union=True).parse(built / "diplokg.trig", format="trig")
    inferred = set(ds.graph(iris.graph("inferred")))
    assert inferred
    for g in ds.graphs():
        if "/graph/document/" in str(g.identifier):
            assert not inferred & set(g), g.identifier
