"""Claims: the writer reifies every triple with its phrase; a triple without one fails the build."""

import json
import shutil
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS

from conftest import checksums, run_cli
from diplokg.graph.claims.evidence import Claim, Sentences, trim, write_claims
from diplokg.graph.extract.document import extract
from diplokg.graph.ingest.corpus import Document, read_corpus
from diplokg.graph.validate.shapes import validate_documents
from diplokg.graph.vocab import DKG

ID = "https://w3id.org/diplokg/id/"
TEXT = "Peru and Chile are members of APEC. Lima hosts a Chilean embassy."
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "docs"


def document(text: str = TEXT) -> Document:
    return Document("d", Path("d.txt"), text, "0" * 64, "D", "test", "en")


@pytest.mark.parametrize(
    ("span", "phrase"),
    [
        ((0, 35), "Peru and Chile are members of APEC"),  # the full stop is no word
        ((36, 65), "Lima hosts a Chilean embassy"),
        ((4, 15), "and Chile"),  # spaces at the edges go
    ],
)
def test_trim_keeps_the_words_of_a_phrase(span, phrase):
    start, end = trim(TEXT, *span)
    assert TEXT[start:end] == phrase


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("an embassy (in Lima), ", "an embassy (in Lima)"),  # the pair stays whole
        ("members of APEC) and", "members of APEC) and"),  # inside: kept
        ("members of APEC)", "members of APEC"),  # a closing bracket opened outside goes
        ('the "engine" of', 'the "engine" of'),
        ('the engine" of', 'the engine" of'),
        ('"the engine', "the engine"),  # a quote mark opened and not closed goes
    ],
)
def test_trim_keeps_brackets_and_quotes_in_pairs(text, phrase):
    start, end = trim(text, 0, len(text))
    assert text[start:end] == phrase


def test_the_writer_reifies_each_triple_with_its_phrase_and_sentence():
    """Two claims of one sentence: each triple, its claim, its phrase, and the sentence."""
    peru, apec = URIRef(ID + "state/peru"), URIRef(ID + "organisation/apec")
    claims = [
        Claim(peru, DKG.memberOf, apec, 0, 35, "membership"),
        Claim(apec, RDFS.label, Literal("APEC", lang="en"), 30, 34, "names"),
    ]
    got = write_claims(document(), claims, Sentences([(0, 35), (36, 65)]))
    expected = Graph().parse(
        format="turtle",
        data=f"""
        @prefix dkg: <https://w3id.org/diplokg/ontology#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <{ID}state/peru> dkg:memberOf <{ID}organisation/apec> .
        <{ID}organisation/apec> rdfs:label "APEC"@en .
        ?c1 a dkg:Claim ; rdf:subject <{ID}state/peru> ; rdf:predicate dkg:memberOf ;
            rdf:object <{ID}organisation/apec> ; dkg:extractionRule "membership" ;
            dkg:evidence <{ID}evidence/d-0-34> .
        ?c2 a dkg:Claim ; rdf:subject <{ID}organisation/apec> ; rdf:predicate rdfs:label ;
            rdf:object "APEC"@en ; dkg:extractionRule "names" ;
            dkg:evidence <{ID}evidence/d-30-34> .
        <{ID}evidence/d-0-34> a dkg:Evidence ; dkg:source <{ID}document/d> ;
            dkg:start 0 ; dkg:end 34 ; dkg:quote "Peru and Chile are members of APEC" ;
            dkg:sentence <{ID}evidence/d-0-35> .
        <{ID}evidence/d-30-34> a dkg:Evidence ; dkg:source <{ID}document/d> ;
            dkg:start 30 ; dkg:end 34 ; dkg:quote "APEC" ;
            dkg:sentence <{ID}evidence/d-0-35> .
        <{ID}evidence/d-0-35> a dkg:Evidence ; dkg:source <{ID}document/d> ;
            dkg:start 0 ; dkg:end 35 ; dkg:quote "Peru and Chile are members of APEC." .
        """.replace("?c1", "_:c1").replace("?c2", "_:c2"),
    )
    # Claim IRIs are minted from the triple; compare them as blank nodes.
    claims_as_blanks = Graph()
    names = {c: f"c{i}" for i, c in enumerate(sorted(got.subjects(RDF.type, DKG.Claim)))}
    for s, p, o in got:
        claims_as_blanks.add((BNode(names[s]) if s in names else s, p, o))
    assert isomorphic(claims_as_blanks, expected), claims_as_blanks.serialize(format="turtle")


def test_a_triple_stated_twice_has_one_claim_with_two_phrases():
    chile, embassy = URIRef(ID + "state/chile"), URIRef(ID + "mission/chile-embassy-peru")
    claims = [
        Claim(embassy, DKG.sendingEntity, chile, 49, 65, "a"),
        Claim(embassy, DKG.sendingEntity, chile, 36, 65, "b"),
    ]
    g = write_claims(document(), claims, Sentences([(0, 35), (36, 65)]))
    [claim] = g.subjects(RDF.type, DKG.Claim)
    quotes = {str(g.value(ev, DKG.quote)) for ev in g.objects(claim, DKG.evidence)}
    assert quotes == {"Chilean embassy", "Lima hosts a Chilean embassy"}
    assert {str(r) for r in g.objects(claim, DKG.extractionRule)} == {"a", "b"}


@pytest.mark.skipif(not DEVSET.is_dir(), reason="no shared/devset beside the repository")
@pytest.mark.parametrize("path", sorted(DEVSET.glob("*.txt")), ids=lambda p: p.stem)
def test_every_triple_of_a_development_document_has_a_claim(path, tmp_path):
    """Each document of the development corpus, read alone: every triple claimed, every
    claim's triple asserted, every quote the text at its offsets (the document shapes)."""
    shutil.copy(path, tmp_path)
    shutil.copy(path.with_suffix(".toml"), tmp_path)
    g = extract(read_corpus(tmp_path)[0]).graph
    report = validate_documents({URIRef("urn:doc"): g})
    assert report.conforms, report.text()
    assert len(list(g.subjects(RDF.type, DKG.Claim))) > 0


def test_a_triple_without_a_claim_fails_the_build(seeds, published, capsys):
    """A document graph holding a triple that no claim states (as a rule that wrote to the
    graph itself would leave) violates the document shapes: exit 1, nothing published."""
    before = checksums(published)
    cached = next((published / "cache").glob("002_4e0d7c184a6e1586.*.json"))
    entry = json.loads(cached.read_text(encoding="utf-8"))
    entry["graph"] += f"<{ID}state/belgium> <{DKG.memberOf}> <{ID}organisation/opec> .\n"
    cached.write_text(json.dumps(entry), encoding="utf-8")
    other = seeds / "000_2680ecc8f6fed484.txt"  # a change elsewhere, so the build runs again
    other.write_text(other.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published)
    assert code == 1
    assert "DocumentGraph-claimed" in out + err and f"{ID}organisation/opec" in out + err
    assert checksums(published) == before
