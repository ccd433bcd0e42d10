"""Write a graph as compact JSON-LD with the project's @context, deterministically.

The context (ontology/context.jsonld) holds prefixes and a few terms. Compaction with it is
simple enough to do directly: IRIs become prefixed names, the terms are used where their
type coercion fits the value, every other value is a node or value object. rdflib's JSON-LD
writer gives the same graph but took a tenth of the whole build.
"""

import json
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from ..resources import ONTOLOGY_DIR

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
Context = dict[str, Any]  # a JSON-LD @context, as parsed JSON
# A node reference, and an object term (pyoxigraph's), that JSON-LD writes here.
NodeTerm = ox.NamedNode | ox.BlankNode
ObjectTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def load_context() -> Context:
    """Return the project's @context."""
    document = json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))
    context: Context = document["@context"]
    return context


class Compactor:
    """Compact IRIs and values with one context: its prefixes and its terms."""

    def __init__(self, context: Context):
        self.prefixes = sorted(
            ((name, iri) for name, iri in context.items() if isinstance(iri, str)),
            key=lambda p: -len(p[1]),  # the longest namespace wins
        )
        self.compacted: dict[str, str] = {}  # IRI -> its compact form, once worked out
        # property IRI -> (term, coercion: "@id", a datatype IRI, or None)
        self.terms: dict[str, tuple[str, str | None]] = {}
        for term, definition in context.items():
            if isinstance(definition, dict):
                coercion = definition.get("@type")
                if coercion not in (None, "@id"):
                    coercion = self.expand(coercion)
                self.terms[self.expand(definition["@id"])] = (term, coercion)

    def expand(self, name: str) -> str:
        prefix, sep, local = name.partition(":")
        for p, iri in self.prefixes:
            if sep and p == prefix:
                return iri + local
        return name

    def iri(self, iri: str) -> str:
        """Return a prefixed name for an IRI where a prefix fits, else the IRI itself."""
        found = self.compacted.get(iri)
        if found is None:
            found = self.compacted[iri] = self._compact(iri)
        return found

    def _compact(self, iri: str) -> str:
        for prefix, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                local = iri[len(namespace) :]
                if not local.startswith("//"):  # would read as a network-path IRI
                    return f"{prefix}:{local}"
        return iri

    def node_ref(self, term: NodeTerm) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term: ObjectTerm) -> dict[str, str] | str:
        """Return the value object (or plain string) of an object term."""
        if not isinstance(term, ox.Literal):
            return {"@id": self.node_ref(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}

    def entry(self, predicate: str, term: ObjectTerm) -> tuple[str, object]:
        """Return the key and value of one statement: a term of the context where it fits."""
        term_name, coercion = self.terms.get(predicate, (None, None))
        if term_name is not None:
            if coercion == "@id" and not isinstance(term, ox.Literal):
                return term_name, self.node_ref(term)
            if coercion is None:
                return term_name, self.value(term)
            if (
                isinstance(term, ox.Literal)
                and not term.language
                and (term.datatype.value == coercion)
            ):
                return term_name, term.value
        return self.iri(predicate), self.value(term)


def _sort_key(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def compact_jsonld(triples: Iterable[ox.Triple | ox.Quad], context: Context | None = None) -> bytes:
    """Return the triples (or the quads' triples) as one compact JSON-LD document, the same
    bytes for the same graph."""
    context = context or load_context()
    compactor = Compactor(context)
    nodes: dict[str, dict[str, list[object]]] = {}
    for t in triples:
        subject, obj = t.subject, t.object
        if isinstance(subject, ox.Triple) or isinstance(obj, ox.Triple):
            raise ValueError(f"a triple term (RDF-star) has no JSON-LD form here: {t}")
        node = nodes.setdefault(compactor.node_ref(subject), {})
        if t.predicate.value == RDF_TYPE and not isinstance(obj, ox.Literal):
            node.setdefault("@type", []).append(compactor.node_ref(obj))
        else:
            key, value = compactor.entry(t.predicate.value, obj)
            node.setdefault(key, []).append(value)
    graph: list[dict[str, object]] = []
    for ref in sorted(nodes):
        written: dict[str, object] = {"@id": ref}
        for key, values in sorted(nodes[ref].items()):
            written[key] = values[0] if len(values) == 1 else sorted(values, key=_sort_key)
        graph.append(written)
    document = {"@context": context, "@graph": graph}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
