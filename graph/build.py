"""Run the pipeline: ingest, extract, reason, validate, then publish the dataset whole."""

import json
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from . import iris
from .background import Background
from .cache import ExtractionCache, input_fingerprint
from .claims.curated import load_curated
from .claims.evidence import facts_of
from .errors import OutputError, ValidationFailed
from .extract.document import extract
from .extract.pool import (
    POOL_MIN_BYTES,
    EntityKey,
    default_jobs,
    entity_keys,
    extract_in_pool,
    worth_a_pool,
)
from .extract.pool import serialize as serialize_graph
from .extract.results import DocumentGraphs, Lazy, parse_ntriples
from .ingest.corpus import Document, read_corpus
from .link.items import link, link_wars
from .link.places import describe_entities
from .link.wikidata_statements import statements
from .link.wikidata_view import ViewNodes, wikidata_view
from .publish.dataset import Quads, describe, version_of, write_dumps
from .publish.dumps import Files
from .publish.ontodoc import render_ontology_html
from .publish.release import build_lock, current_release, publish
from .reading.gazetteer import Entity
from .reason.owl import infer
from .terms import stable_terms
from .validate.quarantine import ROUNDS, Quarantine, quarantine_text, withdraw
from .validate.shapes import (
    Report,
    Result,
    load_ontology,
    load_shapes,
    validate_documents,
    validate_graph,
)
from .vocab import DKG

QuadSubject = ox.NamedNode | ox.BlankNode | ox.Triple


@dataclass(frozen=True)
class Summary:
    """What a dataset holds, as a build reports it and its manifest records it."""

    classes: dict[str, int]  # instances per class of ours (by local name)
    graphs: dict[str, int]  # triples per named graph
    rule_claims: int  # claims found by rules
    curated_claims: int
    linked: int  # entities linked to a Wikidata item
    unlinked: int

    def to_json(self) -> dict[str, Any]:
        """Return the summary as the manifest writes it."""
        return {
            "class": self.classes,
            "graph": self.graphs,
            "facts": {"rule": self.rule_claims, "curated": self.curated_claims},
            "wikidata": {"linked": self.linked, "unlinked": self.unlinked},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Summary":
        """Read the summary of a manifest (parsed JSON)."""
        facts, links = data["facts"], data["wikidata"]
        return cls(
            dict(data["class"]),
            dict(data["graph"]),
            int(facts["rule"]),
            int(facts["curated"]),
            int(links["linked"]),
            int(links["unlinked"]),
        )


@dataclass
class BuildResult:
    """What a build published: where, which version, and what the dataset holds."""

    release: Path
    version: str
    summary: Summary
    unchanged: bool = False


class Progress:
    """Print one line per stage with its time, to stderr so stdout stays for data."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = time.perf_counter()

    def say(self, message: str) -> None:
        if not self.quiet:
            elapsed = time.perf_counter() - self.started
            print(f"[{elapsed:6.2f}s] {message}", file=sys.stderr, flush=True)


@contextmanager
def writing(path: Path) -> Iterator[None]:
    """Turn a failed write (a full disk, no permission) into a message; nothing is published."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise OutputError(
            f"{path}: cannot write: {reason}; nothing was published, the last good dataset stays"
        ) from None


def write_report(out: Path, report: Report, quarantine: Quarantine | None = None) -> None:
    """Write the validation report beside the dataset, as text and as Turtle, with the
    claims the build withdrew into the quarantine."""
    out.mkdir(parents=True, exist_ok=True)
    text = report.text()
    if quarantine is not None and quarantine.count:
        text += quarantine_text(quarantine)
    (out / "validation-report.txt").write_text(text, encoding="utf-8")
    report.graph.serialize(out / "validation-report.ttl", format="turtle")


def merge(*graphs: Graph, store: str = "SimpleMemory") -> Graph:
    """Return a new graph holding the triples of all the given graphs.

    The context-free store is much faster to fill; pySHACL needs the context-aware "Memory".
    """
    union = Graph(store=store)
    for g in graphs:
        for triple in g:
            union.add(triple)
    return union


