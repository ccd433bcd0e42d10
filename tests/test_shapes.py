"""Check ontology/shapes.ttl and ontology/document-shapes.ttl against the examples in tests/shapes/.

Naming convention: each node shape with a target (dks:DiplomaticMission, ...) has example files
named after its local name in lower kebab case, followed by -ok or -bad and an optional detail:
diplomatic-mission-ok.ttl, diplomatic-mission-bad-no-city.ttl. Node shapes without a target
(dks:DayDate, dks:StatisticWithRange, ...) are building blocks that act only through a targeted
shape, whose examples exercise them.

An -ok file must conform with no result at all, not even a warning. A -bad file holds its data
plus the expected report in pySHACL's style: a sh:ValidationReport whose sh:result nodes give
sh:focusNode and sh:resultPath (omitted for a node-level result), and optionally
sh:resultSeverity. Those report triples are removed before validation; each expected result must
then appear among the actual ones, and the file must not conform.

The examples of the document shapes (document-graph-*.ttl) are each one document's graph,
checked alone as the build checks it (graph/validate/shapes.py's validate_documents, on pyoxigraph);
their expected results name the focus node, the constraint (sh:sourceConstraint) and the node
at fault (sh:value), and pySHACL, a second reading of the same SHACL-SPARQL, must report the
same results.
"""

import re
from pathlib import Path

import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import BNode, Graph, Literal, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from diplokg.graph.validate.shapes import (
    load_document_shapes,
    load_shapes,
    validate_documents,
    validate_graph,
)

EXAMPLES = Path(__file__).parent / "shapes"
DOCUMENT_FILES = sorted(EXAMPLES.glob("document-graph-*.ttl"))
OK_FILES = sorted(set(EXAMPLES.glob("*-ok*.ttl")) - set(DOCUMENT_FILES))
BAD_FILES = sorted(set(EXAMPLES.glob("*-bad*.ttl")) - set(DOCUMENT_FILES))
FILE_NAME = re.compile(r"^(?P<shape>[a-z0-9-]+?)-(?P<kind>ok|bad)(-[a-z0-9-]+)?$")
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)
NOT_CONSTRAINTS = {*TARGETS, SH.property, SH.sparql, SH.message, SH.severity, SH.path}
NOT_CONSTRAINTS |= {SH.deactivated, SH.name, SH.description, SH.order, SH.group}


def render_path(graph: Graph, path: Node | None) -> str:
    """Write a SHACL property path as a SPARQL path: <iri>, ^<iri>, (a|b) or a/b."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return path.n3()
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return "^" + render_path(graph, inverse)
    if (alternatives := graph.value(path, SH.alternativePath)) is not None:
        return "(" + "|".join(render_path(graph, p) for p in Collection(graph, alternatives)) + ")"
    return "/".join(render_path(graph, p) for p in Collection(graph, path))


def results(graph: Graph, report: Node | None = None) -> set[tuple[Node, str, Node | None]]:
    """The (focus node, path, severity) of each sh:result, of one report or of all."""
    return {
        (graph.value(r, SH.focusNode), render_path(graph, graph.value(r, SH.resultPath)),
         graph.value(r, SH.resultSeverity))
        for r in graph.objects(report, SH.result)
    }  # fmt: skip


def split_expected(graph: Graph) -> set[tuple[Node, str, Node | None]]:
    """Remove the expected report from an example graph and return its results."""
    reports = list(graph.subjects(RDF.type, SH.ValidationReport))
    expected = set().union(*(results(graph, report) for report in reports))
    todo, seen = reports, set()
    while todo:  # the report and whatever hangs from it through blank nodes, not the data
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(o for o in graph.objects(node, None) if isinstance(o, BNode))
    for node in seen:
        graph.remove((node, None, None))
    return expected


@pytest.mark.parametrize("path", OK_FILES, ids=lambda p: p.name)
def test_ok_example_conforms(path):
    """An -ok example conforms to the shapes with no result, not even a warning."""
    report = validate_graph(Graph().parse(path))
    assert report.conforms and not report.results, report.text()


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.name)
def test_bad_example_reports_expected_violations(path):
    """A -bad example does not conform, and every result its expected report lists is reported."""
    data = Graph().parse(path)
    expected = split_expected(data)
    assert expected, f"{path.name} holds no sh:ValidationReport with an sh:result"
    report = validate_graph(data)
    actual = results(report.graph)  # top-level results only, not those nested in sh:detail
    missing = [
        (str(focus), p, severity)
        for focus, p, severity in expected
        if not any((f, q) == (focus, p) and severity in (None, s) for f, q, s in actual)
    ]
    assert not report.conforms, report.text()
    assert not missing, f"not reported: {missing}\n{report.text()}"


def document_results(graph: Graph, report: Node | None = None) -> set[tuple[str, str, str]]:
    """The (focus node, constraint, value) of each sh:result, of one report or of all."""
    return {
        (str(graph.value(r, SH.focusNode)), str(graph.value(r, SH.sourceConstraint)),
         str(graph.value(r, SH.value)))
        for r in graph.objects(report, SH.result)
    }  # fmt: skip


def ours(data: Graph) -> set[tuple[str, str, str]]:
    """Check a document graph as the build does; return its results."""
    report = validate_documents({URIRef("urn:example"): data})
    return {(r.focus.strip("<>"), r.shape, r.value.strip("<>")) for r in report.results}


@pytest.mark.parametrize("path", DOCUMENT_FILES, ids=lambda p: p.name)
def test_document_graph_example(path):
    """An -ok document graph has no result; a -bad one reports at least what it expects."""
    data = Graph().parse(path)
    reports = list(data.subjects(RDF.type, SH.ValidationReport))
    expected = set().union(*(document_results(data, r) for r in reports))
    split_expected(data)
    found = ours(data)
    if "-ok" in path.stem:
        assert not found, found
    else:
        assert expected, f"{path.name} holds no sh:ValidationReport with an sh:result"
        assert expected <= found, f"not reported: {expected - found}\nreported: {found}"


@pytest.mark.parametrize("path", DOCUMENT_FILES, ids=lambda p: p.name)
def test_pyshacl_reads_the_document_shapes_alike(path):
    """pySHACL's reading of the document shapes gives the same results as the build's."""
    data = Graph().parse(path)
    split_expected(data)
    _, report, _ = pyshacl_validate(
        data, shacl_graph=load_document_shapes(), inference="none", allow_warnings=True
    )
    assert document_results(report) == ours(data)


def kebab(shape: Node) -> str:
    """dks:DiplomaticMission -> diplomatic-mission."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", str(shape).rsplit("#", 1)[-1]).lower()


