"""Withdraw the claims whose triples make the graph violate a shape, so the rest can publish.

A rule that reads a sentence wrongly ("Scotland lies in Wales") must not keep a whole
dataset from being published. After validation, each violation of the union's shapes is
traced to the document claims that state the triple at fault (its focus node, path and
value); those claims leave their document graphs for the quarantine graph, with their
phrases and the violation's message, and validation runs again. Where documents disagree on
a thing's one value (its name in a language, its sender), the value stated first stays and the
others are withdrawn. Warnings withdraw nothing. A violation that no rule's
claim explains (curated facts, reference data, a claim or passage that is malformed) still
stops the build, as does any violation with --strict.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from ..vocab import DKG
from .shapes import Report, Result

# Rounds of withdraw-and-validate: withdrawing a thing's claims may uncover a violation of a
# thing that pointed at it; a few rounds settle every case met so far.
ROUNDS = 4
# A claim at fault: (its document graph's name, the claim's node).
Culprit = tuple[URIRef, Node]


@dataclass
class Quarantine:
    """What a build withdrew: per document graph, the claims and their violations."""

    graph: Graph = field(default_factory=lambda: Graph(store="SimpleMemory"))
    count: int = 0


def _uri(text: str) -> URIRef | None:
    """Return the IRI a report names as <...>, else None (a blank node, a literal, nothing)."""
    return URIRef(text[1:-1]) if text.startswith("<") and text.endswith(">") else None


def _claims_of(
    g: Graph, subject: Node, predicate: Node | None = None, obj: Node | None = None
) -> list[Node]:
    """Return the claims of graph g about subject (and predicate, object when given)."""
    found = []
    for claim in g.subjects(RDF.subject, subject):
        if predicate is not None and (claim, RDF.predicate, predicate) not in g:
            continue
        if obj is not None and (claim, RDF.object, obj) not in g:
            continue
        found.append(claim)
    return found


def culprits(result: Result, doc_graphs: Mapping[URIRef, Graph]) -> list[Culprit]:
    """Return the (document graph, claim) pairs whose triples a violation is about.

    The triple at fault is (focus, path, value) when the report gives all three; (focus,
    path, any) when it gives no value; the object's claims for an inverse path; and every
    claim of the focus node when the report names no simple path (a thing that is wrong as a
    whole: no name, two kinds that exclude each other).
    """
    focus, value = _uri(result.focus), _uri(result.value) if result.value else None
    if focus is None:
        return []
    path = result.path
    inverse = path.startswith("^")
    predicate = _uri(path[1:] if inverse else path) if path else None
    if path and predicate is None:  # a prefixed name: the report's graph bound a prefix
        predicate = _expand(path.removeprefix("^"))
    found: list[Culprit] = []
    for name, g in doc_graphs.items():
        if predicate is None:
            claims = _claims_of(g, focus)
        elif inverse:
            claims = _claims_of(g, value, predicate, focus) if value else []
        else:  # a literal value: every value of the path (the report writes it in N3)
            claims = _claims_of(g, focus, predicate, value)
        found += [(name, c) for c in claims]
    if result.component in ONE_VALUE and predicate is not None and not inverse and not value:
        found = _after_the_first(found, doc_graphs, result.component)
    return found


# Constraints that allow one value (per language): documents that disagree on a name or a
# sender. The value stated first stays; the others are withdrawn, not all of them (which would
# leave the thing with no name or no sender, a violation no claim explains).
ONE_VALUE = {"sh:MaxCountConstraintComponent", "sh:UniqueLangConstraintComponent"}


def _after_the_first(
    found: list[Culprit], doc_graphs: Mapping[URIRef, Graph], component: str
) -> list[Culprit]:
    """Return the claims of every value but the one stated first (in the corpus's order of
    documents, then of the text); per language for sh:uniqueLang."""
    order = {name: i for i, name in enumerate(doc_graphs)}

    def stated_at(pair: Culprit) -> tuple[int, int, str]:
        name, claim = pair
        g = doc_graphs[name]
        evidence = g.objects(claim, DKG.evidence)
        starts = [int(str(v)) for e in evidence for v in g.objects(e, DKG.start)]
        return order[name], min(starts, default=0), str(g.value(claim, RDF.object))

    first: dict[str | None, Node | None] = {}  # language (or None) -> the value stated first
    for name, claim in sorted(found, key=stated_at):
        obj = doc_graphs[name].value(claim, RDF.object)
        lang = getattr(obj, "language", None) if component.startswith("sh:UniqueLang") else None
        first.setdefault(lang, obj)
    kept = set(first.values())
    return [(n, c) for n, c in found if doc_graphs[n].value(c, RDF.object) not in kept]


def _expand(name: str) -> URIRef | None:
    """Return the IRI of a dkg:, rdf: or rdfs: prefixed name, else None."""
    prefix, _, local = name.partition(":")
    spaces = {"dkg": str(DKG), "rdf": str(RDF), "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
    return URIRef(spaces[prefix] + local) if prefix in spaces and local else None


def withdraw(
    doc_graphs: Mapping[URIRef, Graph], report: Report, quarantine: Quarantine
) -> tuple[dict[URIRef, Graph], bool]:
    """Move the claims at fault for the report's violations out of their document graphs.

    Return the new document graphs (the inputs are not changed) and whether every violation
    was traced to claims a rule made (if not, the build must stop).
    """
    at_fault: dict[URIRef, dict[Node, list[Result]]] = {}
    traced = True
    for result in report.results:
        if result.severity != "sh:Violation":
            continue  # a warning or note stops nothing and withdraws nothing
        found = culprits(result, doc_graphs)
        rule_made = [(n, c) for n, c in found if (c, DKG.curated, None) not in doc_graphs[n]]
        if not rule_made or len(rule_made) != len(found):
            traced = False  # curated facts, reference data, or nothing to withdraw
            continue
        for name, claim in rule_made:
            at_fault.setdefault(name, {}).setdefault(claim, []).append(result)
    graphs = dict(doc_graphs)
    for name, claims in at_fault.items():
        graphs[name] = _without(doc_graphs[name], name, claims, quarantine)
    return graphs, traced


def _without(
    g: Graph, name: URIRef, claims: dict[Node, list[Result]], quarantine: Quarantine
) -> Graph:
    """Return graph g without the claims (their triples, their nodes), recording them."""
    withdrawn = set(claims)
    parts = (RDF.subject, RDF.predicate, RDF.object)
    triples = {tuple(g.value(c, p) for p in parts) for c in withdrawn}
    kept = Graph(store="SimpleMemory")
    for t in g:
        if t[0] in withdrawn or t in triples:
            continue
        kept.add(t)
    q = quarantine.graph
    for claim, results in claims.items():
        s, p, o = (g.value(claim, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if s is None or p is None or o is None:
            raise ValueError(f"{name}: the claim {claim} states no whole triple")
        q.add((claim, RDF.type, DKG.WithdrawnClaim))
        q.add((claim, DKG.withdrawnFrom, name))
        q.add((claim, DKG.claimedSubject, s))
        q.add((claim, DKG.claimedPredicate, p))
        q.add((claim, DKG.claimedObject, o))
        for rule in g.objects(claim, DKG.extractionRule):
            q.add((claim, DKG.extractionRule, rule))
        for ev in g.objects(claim, DKG.evidence):
            q.add((claim, DKG.evidence, ev))
            for _, pp, oo in g.triples((ev, None, None)):
                q.add((ev, pp, oo))
        for r in results:
            q.add((claim, DKG.violation, Literal(f"{r.message} ({r.shape} on {r.focus})")))
        quarantine.count += 1
    # Passages no claim cites any more (and their sentences) leave the document graph.
    cited = set(kept.objects(None, DKG.evidence))
    cited |= {s for ev in cited for s in kept.objects(ev, DKG.sentence)}
    for ev in set(kept.subjects(RDF.type, DKG.Evidence)) - cited:
        for triple in list(kept.triples((ev, None, None))):
            kept.remove(triple)
    return kept


def quarantine_text(quarantine: Quarantine) -> str:
    """Write the withdrawn claims for people: each triple, its words, and why it went."""
    q = quarantine.graph
    lines = ["", f"Withdrawn into the quarantine graph: {quarantine.count} claim(s)."]
    # Claims and passages are IRIs, the reasons literals: sorted as rdflib orders them.
    for claim in sorted(
        c for c in q.subjects(RDF.type, DKG.WithdrawnClaim) if isinstance(c, URIRef)
    ):
        spo = (q.value(claim, x) for x in (DKG.claimedSubject, DKG.claimedPredicate,
                                           DKG.claimedObject))  # fmt: skip
        lines.append("- " + " ".join("(none)" if x is None else x.n3() for x in spo))
        for ev in sorted(e for e in q.objects(claim, DKG.evidence) if isinstance(e, URIRef)):
            lines.append(f"    words:      {str(q.value(ev, DKG.quote))!r}")
        for why in sorted(w for w in q.objects(claim, DKG.violation) if isinstance(w, Literal)):
            lines.append(f"    because:    {why}")
    return "\n".join(lines) + "\n"
