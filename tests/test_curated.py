"""Curated facts enter the build only with an exact quote from their document."""

import pytest

from conftest import run_cli

HEADER = """\
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix doc: <https://w3id.org/diplokg/id/document/> .
"""


def build_with(seeds, tmp_path, capsys, body: str):
    (seeds / "curated.ttl").write_text(HEADER + body, encoding="utf-8")
    return run_cli(capsys, "build", "--seeds", seeds, "--out", tmp_path / "out", "--quiet")


EVIDENCE = "dkg:evidence [ dkg:source doc:002_4e0d7c184a6e1586 ; "
REFUSED = {
    # A quote the document does not contain.
    "quote not in the document": (
        f'<https://w3id.org/diplokg/id/x> rdfs:label "x"@en ; {EVIDENCE}'
        'dkg:quote "Belgium has a moon base" ] .',
        "does not occur",
    ),
    # Offsets that do not point at the quote: the message shows the text there.
    "wrong offsets": (
        f'<https://w3id.org/diplokg/id/x> rdfs:label "x"@en ; {EVIDENCE}'
        'dkg:quote "Belgium" ; dkg:start 0 ; dkg:end 7 ] .',
        "is not the text",
    ),
    # Every curated subject needs evidence.
    "fact without evidence": (
        '<https://w3id.org/diplokg/id/y> rdfs:label "y" .',
        "no dkg:evidence",
    ),
    # Turtle that does not parse is reported with the file name.
    "malformed Turtle": ("<broken", "curated.ttl"),
    # A curated fact names IRIs and literals: a blank node would get a new label each build.
    "blank node in a fact": (
        f'<https://w3id.org/diplokg/id/x> rdfs:seeAlso [ rdfs:label "z" ] ; {EVIDENCE}'
        'dkg:quote "Belgium" ; dkg:start 2 ; dkg:end 9 ] .',
        "not blank nodes",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_bad_curated_fact_stops_the_build_with_exit_2_and_a_message(
    seeds, tmp_path, capsys, case
):
    body, message = REFUSED[case]
    code, _, err = build_with(seeds, tmp_path, capsys, body)
    assert code == 2
    assert message in err