def test_every_shape_has_ok_and_bad_example():
    """Each targeted node shape has -ok and -bad files, and each file belongs to such a shape."""
    shapes = load_shapes() + load_document_shapes()
    node_shapes = shapes.subjects(RDF.type, SH.NodeShape)
    names = {kebab(s) for s in node_shapes if any(shapes.value(s, t) for t in TARGETS)}
    matches = {p.name: FILE_NAME.match(p.stem) for p in EXAMPLES.glob("*.ttl")}
    assert all(matches.values()), f"not named <shape>-ok|bad[-detail].ttl: {matches}"
    examples = {(m["shape"], m["kind"]) for m in matches.values()}
    missing = sorted(f"{n}-{k}" for n in names for k in ("ok", "bad") if (n, k) not in examples)
    assert not missing, f"node shapes without examples: {missing}"
    orphans = sorted({n for n, _ in examples} - names)
    assert not orphans, f"example files named after no targeted node shape: {orphans}"


def all_shapes(shapes: Graph) -> set[Node]:
    """Every node shape and property shape of the shapes graph, named or not."""
    found = {*shapes.subjects(RDF.type, SH.NodeShape), *shapes.subjects(RDF.type, SH.PropertyShape)}
    found |= {*shapes.subjects(SH.path, None), *shapes.objects(None, SH.property)}
    found |= set(shapes.objects(None, SH.node))
    for logical in (SH["or"], SH["and"], SH.xone):
        found |= {m for lst in shapes.objects(None, logical) for m in Collection(shapes, lst)}
    return found


def test_every_shape_is_a_described_iri():
    """Every shape and SPARQL constraint is an IRI; every node shape has a label and a comment."""
    shapes = load_shapes() + load_document_shapes()
    named = all_shapes(shapes) | set(shapes.objects(None, SH.sparql))
    assert not [s for s in named if isinstance(s, BNode)], "blank-node shape or constraint"
    undescribed = sorted(
        str(s)
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if shapes.value(s, RDFS.label) is None or shapes.value(s, RDFS.comment) is None
    )
    assert not undescribed, f"node shapes without rdfs:label or rdfs:comment: {undescribed}"


def test_every_constraint_has_a_message():
    """Every shape with a constraint and every SPARQL constraint has an English sh:message."""
    shapes = load_shapes() + load_document_shapes()
    constrained = {
        s
        for s in all_shapes(shapes)
        if any(p.startswith(SH) and p not in NOT_CONSTRAINTS for p in shapes.predicates(s))
    } | set(shapes.objects(None, SH.sparql))
    silent = sorted(
        str(s)
        for s in constrained
        if not any(isinstance(m, Literal) and m.language == "en" for m in shapes[s : SH.message])
    )
    assert not silent, f"constraints without an English sh:message: {silent}"