def extract_all(
    docs: list[Document],
    out: Path,
    progress: Progress,
    jobs: int = 1,
    min_bytes: int = POOL_MIN_BYTES,
) -> tuple[DocumentGraphs, dict[URIRef, Entity]]:
    """Extract every document, reusing the cached result of unchanged ones; with jobs > 1 and
    at least min_bytes of text to read, in a pool of that many processes. Return the document
    graphs (held compressed, graph/documents.py) in the corpus's order and the entities they
    use. The result does not depend on jobs."""
    from .reading.gazetteer import gazetteer

    cache = ExtractionCache(out)
    todo: list[Document] = []
    n, count = len(docs), 0
    graphs = DocumentGraphs()
    found_keys: dict[str, list[EntityKey]] = {}

    def keep(
        doc: Document, g: Graph, ntriples: str | None, keys: list[EntityKey], how: str
    ) -> None:
        nonlocal count
        count += 1
        graphs.put(iris.document_graph(doc.doc_id), g, ntriples)
        found_keys[doc.doc_id] = keys
        progress.say(f"extract: [{count}/{n}] {doc.doc_id}: {len(g)} triple(s), {how}")

    def from_keys(keys: list[EntityKey]) -> list[Entity | None]:
        return [gazetteer().get(key.kind, key.slug) for key in keys]

    # Documents are filed as they come (any order); the graphs are put in the corpus's
    # order at the end, whatever order they were read in.
    for doc in docs:
        hit = cache.get_serialized(doc)
        if hit is None:
            todo.append(doc)
            continue
        triples, keys = hit
        keep(doc, parse_ntriples(triples.encode()), triples, keys, "unchanged, from cache")
    if worth_a_pool(todo, jobs, min_bytes):
        progress.say(f"extract: {len(todo)} document(s) in {min(jobs, len(todo))} processes")
        for doc, triples, keys in extract_in_pool(todo, jobs):
            g = parse_ntriples(triples.encode())
            with writing(cache.folder):
                cache.put_serialized(doc, triples, keys)
            keep(doc, g, triples, keys, "extracted")
    else:
        for doc in todo:
            extraction = extract(doc)
            g, found = extraction.graph, list(extraction.entities.values())
            triples, keys = serialize_graph(g), entity_keys(found)
            with writing(cache.folder):
                cache.put_serialized(doc, triples, keys)
            # Entities by their keys, as from the cache or a worker: one result, however read.
            keep(doc, g, triples, keys, "extracted")
    ordered = DocumentGraphs.ordered(graphs, [iris.document_graph(d.doc_id) for d in docs])
    entities: dict[URIRef, Entity] = {}
    for doc in docs:  # in the corpus's order, whatever order they were read in
        known = from_keys(found_keys[doc.doc_id])
        entities.update((e.iri, e) for e in known if e is not None)
    return ordered, entities


def check(doc_graphs: Mapping[URIRef, Graph], reference: Graph, ontology: Graph) -> Report:
    """Validate the facts of every document with the reference data against the shapes, and
    each document graph alone (its claims and passages) against the document shapes."""
    return check_union(doc_graphs, reference, ontology).joined(validate_documents(doc_graphs))


def _skeletons(doc_graphs: Mapping[URIRef, Graph]) -> list[Graph]:
    if isinstance(doc_graphs, DocumentGraphs):
        return [doc_graphs.skeleton(name) for name in doc_graphs]
    return [facts_of(g, skeleton=True) for g in doc_graphs.values()]


def check_union(doc_graphs: Mapping[URIRef, Graph], reference: Graph, ontology: Graph) -> Report:
    """Validate the facts of every document with the reference data against the shapes."""
    skeleton = merge(*_skeletons(doc_graphs), reference, store="Memory")
    return validate_graph(skeleton, shapes=load_shapes(), ontology=ontology)


def _named(result: Result) -> set[URIRef]:
    """Return the IRIs a validation result names as its focus node and value."""
    return {URIRef(t[1:-1]) for t in (result.focus, result.value) if t.startswith("<")}


