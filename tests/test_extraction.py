"""Data-driven extraction cases: tests/extraction/<family>/<case>.txt gives <case>.ttl.

Each case is a short text (other states, cities and numbers than the seeds'), with an optional
<case>.toml of metadata (as in seeds/: e.g. on_behalf_of for "our country"), and the expected
facts in Turtle. Every expected subject also says, with t:phrase, the words of the text that
state its facts (its type, links and dates); where one fact has words of its own, a
t:phraseFor [ t:property P ; t:phrase "..." ] says them for that property, or, with
t:object O, for that one value of it. A fact must cite each of its expected phrases in its
claim, exactly.

The comparison of facts leaves out the claims, the document's own description, and labels,
so that expected files state facts and nothing else.
"""

import tomllib
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, RDFS, XSD

from diplokg.graph.extract.document import extract
from diplokg.graph.ingest.corpus import Document, read_text
from diplokg.graph.terms import canonical_decimal
from diplokg.graph.vocab import DKG

CASES = sorted(Path(__file__).parent.glob("extraction/*/*.txt"))
LEFT_OUT = {RDFS.label, DKG.onBehalfOf}
T = Namespace("https://w3id.org/diplokg/test#")
PROVENANCE = (DKG.Claim, DKG.Evidence, DKG.SourceDocument)


def read_case(path: Path) -> Document:
    """Read a case as a document, with default metadata."""
    text, digest = read_text(path)
    meta = {"title": path.stem, "publisher": "test", "language": "en"}
    if path.with_suffix(".toml").exists():
        meta.update(tomllib.loads(path.with_suffix(".toml").read_text(encoding="utf-8")))
    return Document(doc_id=path.stem, path=path, text=text, sha256=digest, **meta)


def facts_only(g: Graph) -> Graph:
    """Keep the facts: no claims, passages, document description or labels."""
    skip = {s for c in PROVENANCE for s in g.subjects(RDF.type, c)}
    out = Graph()
    for s, p, o in g:
        if s not in skip and p not in LEFT_OUT:
            out.add((s, p, o))
    return out


def expected_graph(path: Path) -> Graph:
    return Graph().parse(path.with_suffix(".ttl"), format="turtle")


def expected_facts(expected: Graph) -> Graph:
    """The expected facts, without the t:phraseFor nodes; decimals in their canonical form
    (48000 is written 48000.0), as the claims writer gives them."""
    nodes = set(expected.objects(None, T.phraseFor))
    out = Graph()
    for s, p, o in expected:
        if s not in nodes and not str(p).startswith(str(T)):
            if isinstance(o, Literal) and o.datatype == XSD.decimal:
                o = canonical_decimal(o)
            out.add((s, p, o))
    return out


def dump(g: Graph) -> str:
    return "\n".join(sorted(line for line in g.serialize(format="nt").splitlines() if line))


def cited(g: Graph, triple) -> set[str]:
    """Return the quotes the claims of a triple cite."""
    s, p, o = triple
    return {
        str(g.value(ev, DKG.quote))
        for claim in g.subjects(RDF.subject, s)
        if (claim, RDF.predicate, p) in g and (claim, RDF.object, o) in g
        for ev in g.objects(claim, DKG.evidence)
    }


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_extraction_case(path):
    """The facts extracted from the text are exactly the expected ones."""
    doc = read_case(path)
    got = facts_only(extract(doc).graph)
    expected = expected_facts(expected_graph(path))
    if not isomorphic(got, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(got))
        pytest.fail(f"missing:\n{dump(missing)}\nnot expected:\n{dump(extra)}")


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_fact_cites_the_expected_phrase(path):
    """Each expected fact's claim cites the phrase the case says states it, word for word."""
    expected = expected_graph(path)
    g = extract(read_case(path)).graph
    problems = []
    for s, p, o in expected_facts(expected):
        overrides = [
            n
            for n in expected.objects(s, T.phraseFor)
            if (n, T.property, p) in expected and expected.value(n, T.object) in (None, o)
        ]
        phrases = {str(x) for n in overrides for x in expected.objects(n, T.phrase)}
        phrases = phrases or {str(x) for x in expected.objects(s, T.phrase)}
        if not phrases:
            problems.append(f"the case gives no phrase for {s.n3()} {p.n3()}")
            continue
        missing = phrases - cited(g, (s, p, o))
        if missing:
            problems.append(
                f"{s.n3()} {p.n3()} {o.n3()} cites {sorted(cited(g, (s, p, o)))}, "
                f"not {sorted(missing)}"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_triple_has_a_claim_quoting_the_text(path):
    """Every asserted triple (labels too) has a claim; every quote is the file's text there."""
    text = path.read_bytes().decode("utf-8")  # read here, not through the code under test
    g = extract(read_case(path)).graph
    skip = {s for c in PROVENANCE for s in g.subjects(RDF.type, c)}
    for triple in g:
        if triple[0] not in skip:
            assert cited(g, triple), f"{triple} has no claim"
    passages = list(g.subjects(RDF.type, DKG.Evidence))
    for ev in passages:
        start, end = int(g.value(ev, DKG.start)), int(g.value(ev, DKG.end))
        assert g.value(ev, DKG.quote) == Literal(text[start:end])
