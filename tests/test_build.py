"""The build writes the dataset files deterministically and refuses a graph that breaks a shape."""

import os
import re
import subprocess
import sys

from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF

from conftest import checksums, run_cli
from diplokg.graph import iris
from diplokg.graph.vocab import DKG

DATASET_FILES = {"diplokg.trig", "diplokg.ttl", "diplokg.jsonld", "diplokg.nt", "diplokg.nq"}
VIOLATION = """\
@prefix dkg: <https://w3id.org/diplokg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix doc: <https://w3id.org/diplokg/id/document/> .

# A consulate with no sending entity: the quote is real, the fact is incomplete.
<https://w3id.org/diplokg/id/mission/consulate-antwerp> a dkg:Consulate ;
    rdfs:label "consulate in Antwerp"@en ;
    dkg:evidence [ dkg:source doc:002_4e0d7c184a6e1586 ;
                   dkg:quote "Canada also has a consulate in Antwerp" ] .
"""


def test_build_writes_every_dataset_file(built):
    """The output folder holds the TriG, Turtle, JSON-LD, N-Triples and N-Quads files."""
    for name in DATASET_FILES | {"ontology.html", "manifest.json"}:
        assert (built / "current" / name).is_file(), name
    for name in DATASET_FILES:
        assert (built / name).read_bytes() == (built / "current" / name).read_bytes()


def test_dataset_has_the_named_graphs_of_the_contract(built):
    """One graph per document, plus inferred, ontology and metadata graphs."""
    ds = Dataset(default_union=True).parse(built / "diplokg.trig", format="trig")
    names = {g.identifier for g in ds.graphs() if len(g)}
    docs = set(ds.subjects(RDF.type, DKG.SourceDocument))
    assert len(docs) == 3
    for doc in docs:
        doc_id = str(doc).rsplit("/", 1)[-1]
        assert iris.document_graph(doc_id) in names
    for name in ("inferred", "ontology", "metadata"):
        assert iris.graph(name) in names


def test_union_files_hold_the_same_graph(built):
    """Turtle, N-Triples and JSON-LD dumps parse to the same graph."""
    ttl = Graph().parse(built / "diplokg.ttl", format="turtle")
    nt = Graph().parse(built / "diplokg.nt", format="nt")
    jsonld = Graph().parse(built / "diplokg.jsonld", format="json-ld")
    assert len(ttl) == len(nt) == len(jsonld) > 0
    assert isomorphic(ttl, nt)
    assert isomorphic(ttl, jsonld)


def test_rebuild_is_byte_identical_across_processes(tmp_path):
    """Two builds in processes with different hash seeds write the same bytes."""
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--out", str(out), "--quiet"]
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        outs.append(checksums(out))
    assert outs[0] == outs[1]


def test_documents_read_in_a_pool_give_what_one_process_gives(seeds, tmp_path):
    """Extraction in two worker processes files the same graphs and entities, in the
    corpus's order, as extraction in this process (the pool is forced for a small corpus)."""
    from diplokg.graph.build import Progress, extract_all
    from diplokg.graph.ingest.corpus import read_corpus

    docs = read_corpus(seeds)
    quiet = Progress(quiet=True)
    alone = extract_all(docs, tmp_path / "one", quiet, jobs=1)
    pooled = extract_all(docs, tmp_path / "two", quiet, jobs=2, min_bytes=0)
    assert list(pooled[0]) == list(alone[0]) == [iris.document_graph(d.doc_id) for d in docs]
    for name, g in alone[0].items():
        assert set(pooled[0][name]) == set(g), name
    assert list(pooled[1]) == list(alone[1])
    # What a worker sent is what the cache holds: a rebuild reads it back unchanged.
    cached = extract_all(docs, tmp_path / "two", quiet, jobs=2, min_bytes=0)
    assert {n: set(g) for n, g in cached[0].items()} == {n: set(g) for n, g in alone[0].items()}


