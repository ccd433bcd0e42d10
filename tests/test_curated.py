"""Curated facts enter the build only with an exact quote from their document."""

from conftest import run_cli

HEADER = """\
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix doc: <https://w3id.org/diplokg/id/document/> .
"""


def build_with(seeds, tmp_path, capsys, body: str):
    (seeds / "curated.ttl").write_text(HEADER + body, encoding="utf-8")
    return run_cli(capsys, "build", "--seeds", seeds, "--out", tmp_path / "out", "--quiet")


def test_quote_not_in_document_is_refused(seeds, tmp_path, capsys):
    """A quote the document does not contain stops the build with exit 2."""
    code, _, err = build_with(
        seeds,
        tmp_path,
        capsys,
        '<https://w3id.org/diplokg/id/x> rdfs:label "x"@en ; dkg:evidence [ '
        'dkg:source doc:002_4e0d7c184a6e1586 ; dkg:quote "Belgium has a moon base" ] .',
    )
    assert code == 2
    assert "does not occur" in err


def test_wrong_offsets_are_refused(seeds, tmp_path, capsys):
    """Offsets that do not point at the quote stop the build and show the text there."""
    code, _, err = build_with(
        seeds,
        tmp_path,
        capsys,
        '<https://w3id.org/diplokg/id/x> rdfs:label "x"@en ; dkg:evidence [ '
        'dkg:source doc:002_4e0d7c184a6e1586 ; dkg:quote "Belgium" ; dkg:start 0 ; dkg:end 7 ] .',
    )
    assert code == 2
    assert "is not the text" in err


def test_fact_without_evidence_is_refused(seeds, tmp_path, capsys):
    """Every curated subject needs evidence."""
    code, _, err = build_with(
        seeds, tmp_path, capsys, '<https://w3id.org/diplokg/id/y> rdfs:label "y" .'
    )
    assert code == 2
    assert "no dkg:evidence" in err


def test_malformed_turtle_names_the_file(seeds, tmp_path, capsys):
    """Turtle that does not parse is reported with the file name."""
    code, _, err = build_with(seeds, tmp_path, capsys, "<broken")
    assert code == 2
    assert "curated.ttl" in err


def test_blank_node_in_a_fact_is_refused(seeds, tmp_path, capsys):
    """A curated fact names IRIs and literals: a blank node would get a new label each build."""
    code, _, err = build_with(
        seeds,
        tmp_path,
        capsys,
        '<https://w3id.org/diplokg/id/x> rdfs:seeAlso [ rdfs:label "z" ] ; dkg:evidence [ '
        'dkg:source doc:002_4e0d7c184a6e1586 ; dkg:quote "Belgium" ; dkg:start 2 ; dkg:end 9 ] .',
    )
    assert code == 2
    assert "not blank nodes" in err
