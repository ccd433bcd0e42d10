"""Run the pipeline: ingest, extract, reason, validate, then publish the dataset whole."""

import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from . import iris
from .curated import load_curated
from .dataset import describe, serialize, stable_blank_nodes, version_of
from .errors import ValidationFailed
from .extract import extract
from .ingest import read_corpus
from .ontodoc import render_ontology_html
from .publish import build_lock, publish
from .reason import infer
from .validate import Report, load_ontology, load_shapes, validate_graph
from .vocab import DKG


@dataclass
class BuildResult:
    """What a build produced: where, which version, and counts for the summary."""

    release: Path
    version: str
    graphs: dict[URIRef, Graph]
    report: Report
    counts: dict[str, Counter] = field(default_factory=dict)


class Progress:
    """Print one line per stage with its duration, to stderr so stdout stays for data."""

    def __init__(self, quiet: bool = False):
        self.quiet = quiet
        self.started = time.perf_counter()

    def say(self, message: str) -> None:
        if not self.quiet:
            elapsed = time.perf_counter() - self.started
            print(f"[{elapsed:6.2f}s] {message}", file=sys.stderr, flush=True)


def write_report(out: Path, report: Report) -> None:
    """Write the validation report beside the dataset, as text and as Turtle."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "validation-report.txt").write_text(report.text(), encoding="utf-8")
    report.graph.serialize(out / "validation-report.ttl", format="turtle")


def merge(*graphs: Graph) -> Graph:
    """Return a new graph holding the triples of all the given graphs."""
    union = Graph()
    for g in graphs:
        for triple in g:
            union.add(triple)
    return union


def build(seeds: Path, out: Path, quiet: bool = False) -> BuildResult:
    """Build the dataset from a seeds folder into out; raise before publishing on any error."""
    progress = Progress(quiet)
    with build_lock(out):
        docs = read_corpus(seeds)
        progress.say(f"ingest: {len(docs)} document(s) from {seeds}")
        curated = load_curated(seeds, docs)
        doc_graphs: dict[URIRef, Graph] = {}
        for doc in docs:
            g = extract(doc)
            if doc.doc_id in curated:
                g = merge(g, curated[doc.doc_id])
            doc_graphs[iris.document_graph(doc.doc_id)] = g
            progress.say(f"extract: {doc.doc_id}: {len(g)} triple(s)")
        ontology = load_ontology()
        asserted = merge(*doc_graphs.values())
        inferred = infer(asserted, ontology)
        progress.say(f"reason: {len(inferred)} inferred triple(s)")
        # The asserted facts are validated, not their closure: in the closure every value of
        # a property already has the property's range as a type, so sh:class could never fail.
        report = validate_graph(asserted, shapes=load_shapes(), ontology=ontology)
        write_report(out, report)
        if not report.conforms:
            progress.say(f"validate: {len(report.results)} violation(s); nothing published")
            raise ValidationFailed(report)
        progress.say("validate: the graph conforms to the shapes")
        graphs = dict(doc_graphs)
        graphs[iris.graph("inferred")] = inferred
        graphs[iris.graph("ontology")] = ontology
        graphs = {name: stable_blank_nodes(g) for name, g in graphs.items()}
        version = version_of(graphs)
        sources = [iris.document(d.doc_id) for d in docs]
        graphs[iris.graph("metadata")] = describe(graphs, sources, version)
        files = serialize(graphs)
        files["ontology.html"] = render_ontology_html(ontology, load_shapes()).encode()
        release = publish(out, version, files)
        progress.say(f"publish: version {version} in {release}")
        counts = {"class": Counter(), "graph": Counter()}
        for name, g in graphs.items():
            counts["graph"][str(name)] = len(g)
        for cls in merge(asserted, inferred).objects(None, RDF.type):
            if str(cls).startswith(str(DKG)):
                counts["class"][cls] += 1
        return BuildResult(release, version, graphs, report, counts)
