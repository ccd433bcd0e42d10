"""Check a graph against the SHACL shapes and report each violation in plain words."""

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from ..resources import DOCUMENT_SHAPES_FILE, ONTOLOGY_FILE, SHAPES_FILE


@dataclass(frozen=True, order=True)
class Result:
    """One violation: where (focus node, path), what (message), and which shape said so."""

    focus: str
    path: str
    message: str
    severity: str
    shape: str
    value: str
    component: str = ""  # the kind of constraint: sh:MaxCountConstraintComponent, ...


@dataclass(frozen=True)
class Report:
    """The outcome of a validation: whether it conforms, its results, and the SHACL report graph."""

    conforms: bool
    results: tuple[Result, ...]
    graph: Graph

    def joined(self, other: "Report") -> "Report":
        """Return one report of both validations' results."""
        return Report(
            self.conforms and other.conforms,
            tuple(sorted(self.results + other.results)),
            self.graph + other.graph,
        )

    def text(self) -> str:
        """Render the report for people: one block per violation or warning, sorted."""
        if self.conforms and not self.results:
            return "The graph conforms to the shapes.\n"
        if self.conforms:  # warnings only: worth a look, and nothing stops
            head = f"The graph conforms to the shapes, with {len(self.results)} warning(s)."
        else:
            head = f"The graph violates the shapes: {len(self.results)} problem(s)."
        lines = [head, ""]
        for r in self.results:
            lines.append(f"- {r.severity}: {r.message}")
            lines.append(f"    focus node: {r.focus}")
            if r.path:
                lines.append(f"    path:       {r.path}")
            if r.value:
                lines.append(f"    value:      {r.value}")
            lines.append(f"    shape:      {r.shape}")
        return "\n".join(lines) + "\n"


@cache
def load_shapes() -> Graph:
    """Parse ontology/shapes.ttl once per process."""
    return Graph().parse(SHAPES_FILE, format="turtle")


@cache
def load_document_shapes() -> Graph:
    """Parse ontology/document-shapes.ttl once per process."""
    return Graph().parse(DOCUMENT_SHAPES_FILE, format="turtle")


@cache
def load_ontology() -> Graph:
    """Parse ontology/diplokg.ttl once per process."""
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _n3(graph: Graph, node: Node | None) -> str:
    return "" if node is None else node.n3(graph.namespace_manager)


def path_text(graph: Graph, path: Node | None) -> str:
    """Render a SHACL property path in SPARQL's path syntax (^p, p1/p2, p1|p2, p*)."""
    if path is None:
        return ""
    if not isinstance(path, BNode):
        return _n3(graph, path)
    if (inverse := graph.value(path, SH.inversePath)) is not None:
        return "^" + path_text(graph, inverse)
    if (alternatives := graph.value(path, SH.alternativePath)) is not None:
        items = Collection(graph, alternatives)
        return "(" + "|".join(path_text(graph, p) for p in items) + ")"
    for prop, suffix in (
        (SH.zeroOrMorePath, "*"),
        (SH.oneOrMorePath, "+"),
        (SH.zeroOrOnePath, "?"),
    ):
        if (inner := graph.value(path, prop)) is not None:
            return path_text(graph, inner) + suffix
    if graph.value(path, RDF.first) is not None:
        return "/".join(path_text(graph, p) for p in Collection(graph, path))
    return _n3(graph, path)


def validate_graph(
    data: Graph, shapes: Graph | None = None, ontology: Graph | None = None
) -> Report:
    """Validate data (with the ontology's class hierarchy mixed in) against the shapes."""
    from ..reason.owl import axioms

    shapes = load_shapes() if shapes is None else shapes
    ontology = load_ontology() if ontology is None else ontology
    # pySHACL copies the ontology into the data to see the class hierarchy: the axioms are
    # enough, and labels and definitions would only make the copy three times larger.
    conforms, report_graph, _ = shacl_validate(
        data,
        shacl_graph=shapes,
        ont_graph=axioms(ontology),
        inference="none",
        allow_warnings=True,
    )
    for prefix, ns in shapes.namespaces():
        report_graph.bind(prefix, ns, override=False)
    results = []
    # Only the report's own results: pySHACL nests detail results (of sh:node) inside them.
    report_node = report_graph.value(predicate=RDF.type, object=SH.ValidationReport)
    for res in report_graph.objects(report_node, SH.result):
        message = report_graph.value(res, SH.resultMessage)
        results.append(
            Result(
                focus=_n3(report_graph, report_graph.value(res, SH.focusNode)),
                path=path_text(report_graph, report_graph.value(res, SH.resultPath)),
                message=str(message) if message is not None else "constraint not met",
                severity=_n3(report_graph, report_graph.value(res, SH.resultSeverity)),
                shape=_n3(report_graph, report_graph.value(res, SH.sourceShape)),
                value=_n3(report_graph, report_graph.value(res, SH.value)),
                component=_n3(report_graph, report_graph.value(res, SH.sourceConstraintComponent)),
            )
        )
    return Report(conforms=bool(conforms), results=tuple(sorted(results)), graph=report_graph)


