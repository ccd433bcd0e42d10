"""Compute what the ontology lets us infer from the asserted facts (OWL RL, by owlrl)."""

from collections.abc import Iterator
from contextlib import contextmanager

import owlrl
import owlrl.Closure
import owlrl.OWLRL
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, DefinedNamespace
from rdflib.term import Node

from ..vocab import DKG

# Types every resource has in OWL RL; stating them tells a user nothing.
TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}


# The ontology's triples that OWL RL rules read; labels and definitions only slow owlrl down
# (its rules scan every triple on every round).
AXIOMS = {
    RDF.type, RDF.first, RDF.rest, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain,
    RDFS.range, OWL.inverseOf, OWL.equivalentClass, OWL.equivalentProperty, OWL.unionOf,
    OWL.intersectionOf, OWL.disjointWith, OWL.propertyChainAxiom,
}  # fmt: skip


SAME_AS = OWL.sameAs


class _Terms:
    """A namespace whose terms, once looked up, are plain attributes."""

    def __init__(self, namespace: type[DefinedNamespace]):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._namespace[name]


@contextmanager
def _plain_vocabulary() -> Iterator[None]:
    """Let owlrl's rules read OWL, RDF and RDFS terms as plain attributes while it runs.

    rdflib's closed namespaces resolve every attribute through a metaclass with checks, and
    owlrl's rules look terms up about half a million times for the seeds: that lookup was
    half of the reasoning time. The terms are the same URIRefs; only the lookup is cheaper.
    """
    modules = (owlrl.OWLRL, owlrl.Closure)
    saved = [(m, name, getattr(m, name)) for m in modules for name in ("OWL", "RDF", "RDFS")
             if hasattr(m, name)]  # fmt: skip
    for module, name, namespace in saved:
        setattr(module, name, _Terms(namespace))
    try:
        yield
    finally:
        for module, name, namespace in saved:
            setattr(module, name, namespace)


class OWLRL(owlrl.OWLRL_Semantics):  # type: ignore[misc]  # owlrl ships no type information
    """owlrl's OWL RL rules without reflexive owl:sameAs.

    Rule eq-ref states x owl:sameAs x for every term of every triple; each of those then runs
    the replacement rules eq-rep-*, which can only restate triples already there. Dropping
    them changes no other inference (x sameAs x adds nothing) and saves a quarter of the time.
    """

    def store_triple(self, t: tuple[Node, Node, Node]) -> None:
        if t[1] == SAME_AS and t[0] == t[2]:
            return
        super().store_triple(t)


def axioms(ontology: Graph) -> Graph:
    """Keep the ontology's logical axioms, leaving out annotations."""
    kept = Graph()
    for triple in ontology:
        if triple[1] in AXIOMS:
            kept.add(triple)
    return kept


def reasoning_input(asserted: Graph) -> Graph:
    """Keep the facts that reasoning is about: claims, passages and documents are provenance,
    and reasoning over them only ever yields trivial triples."""
    provenance = {
        s
        for cls in (DKG.Claim, DKG.Evidence, DKG.SourceDocument)
        for s in asserted.subjects(RDF.type, cls)
    }
    facts = Graph()
    for s, p, o in asserted:
        if s in provenance:
            continue
        # Labels, titles and other literals of vocabularies not ours trigger no OWL RL rule
        # that adds anything to a user; they only slow owlrl down.
        if isinstance(o, Literal) and not str(p).startswith(str(DKG)):
            continue
        facts.add((s, p, o))
    return facts


def individuals(facts: Graph, ontology: Graph) -> set[URIRef]:
    """Return the IRIs the facts speak about: not classes, not the ontology's own terms."""
    classes = set(facts.objects(None, RDF.type))
    terms = set(ontology.subjects())
    nodes = set(facts.subjects()) | set(facts.objects())
    return {n for n in nodes if isinstance(n, URIRef) and n not in classes and n not in terms}


def _informative(triple: tuple[Node, Node, Node], about: set[URIRef]) -> bool:
    s, p, o = triple
    # Inferences about classes and properties (owlrl derives many, e.g. on XSD datatypes)
    # say nothing about the world; keep what is said of the facts' own individuals.
    if s not in about or (isinstance(o, BNode | Literal) and p == RDF.type):
        return False
    if p == OWL.sameAs and s == o:
        return False
    return not (p == RDF.type and o in TRIVIAL_TYPES)


def infer(asserted: Graph, ontology: Graph) -> Graph:
    """Return only the new, informative triples of the OWL RL closure of facts plus ontology.

    owlrl expands its graph in place, so it works on a copy; the inputs never change.
    """
    facts = reasoning_input(asserted)
    ontology = axioms(ontology)
    # owlrl needs no named-graph bookkeeping: the context-free store is faster.
    closure = Graph(store="SimpleMemory")
    for triple in facts:
        closure.add(triple)
    for triple in ontology:
        closure.add(triple)
    with _plain_vocabulary():
        reasoner = owlrl.DeductiveClosure(OWLRL, axiomatic_triples=False, datatype_axioms=False)
        reasoner.expand(closure)
    about = individuals(facts, ontology)
    inferred = Graph()
    for triple in closure:
        if triple in asserted or triple in ontology:
            continue
        if _informative(triple, about):
            inferred.add(triple)
    return inferred