def validate_or_withdraw(
    doc_graphs: DocumentGraphs,
    reference: Graph,
    ontology: Graph,
    strict: bool,
    progress: Progress,
) -> tuple[DocumentGraphs, Report, Quarantine]:
    """Validate; unless strict, withdraw the rules' claims that violate the union's shapes
    into the quarantine and validate again. Return the document graphs to publish (the
    given ones, changed in place), the report, and the quarantine. Malformed claims or
    passages are never withdrawn."""
    quarantine = Quarantine()
    documents = validate_documents(Lazy(doc_graphs, doc_graphs.ntriples))
    report = check_union(doc_graphs, reference, ontology)
    rounds = 0
    while not (strict or report.conforms or not documents.conforms or rounds == ROUNDS):
        # Only the documents that say something of a node a violation names can hold the
        # claims at fault: those are parsed, the others are not read.
        named: set[URIRef] = set().union(*(_named(r) for r in report.results))
        candidates = doc_graphs.about(named)
        changed, traced = withdraw(candidates, report, quarantine)
        for name, g in changed.items():
            if g is not candidates[name]:
                doc_graphs.put(name, g)
        rounds += 1
        if not traced:
            break
        report = check_union(doc_graphs, reference, ontology)
    if quarantine.count:
        progress.say(f"validate: {quarantine.count} claim(s) withdrawn into the quarantine")
    return doc_graphs, report.joined(documents), quarantine


def summary_of_quads(quads: Quads) -> Summary:
    """Count instances per class, triples per graph, claims by origin and Wikidata links, on
    the dataset's quads (a build holds no rdflib graph of every document)."""
    members: dict[str, set[QuadSubject]] = {}
    rule_claims = curated_claims = 0
    entities: set[QuadSubject] = set()
    linked: set[QuadSubject] = set()
    dkg, rdf_type, curated = str(DKG), str(RDF.type), str(DKG.curated)
    exact_match, claim_class = str(SKOS.exactMatch), str(DKG.Claim)
    provenance = {str(DKG.Evidence), str(DKG.SourceDocument), claim_class}
    for name in quads.by_graph:
        if name in (iris.graph("ontology"), iris.graph("metadata")):
            continue
        claims: set[QuadSubject] = set()
        curated_here: set[QuadSubject] = set()
        for q in quads.graph_quads(name):
            p = q.predicate.value
            if p == rdf_type and not isinstance(q.object, ox.Triple):
                cls = q.object.value
                if cls.startswith(dkg) and cls not in provenance:
                    members.setdefault(cls.rsplit("#", 1)[-1], set()).add(q.subject)
                    entities.add(q.subject)
                if cls == claim_class and isinstance(q.object, ox.NamedNode):
                    claims.add(q.subject)
            elif p == curated:
                curated_here.add(q.subject)
            elif p == exact_match:
                linked.add(q.subject)
        curated_claims += len(claims & curated_here)
        rule_claims += len(claims - curated_here)
    return Summary(
        classes={cls: len(nodes) for cls, nodes in sorted(members.items())},
        graphs={str(n): size for n, size in sorted(quads.sizes().items())},
        rule_claims=rule_claims,
        curated_claims=curated_claims,
        linked=len(entities & linked),
        unlinked=len(entities - linked),
    )


def unchanged(out: Path, fingerprint: str) -> BuildResult | None:
    """Return the published build if it was made from the same inputs, else None."""
    release = current_release(out)
    if release is None:
        return None
    try:
        manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.get("inputs") != fingerprint:
        return None
    summary = Summary.from_json(manifest["summary"])
    return BuildResult(release, manifest["version"], summary, unchanged=True)