@dataclass(frozen=True)
class _Constraint:
    """A SPARQL-based constraint of a node shape with a target class."""

    shape: Node
    node_shape: Node
    target: Node
    query: str
    message: str


def _constraints(shapes: Graph) -> list[_Constraint]:
    """Return the SPARQL-based constraints of the shapes' node shapes that target a class."""
    found = []
    for node_shape, constraint in shapes.subject_objects(SH.sparql):
        declared = shapes.value(constraint, SH.prefixes)
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for d in shapes.objects(declared, SH.declare)
        )
        for target in shapes.objects(node_shape, SH.targetClass):
            found.append(
                _Constraint(
                    constraint,
                    node_shape,
                    target,
                    prefixes + str(shapes.value(constraint, SH.select)),
                    str(shapes.value(constraint, SH.message) or "constraint not met"),
                )
            )
    return sorted(found, key=lambda c: (str(c.node_shape), str(c.shape)))


def _prebound(query: str, focus: ox.NamedNode | ox.BlankNode) -> str:
    """Bind $this to the focus node: a VALUES block opening the query's WHERE group."""
    where = query.upper().index("WHERE")
    brace = query.index("{", where) + 1
    query = query[:brace] + f" VALUES ?this {{ {focus} }} " + query[brace:]
    return query.replace("$this", "?this")


def _message(template: str, row: ox.QuerySolution, names: list[str]) -> str:
    """Fill a SHACL message template's {?name} slots with the row's values."""
    for name in names:
        value = row[name]
        text = (
            "(none)"
            if value is None
            else (value.value if isinstance(value, ox.Literal) else str(value))
        )
        if isinstance(value, ox.Literal):
            text = repr(text) if len(text) <= 80 else repr(text[:77] + "...")
        template = template.replace("{?" + name + "}", text)
    return template


def _select(store: ox.Store, query: str) -> ox.QuerySolutions:
    """Run a SELECT query (the shapes' queries are SELECT queries: sh:select)."""
    solutions = store.query(query)
    if not isinstance(solutions, ox.QuerySolutions):
        raise TypeError(f"not a SELECT query: {query}")
    return solutions


def validate_documents(
    graphs: Mapping[URIRef, Graph | bytes], shapes: Graph | None = None
) -> Report:
    """Check each document graph alone against the document shapes' SPARQL constraints.

    graphs maps a document graph's name to the graph, or to its N-Triples (bytes).

    The SHACL-SPARQL semantics, for the shapes this project writes (a node shape with
    sh:targetClass and sh:sparql constraints with sh:select): each instance of the target is
    pre-bound to $this and every solution of the query is a violation. pyoxigraph runs the
    queries: pySHACL's rdflib engine took a second per document on them, more than the build.
    tests/test_shapes.py checks that pySHACL reports the same on every example.
    """
    from ..terms import converter, triple_terms

    shapes = load_document_shapes() if shapes is None else shapes
    constraints = _constraints(shapes)
    results: list[Result] = []
    for name in sorted(graphs):
        to_oxigraph = converter()  # one memo per document: terms recur within a graph
        store = ox.Store()
        data = graphs[name]
        if isinstance(data, bytes):  # N-Triples, as a build holds its document graphs
            store.load(data, format=ox.RdfFormat.N_TRIPLES)
        else:
            store.bulk_extend(ox.Quad(*triple_terms(triple, to_oxigraph)) for triple in data)
        for c in constraints:
            targets = f"SELECT ?s WHERE {{ ?s a {to_oxigraph(c.target)} }}"
            focus_nodes = [r["s"] for r in _select(store, targets)]
            for focus in focus_nodes:
                solutions = _select(store, _prebound(c.query, focus))
                names = [v.value for v in solutions.variables]
                for row in solutions:
                    value = row["value"] if "value" in names else None
                    results.append(
                        Result(
                            focus=str(focus),
                            path="",
                            message=_message(c.message, row, names),
                            severity="sh:Violation",
                            shape=str(c.shape),
                            value="" if value is None else str(value),
                        )
                    )
    report = Graph()
    return Report(conforms=not results, results=tuple(sorted(results)), graph=report)
