"""The ontology documents every term, matches the code's namespace, links only checked IDs."""

import csv
import re

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from diplokg.graph.resources import ONTOLOGY_DIR
from diplokg.graph.validate.shapes import load_ontology
from diplokg.graph.vocab import DKG, WD

ONTOLOGY = URIRef("https://w3id.org/diplokg/ontology")
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDFS.Datatype)
PROPERTY_KINDS = (OWL.ObjectProperty, OWL.DatatypeProperty)


def ours(g, kinds):
    return sorted(
        {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(str(DKG))}
    )


G = load_ontology()
TERMS = ours(G, KINDS)
PROPERTIES = ours(G, PROPERTY_KINDS)


def local(term) -> str:
    return str(term).rsplit("#", 1)[-1]


def langs(term, prop) -> set[str]:
    return {o.language for o in G.objects(term, prop) if isinstance(o, Literal)}


def test_ontology_has_metadata():
    """Title, version IRI, licence and description are stated."""
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in G
    for prop in (DCTERMS.title, OWL.versionIRI, DCTERMS.license, DCTERMS.description):
        assert G.value(ONTOLOGY, prop) is not None, prop


@pytest.mark.parametrize("term", TERMS, ids=local)
def test_term_has_english_and_french_labels_and_a_definition(term):
    """Every class, property and datatype has labels in en and fr and a definition."""
    assert {"en", "fr"} <= langs(term, RDFS.label)
    assert langs(term, SKOS.definition) | langs(term, RDFS.comment)


@pytest.mark.parametrize("prop", PROPERTIES, ids=local)
def test_property_has_one_domain_and_one_range(prop):
    """Every property states exactly one domain and one range."""
    assert len(list(G.objects(prop, RDFS.domain))) == 1
    assert len(list(G.objects(prop, RDFS.range))) == 1


def test_code_namespace_matches_ontology():
    """Every term of the closed namespace DKG is defined in the ontology, and vice versa."""
    in_code = {DKG[name] for name in DKG.__annotations__}
    in_ontology = {s for s in G.subjects() if isinstance(s, URIRef) and str(s).startswith(str(DKG))}
    assert in_code - in_ontology == set(), "in code, not in ontology"
    assert in_ontology - in_code == set(), "in ontology, not in code"


def test_every_wikidata_id_is_checked():
    """Every wd:Q… used by the ontology is in the reference table with a source."""
    with open(ONTOLOGY_DIR / "wikidata-ids.tsv", encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    checked = {r[1]: r for r in rows[1:]}
    used = {str(o)[len(str(WD)) :] for o in G.objects() if str(o).startswith(str(WD))}
    assert used
    for qid in sorted(used):
        assert re.fullmatch(r"Q[1-9][0-9]*", qid), qid
        assert qid in checked, f"{qid} is not in ontology/wikidata-ids.tsv"
        assert checked[qid][3].strip(), f"{qid} has no source"
