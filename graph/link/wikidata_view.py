"""Express our facts as Wikidata truthy statements (wd: / wdt:), for the Wikidata view graph.

An entity linked to a Wikidata item (skos:exactMatch wd:Q…) appears under its wd: IRI, any
other under our own IRI. Classes become their Wikidata class where the ontology has a checked
skos:exactMatch to one (else our class IRI stays), with wdt:P279 among the classes used.
Only IDs of ontology/wikidata-ids.tsv appear. Plain Python over the graphs: no SPARQL.
"""

from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from ..ingest.checked_ids import known_qids
from ..vocab import DKG, WD, WDT

# (our property, Wikidata property), applied to every subject that has it.
DIRECT = [
    (DKG.sendingEntity, WDT.P137),
    (DKG.memberOf, WDT.P463),
    (DKG.party, WDT.P1891),
    (DKG.signatory, WDT.P1891),
    (DKG.participant, WDT.P710),
    (DKG.visitor, WDT.P710),
    (DKG.location, WDT.P276),
    (DKG.partOf, WDT.P361),
    (DKG.date, WDT.P585),
    (DKG.signingDate, WDT.P585),
    (DKG.startDate, WDT.P580),
    (DKG.endDate, WDT.P582),
    (DKG.effectiveDate, WDT.P7588),
    (DKG.opened, WDT.P571),
    (DKG.inception, WDT.P571),
    (DKG.closed, WDT.P576),
    (DKG.dissolved, WDT.P576),
    (DKG.holdsRole, WDT.P39),
]
# (our inverse property, Wikidata property): object wdt:P subject.
INVERSE = [(DKG.hasMember, WDT.P463), (DKG.hasPart, WDT.P361)]
# Wikidata property -> the facts of ours that state it: (our property, True if inverse).
SUPPORT: dict[URIRef, list[tuple[URIRef, bool]]] = {}
for _p, _wp, _inverse in (
    *((p, wp, False) for p, wp in DIRECT),
    *((p, wp, True) for p, wp in INVERSE),
    (RDF.type, WDT.P31, False),
    (DKG.hostState, WDT.P17, False),
    (DKG.country, WDT.P17, False),
    (DKG.city, WDT.P131, False),
    (DKG.locatedIn, WDT.P131, False),
    (DKG.accreditedTo, WDT.P1001, False),
    (DKG.diplomaticRelation, WDT.P530, False),
    (DKG.diplomaticRelation, WDT.P530, True),
):
    SUPPORT.setdefault(_wp, []).append((_p, _inverse))
# Classes whose instances are not things of the world: documents, spans, figures, concepts.
SKIPPED = {DKG.Evidence, DKG.Claim, DKG.SourceDocument, DKG.Statistic, DKG.DateValue}


class ViewNodes:
    """Name things as the view does: a node linked to a checked item by its wd: IRI, one of
    our classes by its checked Wikidata class, anything else by our own IRI."""

    def __init__(self, data: Graph, ontology: Graph):
        qids = known_qids()
        self.item: dict[Node, Node] = {}
        for s, o in data.subject_objects(SKOS.exactMatch):
            if str(o).startswith(str(WD)) and str(o)[len(str(WD)) :] in qids:
                self.item[s] = o
        self.wd_class: dict[Node, URIRef] = {}
        for c, o in ontology.subject_objects(SKOS.exactMatch):
            if str(c).startswith(str(DKG)) and str(o)[len(str(WD)) :] in qids:
                self.wd_class[c] = URIRef(str(o))

    def node(self, x: Node) -> Node:
        """Return a thing's node in the view."""
        return self.item.get(x, x) if isinstance(x, URIRef) else x

    def cls(self, c: Node) -> Node:
        """Return a class's node in the view."""
        return self.wd_class.get(c, c)


def _superclasses(ontology: Graph) -> dict[URIRef, set[URIRef]]:
    """Return the direct named superclasses of each of our classes."""
    supers: dict[URIRef, set[URIRef]] = {}
    for c, d in ontology.subject_objects(RDFS.subClassOf):
        if isinstance(c, URIRef) and isinstance(d, URIRef) and str(d).startswith(str(DKG)):
            supers.setdefault(c, set()).add(d)
    return supers


