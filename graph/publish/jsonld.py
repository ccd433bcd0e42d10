"""Write a graph as compact JSON-LD with the project's @context, deterministically.

The context (ontology/context.jsonld) holds prefixes and a few terms. Compaction with it is
simple enough to do directly: IRIs become prefixed names, the terms are used where their
type coercion fits the value, every other value is a node or value object. rdflib's JSON-LD
writer gives the same graph but took a tenth of the whole build.
"""

import json

import pyoxigraph as ox

from ..resources import ONTOLOGY_DIR

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def load_context() -> dict:
    """Return the project's @context."""
    return json.loads((ONTOLOGY_DIR / "context.jsonld").read_text(encoding="utf-8"))["@context"]


class Compactor:
    """Compact IRIs and values with one context: its prefixes and its terms."""

    def __init__(self, context: dict):
        self.prefixes = sorted(
            ((name, iri) for name, iri in context.items() if isinstance(iri, str)),
            key=lambda p: -len(p[1]),  # the longest namespace wins
        )
        self.compacted: dict[str, str] = {}  # IRI -> its compact form, once worked out
        # property IRI -> (term, coercion: "@id", a datatype IRI, or None)
        self.terms = {}
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

    def node_ref(self, term) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term) -> dict | str:
        """Return the value object (or plain string) of an object term."""
        if not isinstance(term, ox.Literal):
            return {"@id": self.node_ref(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return term.value
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}

    def entry(self, predicate: str, term) -> tuple[str, object]:
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


def _sort_key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def compact_jsonld(triples: list[ox.Triple], context: dict | None = None) -> bytes:
    """Return the triples as one compact JSON-LD document, the same bytes for the same graph."""
    context = context or load_context()
    compactor = Compactor(context)
    nodes: dict[str, dict[str, list]] = {}
    for t in triples:
        node = nodes.setdefault(compactor.node_ref(t.subject), {})
        if t.predicate.value == RDF_TYPE and not isinstance(t.object, ox.Literal):
            node.setdefault("@type", []).append(compactor.node_ref(t.object))
        else:
            key, value = compactor.entry(t.predicate.value, t.object)
            node.setdefault(key, []).append(value)
    graph = []
    for ref in sorted(nodes):
        node = {"@id": ref}
        for key, values in sorted(nodes[ref].items()):
            node[key] = values[0] if len(values) == 1 else sorted(values, key=_sort_key)
        graph.append(node)
    document = {"@context": context, "@graph": graph}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()
