"""Linking to Wikidata follows the entity's type, uses checked IDs only, and never merges nodes."""

import re

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from diplokg.graph.ingest.checked_ids import checked_ids, known_qids
from diplokg.graph.link.items import link, link_wars, numbered_names
from diplokg.graph.link.places import describe_entities
from diplokg.graph.publish.release import current_release
from diplokg.graph.reading.gazetteer import gazetteer

WD = "http://www.wikidata.org/entity/"
QID = re.compile(r"^Q[1-9][0-9]*$")

# Each pair of readings of one name: (text, country, expected kind, expected QID or None).
PAIRS = [
    [("the Province of Quebec", "CA", "province", "Q176"), ("Quebec City", "CA", "city", "Q2145")],
    [("Brussels", "BE", "city", "Q239"), ("Brussels-Capital Region", "BE", "region", "Q240")],
    [("Washington, D.C.", "US", "city", "Q61"), ("Washington State", "US", "us-state", None)],
    [("New York City", "US", "city", "Q60"), ("New York State", "US", "us-state", None)],
    [("Flemish Region", "BE", "region", None), ("Flemish Community", "BE", "community", None)],
]


def entity(text: str, country: str):
    """Resolve a short text as a mention would be: the one entity it names."""
    found = gazetteer().lookup(text.removeprefix("the "), (country,))
    assert len(found) == 1, (text, found)
    return found[0]


def links_of(entities) -> dict:
    graph = link(describe_entities(entities))
    return {s: str(o).removeprefix(WD) for s, o in graph.subject_objects(SKOS.exactMatch)}


@pytest.mark.parametrize("pair", PAIRS, ids=lambda p: p[0][0])
def test_type_decides_between_two_readings_of_one_name(pair):
    """Each reading gets its own item, or none: alone and with its namesake in the graph."""
    both = [entity(text, country) for text, country, _, _ in pair]
    together = links_of(both)
    for (text, _, kind, qid), e in zip(pair, both, strict=True):
        assert e.kind == kind, text
        assert together.get(e.iri) == qid, text
        assert links_of([e]).get(e.iri) == qid, text


def test_the_table_is_well_formed():
    """Every row has an ID of the form Q<number> and says where it was checked."""
    for row in checked_ids():
        assert QID.match(row.qid) and row.checked_by, row


def test_every_wikidata_id_in_the_dataset_is_checked(built):
    """Every wd:Q… IRI of the built dataset is in ontology/wikidata-ids.tsv with its source."""
    text = (current_release(built) / "diplokg.nt").read_text(encoding="utf-8")
    used = set(re.findall(r"<http://www\.wikidata\.org/entity/([^>]*)>", text))
    assert used
    rows = known_qids()
    for qid in used:
        assert QID.match(qid), qid
        assert qid in rows and rows[qid].checked_by, f"{qid} is not a checked ID"


def test_links_use_skos_exact_match_not_owl_same_as(built):
    text = (current_release(built) / "diplokg.nt").read_text(encoding="utf-8")
    assert "owl#sameAs" not in text
    belgium = "<https://w3id.org/diplokg/id/state/belgium>"
    exact = "<http://www.w3.org/2004/02/skos/core#exactMatch>"
    assert f"{belgium} {exact} <{WD}Q31> ." in text


def test_reasoning_copies_none_of_our_facts_onto_wikidata_iris(built):
    """The inferred graph has no wd: subject: skos:exactMatch merges no nodes."""
    ds = Dataset()
    ds.parse(current_release(built) / "diplokg.trig", format="trig")
    inferred = ds.graph(URIRef("https://w3id.org/diplokg/graph/inferred"))
    assert len(inferred)
    assert not [s for s in inferred.subjects() if str(s).startswith(WD)]
    # Only the view and the ontology's class alignments speak of wd: IRIs as subjects.
    for g in ds.graphs():
        if not str(g.identifier).endswith(("/graph/wikidata", "/graph/ontology")):
            assert not [s for s in g.subjects() if str(s).startswith(WD)], g.identifier


def test_numbered_names_write_one_number_in_every_english_way():
    """An ordinal before the noun is a numeral after it: "First World War" is "World War I"."""
    assert numbered_names("first world war") == {
        "first world war", "world war i", "world war one", "world war 1",
    }  # fmt: skip
    assert "second world war" in numbered_names("world war ii")
    assert numbered_names("great war") == {"great war"}


def test_wars_link_by_their_name_in_either_order_and_near_misses_stay_unlinked():
    """A dkg:War named "Second World War" gets Q362; the Second Boer War and the Great War none."""
    from diplokg.graph.vocab import DKG

    g = Graph()
    wars = {}
    for slug, label in (
        ("ww2", "Second World War"), ("boer", "Second Boer War"), ("great", "Great War"),
    ):  # fmt: skip
        wars[slug] = URIRef(f"https://example.org/war/{slug}")
        g.add((wars[slug], RDF.type, DKG.War))
        g.add((wars[slug], RDFS.label, Literal(label, lang="en")))
    links = {s: str(o) for s, o in link_wars(g).subject_objects(SKOS.exactMatch)}
    assert links == {wars["ww2"]: WD + "Q362"}


def test_seeds_battles_are_part_of_the_linked_world_wars(built):
    """In the Wikidata view, Passchendaele is part of wd:Q361 (CONTRACTS.md's example)."""
    ds = Dataset(default_union=True)
    ds.parse(current_release(built) / "diplokg.trig", format="trig")
    parts = {str(o) for o in ds.objects(None, URIRef("http://www.wikidata.org/prop/direct/P361"))}
    assert {WD + "Q361", WD + "Q362"} <= parts
