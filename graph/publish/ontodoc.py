"""Render an OWL ontology, and optionally its SHACL shapes, as one self-contained HTML page."""

import re
from pathlib import Path
from typing import Required, TypedDict

import jinja2
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS, VANN
from rdflib.term import Node

# Section ids are reserved, so a term's anchor can never shadow them.
_SECTIONS = (
    ("classes", "Classes", (OWL.Class, RDFS.Class)),
    ("object-properties", "Object properties", (OWL.ObjectProperty,)),
    ("datatype-properties", "Datatype properties", (OWL.DatatypeProperty,)),
    ("datatypes", "Datatypes", (RDFS.Datatype,)),
    ("concept-schemes", "Concept schemes", (SKOS.ConceptScheme,)),
)
_TRAITS = "Transitive Symmetric Asymmetric Functional InverseFunctional Reflexive Irreflexive"
_MATCHES = "exactMatch closeMatch broadMatch narrowMatch relatedMatch"
_ALIGNMENTS = (OWL.equivalentClass, OWL.equivalentProperty, *(SKOS[m] for m in _MATCHES.split()))
_LABELS = (RDFS.label, SKOS.prefLabel)
_TEMPLATES = jinja2.FileSystemLoader(Path(__file__).parent / "templates")
_ENV = jinja2.Environment(loader=_TEMPLATES, autoescape=True, trim_blocks=True, lstrip_blocks=True)


# What the template prints (templates/ontology.html). These stay dictionaries, typed: the
# template tells a key that is absent (a literal has no link) from one that is None.
class Value(TypedDict, total=False):
    """A node as text: a literal with its language, a union with its parts, or an IRI with
    its link and its full IRI as title."""

    text: Required[str]
    lang: str | None
    parts: list["Value"]
    href: str | None
    title: str


Rows = list[tuple[str, list[Value]]]  # a table's rows: (heading, values)


class Constraint(TypedDict):
    """A SHACL property shape of a class: its path, its count (min..max), its messages."""

    path: Value
    count: str
    messages: list[Value]


class Term(TypedDict):
    """Everything the page says about one term."""

    id: str
    iri: str
    curie: str
    title: str
    labels: list[Value]
    definitions: list[Value]
    deprecated: bool
    rows: Rows
    shapes: list[Constraint]
    members: list["Term"]


class Section(TypedDict):
    id: str
    title: str
    terms: list[Term]


class Metadata(TypedDict, total=False):
    title: Required[str]
    descriptions: list[Value]
    rows: Required[Rows]