def _ancestors(cls: URIRef, supers: dict[URIRef, set[URIRef]]) -> set[URIRef]:
    seen: set[URIRef] = set()
    todo = [cls]
    while todo:
        for d in supers.get(todo.pop(), ()):
            if d not in seen:
                seen.add(d)
                todo.append(d)
    return seen


def wikidata_view(asserted_and_reference: Graph, inferred: Graph | None, ontology: Graph) -> Graph:
    """Return the Wikidata view of the facts: truthy statements and English labels."""
    qids = known_qids()
    data = asserted_and_reference
    graphs = [data] if inferred is None else [data, inferred]

    def triples(s: Node, p: Node, o: None) -> Iterator[tuple[Node, Node, Node]]:
        for g in graphs:
            yield from g.triples((s, p, o))

    nodes = ViewNodes(data, ontology)
    node, cls_node = nodes.node, nodes.cls
    supers = _superclasses(ontology)

    view = Graph(store="SimpleMemory")
    types: dict[Node, set[URIRef]] = {}
    for s, c in data.subject_objects(RDF.type):
        if isinstance(s, URIRef) and isinstance(c, URIRef) and str(c).startswith(str(DKG)):
            types.setdefault(s, set()).add(c)
    entities = {s for s, cs in types.items() if not cs & SKIPPED}
    used: set[URIRef] = set()
    for s in entities:
        # Only the most specific classes: a consulate general is not also stated a consulate.
        cs = types[s]
        implied: set[URIRef] = set().union(*(_ancestors(c, supers) for c in cs))
        for c in sorted(cs - implied):
            view.add((node(s), WDT.P31, cls_node(c)))
            used.add(c)
    for c in sorted(used):
        for d in _ancestors(c, supers) | {c}:
            for e in supers.get(d, ()):
                if cls_node(d) != cls_node(e):
                    view.add((cls_node(d), WDT.P279, cls_node(e)))
    for s in entities:
        n = node(s)
        for p, wp in DIRECT:
            for _, _, o in triples(s, p, None):
                if not isinstance(o, URIRef) or o in entities or o in types:
                    view.add((n, wp, node(o)))
        for p, wp in INVERSE:
            for _, _, o in triples(s, p, None):
                if o in entities:
                    view.add((node(o), wp, n))
        host = set(o for _, _, o in triples(s, DKG.hostState, None))
        for o in host:
            view.add((n, WDT.P17, node(o)))
        for _, _, o in triples(s, DKG.city, None):
            view.add((n, WDT.P131, node(o)))
        for _, _, o in triples(s, DKG.accreditedTo, None):
            if o not in host:
                view.add((n, WDT.P1001, node(o)))
        country = set(o for _, _, o in triples(s, DKG.country, None))
        if not host:
            for o in country:
                view.add((n, WDT.P17, node(o)))
        # A city's region; a place directly in its state says no more than P17.
        for _, _, o in triples(s, DKG.locatedIn, None):
            if o not in country and DKG.SovereignState not in types.get(o, ()):
                view.add((n, WDT.P131, node(o)))
        for _, _, o in triples(s, DKG.diplomaticRelation, None):
            view.add((n, WDT.P530, node(o)))
            view.add((node(o), WDT.P530, n))
    # An English label on every node of the view: ours, else the ontology's, else the table's.
    label_of: dict[Node, Literal] = {}
    for g in (ontology, data):
        for s, o in g.subject_objects(RDFS.label):
            if not isinstance(o, Literal) or o.language != "en":
                continue
            # The first label in sorted order: the same one on every build.
            if (n := node(s)) not in label_of or str(o) < str(label_of[n]):
                label_of[n] = o
    named = set(view.subjects()) | {o for o in view.objects() if isinstance(o, URIRef)}
    for n in named:
        label = label_of.get(n)
        if label is None and str(n).startswith(str(WD)):
            label = Literal(qids[str(n)[len(str(WD)) :]].label, lang="en")
        if label is None:
            label = Literal(str(n).rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1], lang="en")
        view.add((n, RDFS.label, label))
    return view