def build(
    seeds: Path, out: Path, quiet: bool = False, strict: bool = False, jobs: int | None = None
) -> BuildResult:
    """Build the dataset from a seeds folder into out; raise before publishing on any error.

    A rule's claim that makes the graph violate a shape is withdrawn into the quarantine
    graph and the rest is published; with strict, any violation stops the build. jobs is
    the number of processes that extract documents (default: one per processor).
    """
    progress = Progress(quiet)
    with build_lock(out):
        docs = read_corpus(seeds)
        progress.say(f"ingest: {len(docs)} document(s) from {seeds}")
        fingerprint = input_fingerprint(seeds)
        if (same := unchanged(out, fingerprint)) is not None:
            progress.say(f"unchanged inputs: version {same.version} stays published")
            return same
        curated = load_curated(seeds, docs)
        jobs = default_jobs() if jobs is None else jobs
        doc_graphs, entities = extract_all(docs, out, progress, jobs)
        for doc in docs:
            if doc.doc_id in curated:
                name = iris.document_graph(doc.doc_id)
                doc_graphs.put(name, merge(doc_graphs[name], curated[doc.doc_id]))
        reference = describe_entities(entities.values())
        # A war's type and names are facts: the documents' facts are enough to link it.
        links = link(reference) + link_wars(*(doc_graphs.facts(n) for n in doc_graphs))
        reference += links
        progress.say(
            f"reference: {len(reference)} triple(s) about {len(entities)} entities, "
            f"{len(links)} linked to Wikidata"
        )
        ontology = load_ontology()
        asserted = merge(*(doc_graphs.facts(n) for n in doc_graphs), reference)
        reasoning = Background(infer, asserted, ontology)
        try:
            # The asserted facts are validated, not their closure: in the closure every value
            # of a property has the property's range as a type, so sh:class could never fail.
            # Claims and passages are checked on each document graph alone, much faster.
            doc_graphs, report, quarantine = validate_or_withdraw(
                doc_graphs, reference, ontology, strict, progress
            )
            with writing(out):
                write_report(out, report, quarantine)
            if not report.conforms:
                progress.say(f"validate: {len(report.results)} violation(s); nothing published")
                raise ValidationFailed(report)
            warned = f", with {len(report.results)} warning(s)" if report.results else ""
            progress.say(f"validate: the graph conforms to the shapes{warned}")
            page = render_ontology_html(ontology, load_shapes()).encode()
            if quarantine.count:  # the facts changed: reason over the ones that stay
                reasoning.cancel()
                asserted = merge(*(doc_graphs.facts(n) for n in doc_graphs), reference)
                reasoning = Background(infer, asserted, ontology)
            inferred = reasoning.result()
        finally:
            reasoning.cancel()
        progress.say(f"reason: {len(inferred)} inferred triple(s)")
        view = wikidata_view(asserted, inferred, ontology)
        nodes = ViewNodes(asserted, ontology)
        view += statements(view, asserted, doc_graphs.for_statements(), nodes)
        progress.say(f"wikidata view: {len(view)} triple(s)")
        graphs = {
            iris.graph("reference"): reference,
            iris.graph("inferred"): inferred,
            iris.graph("wikidata"): view,
            iris.graph("ontology"): ontology,
        }
        if quarantine.count:
            graphs[iris.graph("quarantine")] = quarantine.graph
        # The document graphs' terms were made stable when they were put.
        quads = Quads({name: stable_terms(g) for name, g in graphs.items()})
        del graphs, view, inferred  # their quads are what is published now
        for name in doc_graphs:  # made once, for the version and for every dump
            quads.add_ntriples(name, doc_graphs.ntriples(name))
        version = version_of(quads)
        sources = [iris.document(d.doc_id) for d in docs]
        metadata = describe({}, sources, version, quads)
        quads.add(iris.graph("metadata"), metadata)
        summary = summary_of_quads(quads)
        with (
            writing(out / "releases"),
            tempfile.TemporaryDirectory(prefix=".dumps-", dir=out) as tmp,
        ):
            # The dumps go to files as they are made, then move into the release.
            files: Files = dict(write_dumps(quads, Path(tmp)))
            del quads
            files["ontology.html"] = page
            about = {"inputs": fingerprint, "summary": summary.to_json()}
            release = publish(out, version, files, about)
        progress.say(f"publish: version {version} in {release}")
        return BuildResult(release, version, summary)