def test_workers_replaced_after_each_document_read_every_document_once(seeds):
    """With a new generation of workers after every document (pools forked one after
    another), each document is read once and gives what this process gives."""
    from diplokg.graph.extract.document import extract
    from diplokg.graph.extract.pool import extract_in_pool, serialize
    from diplokg.graph.ingest.corpus import read_corpus

    docs = read_corpus(seeds)
    got = {doc.doc_id: text for doc, text, _ in extract_in_pool(docs, 2, tasks_per_worker=1)}
    assert sorted(got) == sorted(d.doc_id for d in docs)
    for doc in docs:
        mine = Graph().parse(data=serialize(extract(doc).graph), format="nt")
        assert isomorphic(Graph().parse(data=got[doc.doc_id], format="nt"), mine), doc.doc_id


def test_jobs_must_be_a_count():
    for bad in ("0", "two"):
        cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--jobs", bad]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert done.returncode == 2
        assert f"argument --jobs: '{bad}'" in done.stderr


def test_violating_graph_exits_1_prints_report_and_keeps_dataset(seeds, published, capsys):
    """A shape violation fails with exit 1 and a report; the dataset stays byte-identical."""
    before = checksums(published)
    (seeds / "curated.ttl").write_text(VIOLATION, encoding="utf-8")
    code, _out, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published, "--quiet")
    assert code == 1
    assert "consulate-antwerp" in err
    assert "dkg:sendingEntity" in err
    assert "nothing was published" in err
    report = (published / "validation-report.txt").read_text(encoding="utf-8")
    assert "consulate-antwerp" in report
    assert checksums(published) == before


def test_validate_verb_checks_a_built_dataset(built, capsys):
    """diplokg validate exits 0 on the built seeds and says they conform."""
    code, out, _ = run_cli(capsys, "validate", "--data", built)
    assert code == 0
    assert "conforms" in out


def test_stats_verb_counts_graphs(built, capsys):
    """diplokg stats prints instances per class and triples per named graph."""
    code, out, _ = run_cli(capsys, "stats", "--data", built)
    assert code == 0
    assert "SourceDocument" in out
    assert "graph/inferred" in out


def test_stats_reports_rule_and_curated_facts_and_disagreements(built, capsys):
    """stats counts claims by origin (at most 1 in 10 curated) and lists disagreements, each
    side with its document's title and words."""
    code, out, _ = run_cli(capsys, "stats", "--data", built)
    assert code == 0
    facts = re.search(r"claims: (\d+) found by rules, (\d+) curated", out)
    rules, curated = int(facts.group(1)), int(facts.group(2))
    assert rules > 0
    assert curated * 10 <= rules + curated
    # The seeds call Belgium's post in Montreal a consulate in one place, a consulate general
    # in others: both claims are kept and the disagreement is listed.
    found = re.search(r"belgium-consulate-ca-montreal \[kind\]\n\s+(.*)\n\s+(.*)\n", out)
    assert found, out
    first, second = found.groups()
    assert first.startswith("Consulate (") and second.startswith("ConsulateGeneral (")
    assert '"Belgium has an embassy in Ottawa, one consulate (in Montreal"' in first
    assert 'North America: "the Belgian Consulate General in Montreal"' in second


def test_unchanged_inputs_publish_nothing_new(seeds, published, capsys):
    """A second build of the same inputs stops early and keeps the same release."""
    before = checksums(published)
    code, out, _ = run_cli(capsys, "build", "--seeds", seeds, "--out", published)
    assert code == 0
    assert out.startswith("unchanged:")
    assert checksums(published) == before


def test_one_changed_document_is_the_only_one_extracted(seeds, published, capsys):
    """After one document changed, the others come from the cache."""
    doc = seeds / "002_4e0d7c184a6e1586.txt"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nNorway has an embassy in Ottawa.\n")
    code, _, err = run_cli(capsys, "build", "--seeds", seeds, "--out", published)
    assert code == 0
    lines = [line for line in err.splitlines() if "extract:" in line]
    assert len(lines) == 3
    assert sum("from cache" in line for line in lines) == 2
    assert "002_4e0d7c184a6e1586" in next(line for line in lines if "extracted" in line)