def _words(camel: str) -> str:
    """Spell a camelCase name as lower-case words: 'InverseFunctional' -> 'inverse functional'."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", camel).lower()


def _local_name(iri: URIRef) -> str:
    """Return the part of an IRI after its last '#' or '/'."""
    text = str(iri).rstrip("#/")
    return text[max(text.rfind("#"), text.rfind("/")) + 1 :] or text


def _name_key(iri: URIRef) -> tuple[str, str, str]:
    """Sort terms by local name, case-insensitively, ties broken by the full IRI."""
    name = _local_name(iri)
    return (name.casefold(), name, str(iri))


def _text_key(value: Value) -> tuple[int, str, str]:
    """Put English text first, then untagged text, then the other languages alphabetically."""
    lang = value.get("lang") or ""
    return ({"en": 0, "": 1}.get(lang, 2), lang, value["text"])


class _Doc:
    """Turn the nodes of an ontology graph into plain values the template can print."""

    def __init__(self, graph: Graph, shapes: Graph | None) -> None:
        self.g, self.shapes = graph, shapes
        self.anchors: dict[URIRef, str] = {}
        self.members: dict[URIRef, list[URIRef]] = {}  # concept scheme -> its concepts
        # "domain" or "range" -> class IRI -> the properties of that domain or range
        self.usage: dict[str, dict[str | None, list[Value]]] = {"domain": {}, "range": {}}

    def assign_anchors(self, iris: set[URIRef]) -> None:
        """Give each IRI a unique HTML id: its local name when free."""
        used = {"top", "metadata", "toc", "external-terms"} | {sec[0] for sec in _SECTIONS}
        for iri in sorted(iris, key=_name_key):
            base = candidate = _local_name(iri) or "term"
            n = 1
            while candidate in used:
                n += 1
                candidate = f"{base}-{n}"
            used.add(candidate)
            self.anchors[iri] = candidate

    def curie(self, iri: URIRef) -> str:
        """Shorten an IRI with the graph's prefixes, or return it whole."""
        try:
            return self.g.namespace_manager.curie(iri, generate=False)
        except (KeyError, ValueError):
            return str(iri)

    def value(self, node: Node) -> Value:
        """Describe a node as text, with a link for an IRI (an anchor for a term on the page)."""
        if isinstance(node, Literal):
            return {"text": str(node), "lang": node.language}
        if isinstance(node, BNode):  # a union reads "A or B"
            union = self.g.value(node, OWL.unionOf)
            parts = [self.value(n) for n in Collection(self.g, union)] if union is not None else []
            return {"text": " or ".join(p["text"] for p in parts), "parts": parts}
        if not isinstance(node, URIRef):
            raise TypeError(f"not an RDF term of a graph: {node!r}")
        href = f"#{self.anchors[node]}" if node in self.anchors else None
        # Only web links: a crafted graph must not smuggle javascript: URLs into the page.
        if href is None and str(node).startswith(("http://", "https://")):
            href = str(node)
        return {"text": self.curie(node), "href": href, "title": str(node)}

    def values(self, subject: Node, *predicates: Node, graph: Graph | None = None) -> list[Value]:
        """Describe the objects of some predicates: links by CURIE, texts English first."""
        graph = self.g if graph is None else graph
        vals = [self.value(n) for p in predicates for n in graph.objects(subject, p)]
        # Class expressions other than unions (e.g. restrictions) would only read "(anonymous)".
        unique = {(v["text"], v.get("lang"), v.get("href")): v for v in vals if v.get("parts", 1)}
        return sorted(unique.values(), key=_text_key)

    def subjects(self, predicate: Node, obj: Node) -> list[Value]:
        """Describe the IRIs that point to an object through a predicate."""
        found = {s for s in self.g.subjects(predicate, obj) if isinstance(s, URIRef)}
        return [self.value(s) for s in sorted(found, key=_name_key)]

    def term(self, iri: URIRef, kind: str) -> Term:
        """Collect everything the page says about one term."""
        g, labels = self.g, self.values(iri, *_LABELS)
        english = [v for v in labels if v.get("lang") in ("en", None)]
        rows: Rows = []
        if kind == "classes":
            rows += [("Super-classes", self.values(iri, RDFS.subClassOf))]
            rows += [("Sub-classes", self.subjects(RDFS.subClassOf, iri))]
            rows += [("Disjoint with", self.values(iri, OWL.disjointWith))]
            rows += [("Used as domain of", self.usage["domain"].get(str(iri), []))]
            rows += [("Used as range of", self.usage["range"].get(str(iri), []))]
        elif kind.endswith("properties"):
            inverse = self.values(iri, OWL.inverseOf) + self.subjects(OWL.inverseOf, iri)
            inverse = list({v["title"]: v for v in inverse}.values())  # declared on both sides
            kinds = set(g.objects(iri, RDF.type))
            traits: list[Value] = [
                {"text": _words(t)} for t in _TRAITS.split() if OWL[t + "Property"] in kinds
            ]
            rows += [("Super-properties", self.values(iri, RDFS.subPropertyOf))]
            rows += [("Sub-properties", self.subjects(RDFS.subPropertyOf, iri))]
            rows += [("Domain", self.values(iri, RDFS.domain))]
            rows += [("Range", self.values(iri, RDFS.range))]
            rows += [("Characteristics", traits), ("Inverse of", inverse)]
        elif kind == "concepts":
            rows += [("Notation", self.values(iri, SKOS.notation))]
            rows += [("Broader", self.values(iri, SKOS.broader))]
        rows += [(_words(_local_name(p)).capitalize(), self.values(iri, p)) for p in _ALIGNMENTS]
        return {
            "id": self.anchors[iri],
            "iri": str(iri),
            "curie": self.curie(iri),
            "title": (english or labels or [{"text": _local_name(iri)}])[0]["text"],
            "labels": labels,
            "definitions": self.values(iri, SKOS.definition) or self.values(iri, RDFS.comment),
            "deprecated": any(str(v).lower() == "true" for v in g.objects(iri, OWL.deprecated)),
            "rows": [(label, vals) for label, vals in rows if vals],
            "shapes": self.constraints(iri) if kind == "classes" else [],
            "members": [self.term(m, "concepts") for m in self.members.get(iri, [])],
        }

    def constraints(self, cls: URIRef) -> list[Constraint]:
        """List the SHACL property shapes of the node shapes that target a class."""
        if self.shapes is None:
            return []
        sg = self.shapes
        targets = set(sg.subjects(SH.targetClass, cls))
        if (cls, RDF.type, SH.NodeShape) in sg:  # an implicit class target
            targets.add(cls)
        out: list[Constraint] = []
        for shape in sorted(targets, key=str):
            for prop in sg.objects(shape, SH.property):
                path = sg.value(prop, SH.path)
                low, high = sg.value(prop, SH.minCount), sg.value(prop, SH.maxCount)
                count = f"{low or 0}..{high or '*'}" if low is not None or high is not None else ""
                shown: Value = (
                    self.value(path) if isinstance(path, URIRef) else {"text": "(complex path)"}
                )
                # A SPARQL-based constraint keeps its message on its sh:sparql node.
                notes = [prop, *sg.objects(prop, SH.sparql)]
                messages = [m for n in notes for m in self.values(n, SH.message, graph=sg)]
                out.append({"path": shown, "count": count, "messages": messages})
        return sorted(out, key=lambda c: (c["path"]["text"], c["count"], str(c["messages"])))


