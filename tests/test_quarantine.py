"""A rule's wrong claim is withdrawn into the quarantine and the rest publishes; --strict and
curated facts keep the all-or-nothing build."""

import json

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDFS

from conftest import checksums, run_cli
from diplokg.graph.claims.evidence import Claim, Sentences, write_claims
from diplokg.graph.ingest.corpus import read_corpus
from diplokg.graph.reading.sentences import sentences
from diplokg.graph.vocab import DKG

ID = "https://w3id.org/diplokg/id/"
DOC = "002_4e0d7c184a6e1586"


def slip_in_a_wrong_claim(seeds, out, also: tuple = ()) -> None:
    """Add to a cached document graph the claim a misreading rule would make: Belgium's
    capital is Canada (a state, where a city must be), with a phrase of the text; and the
    (subject, predicate, object) triples in also, claimed with the same phrase."""
    doc = next(d for d in read_corpus(seeds) if d.doc_id == DOC)
    start = doc.text.index("Belgium")
    triples = [(URIRef(ID + "state/belgium"), DKG.capital, URIRef(ID + "state/canada")), *also]
    claims = [Claim(s, p, o, start, start + len("Belgium"), "a misreading") for s, p, o in triples]
    spans = Sentences((s.start, s.end) for s in sentences(doc.text))
    extra = write_claims(doc, claims, spans).serialize(format="nt")
    cached = next((out / "cache").glob(f"{DOC}.*.json"))
    entry = json.loads(cached.read_text(encoding="utf-8"))
    entry["graph"] += extra
    cached.write_text(json.dumps(entry), encoding="utf-8")
    other = seeds / "000_2680ecc8f6fed484.txt"  # a change elsewhere, so the build runs again
    other.write_text(other.read_text(encoding="utf-8") + "\n", encoding="utf-8")


def test_a_wrong_claim_is_withdrawn_and_the_rest_publishes(seeds, published, capsys):
    slip_in_a_wrong_claim(seeds, published)
    code, _, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published)
    assert code == 0, err
    assert "1 claim(s) withdrawn into the quarantine" in err
    ds = Dataset(default_union=True).parse(published / "current" / "diplokg.trig", format="trig")
    belgium, canada = URIRef(ID + "state/belgium"), URIRef(ID + "state/canada")
    assert (belgium, DKG.capital, canada) not in ds  # asserted nowhere
    q = ds.graph(URIRef("https://w3id.org/diplokg/graph/quarantine"))
    [withdrawn] = q.subjects(DKG.claimedPredicate, DKG.capital)
    assert (withdrawn, DKG.claimedObject, canada) in q
    [ev] = q.objects(withdrawn, DKG.evidence)
    assert str(q.value(ev, DKG.quote)) == "Belgium"
    assert "capital" in str(q.value(withdrawn, DKG.violation))
    report = (published / "validation-report.txt").read_text(encoding="utf-8")
    assert "Withdrawn into the quarantine graph: 1 claim(s)." in report
    # Everything else the document states is still there: its missions, say.
    mission = URIRef(ID + "mission/canada-consulate-be-antwerp")
    assert (mission, DKG.sendingEntity, canada) in ds


def test_a_warning_beside_the_wrong_claim_neither_stops_nor_withdraws(seeds, published, capsys):
    # A second holder of a head of state's role: the shapes warn (successive holders?).
    pence, role = URIRef(ID + "person/pence"), URIRef(ID + "role/head-of-state-trump-president")
    slip_in_a_wrong_claim(seeds, published, also=[(pence, DKG.holdsRole, role)])
    code, _, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published)
    assert code == 0, err
    assert "1 claim(s) withdrawn into the quarantine" in err
    ds = Dataset(default_union=True).parse(published / "current" / "diplokg.trig", format="trig")
    assert (pence, DKG.holdsRole, role) in ds
    report = (published / "validation-report.txt").read_text(encoding="utf-8")
    assert "sh:Warning" in report and "more than one holder" in report


def test_two_names_for_one_thing_keep_the_first_stated(seeds, published, capsys):
    # Another label for the consulate in Antwerp, claimed with the words "Belgium" (where
    # the document first names it, before the consulate's phrase): one name per language.
    consulate = URIRef(ID + "mission/canada-consulate-be-antwerp")
    other = Literal("Canadian Consulate at Antwerp", lang="en")
    slip_in_a_wrong_claim(seeds, published, also=[(consulate, RDFS.label, other)])
    code, _, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published)
    assert code == 0, err
    assert "2 claim(s) withdrawn into the quarantine" in err
    ds = Dataset(default_union=True).parse(published / "current" / "diplokg.trig", format="trig")
    # The name stated first stays; the one stated later (in the consulate's phrase) goes.
    assert list(ds.objects(consulate, RDFS.label)) == [other]
    q = ds.graph(URIRef("https://w3id.org/diplokg/graph/quarantine"))
    [withdrawn] = q.subjects(DKG.claimedPredicate, RDFS.label)
    own = Literal("Consulate of Canada in Antwerp", lang="en")
    assert q.value(withdrawn, DKG.claimedObject) == own


def test_strict_keeps_all_or_nothing(seeds, published, capsys):
    before = checksums(published)
    slip_in_a_wrong_claim(seeds, published)
    code, out, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published, "--strict")
    assert code == 1
    assert "capital" in out + err
    assert checksums(published) == before


def test_a_curated_fact_that_violates_a_shape_still_stops_the_build(seeds, published, capsys):
    before = checksums(published)
    (seeds / "curated.ttl").write_text(
        "@prefix dkg: <https://w3id.org/diplokg/ontology#> .\n"
        f"<{ID}state/belgium> dkg:capital <{ID}state/canada> ;\n"
        f"    dkg:evidence [ dkg:source <{ID}document/{DOC}> ; "
        'dkg:quote "Belgium\u2013Canada relations" ; dkg:start 2 ; dkg:end 26 ] .\n',
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published)
    assert code == 1, out + err
    assert checksums(published) == before
