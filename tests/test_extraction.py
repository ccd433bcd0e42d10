"""Data-driven extraction cases: tests/extraction/<family>/<case>.txt gives <case>.ttl.

Each case is a short text in the style of the seeds (other states, cities and numbers), with
an optional <case>.toml of metadata (as in seeds/: e.g. on_behalf_of for "our country"), and
the expected facts in Turtle. The comparison leaves out evidence (checked apart: every fact
has a span whose quote is the text at its offsets), the document's own description, and
labels, so that expected files state facts and nothing else.
"""

import tomllib
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS

from diplokg.graph.extract import extract
from diplokg.graph.ingest import Document, read_text
from diplokg.graph.vocab import DKG

CASES = sorted(Path(__file__).parent.glob("extraction/*/*.txt"))
LEFT_OUT = {DKG.evidence, RDFS.label, DKG.onBehalfOf}


def read_case(path: Path) -> Document:
    """Read a case as a document, with default metadata."""
    text, digest = read_text(path)
    meta = {"title": path.stem, "publisher": "test", "language": "en"}
    if path.with_suffix(".toml").exists():
        meta.update(tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8")))
    return Document(doc_id=path.stem, path=path, text=text, sha256=digest, **meta)


def facts_only(g: Graph) -> Graph:
    """Keep the facts: no evidence nodes, no document description, no labels."""
    skip = set(g.subjects(RDF.type, DKG.Evidence)) | set(g.subjects(RDF.type, DKG.SourceDocument))
    out = Graph()
    for s, p, o in g:
        if s not in skip and p not in LEFT_OUT:
            out.add((s, p, o))
    return out


def dump(g: Graph) -> str:
    return "\n".join(sorted(line for line in g.serialize(format="nt").splitlines() if line))


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_extraction_case(path):
    """The facts extracted from the text are exactly the expected ones."""
    doc = read_case(path)
    got = facts_only(extract(doc).graph)
    expected = Graph().parse(path.with_suffix(".ttl"), format="turtle")
    if not isomorphic(got, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(f"missing:\n{dump(missing)}\nnot expected:\n{dump(extra)}")


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_fact_has_evidence_quoting_the_text(path):
    """Every subject of a fact has evidence whose quote is the text at its offsets."""
    doc = read_case(path)
    g = extract(doc).graph
    for subject in set(facts_only(g).subjects()):
        spans = list(g.objects(subject, DKG.evidence))
        assert spans, f"{subject} has no evidence"
        for ev in spans:
            start, end = int(g.value(ev, DKG.start)), int(g.value(ev, DKG.end))
            assert g.value(ev, DKG.quote) == Literal(doc.text[start:end])