def render_ontology_html(ontology: Graph, shapes: Graph | None = None) -> str:
    """Render the ontology graph as a readable, self-contained HTML page."""
    doc, g = _Doc(ontology, shapes), ontology
    heads = sorted(g.subjects(RDF.type, OWL.Ontology), key=lambda n: (isinstance(n, BNode), str(n)))
    head = heads[0] if heads else None
    ns_uri = g.value(head, VANN.preferredNamespaceUri) if head is not None else None
    namespace = str(ns_uri or head or "")
    found: dict[str, list[URIRef]] = {}
    seen: set[URIRef] = set()
    for sid, _, types in _SECTIONS:  # a term typed twice is shown once, in its first section
        terms = {s for t in types for s in g.subjects(RDF.type, t) if isinstance(s, URIRef)}
        found[sid] = sorted(terms - seen, key=_name_key)
        seen |= terms
    # External terms declared only to keep OWL 2 DL happy are listed apart, not documented.
    own = {i for i in seen if str(i).startswith(namespace)} or seen
    external = [
        (title, [doc.value(i) for i in found[sid] if i not in own]) for sid, title, _ in _SECTIONS
    ]
    found = {sid: [i for i in terms if i in own] for sid, terms in found.items()}
    for scheme in found["concept-schemes"]:
        inside = set(g.subjects(SKOS.inScheme, scheme)) | set(g.subjects(SKOS.topConceptOf, scheme))
        inside |= set(g.objects(scheme, SKOS.hasTopConcept))
        concepts = {m for m in inside if isinstance(m, URIRef)} - own
        doc.members[scheme] = sorted(concepts, key=_name_key)
        own |= set(doc.members[scheme])
    doc.assign_anchors(own)
    for prop in found["object-properties"] + found["datatype-properties"]:
        for key, predicate in (("domain", RDFS.domain), ("range", RDFS.range)):
            for cls in doc.values(prop, predicate):
                for part in cls.get("parts") or [cls]:  # keyed by IRI text
                    doc.usage[key].setdefault(part.get("title"), []).append(doc.value(prop))
    sections: list[Section] = [
        {"id": sid, "title": title, "terms": [doc.term(iri, sid) for iri in found[sid]]}
        for sid, title, _ in _SECTIONS
    ]
    meta: Metadata = _metadata(doc, head) if head is not None else {"title": "Ontology", "rows": []}
    external = [(title, vals) for title, vals in external if vals]
    page = _ENV.get_template("ontology.html")
    return page.render(meta=meta, sections=sections, external=external)


def _metadata(doc: _Doc, head: Node) -> Metadata:
    """Collect the owl:Ontology node's title, description and the rows of its metadata table."""
    titles = doc.values(head, DCTERMS.title) or doc.values(head, RDFS.label)
    rows = [
        ("IRI", [doc.value(head)]),
        ("Version IRI", doc.values(head, OWL.versionIRI)),
        ("Version", doc.values(head, OWL.versionInfo)),
        ("License", doc.values(head, DCTERMS.license)),
        ("Created", doc.values(head, DCTERMS.created)),
        ("Modified", doc.values(head, DCTERMS.modified)),
        ("Creators", doc.values(head, DCTERMS.creator, DCTERMS.publisher)),
        ("Preferred prefix", doc.values(head, VANN.preferredNamespacePrefix)),
        ("Namespace", doc.values(head, VANN.preferredNamespaceUri)),
    ]
    return {
        "title": titles[0]["text"] if titles else "Ontology",
        "descriptions": doc.values(head, DCTERMS.description) + doc.values(head, RDFS.comment),
        "rows": [(label, vals) for label, vals in rows if vals],
    }
