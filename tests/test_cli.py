"""The command line's rough edges: one clear line and exit 2, Ctrl-C, conflicting options."""

import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import checksums, run_cli


def test_no_verb_lists_the_verbs(capsys):
    """'diplokg' alone exits 2 and names every verb with what it does."""
    code, out, err = run_cli(capsys)
    assert code == 2 and out == ""
    for verb in ("build", "validate", "stats", "query", "export", "publish", "serve"):
        assert f"  {verb} " in err


def test_a_query_file_that_is_not_utf8_is_one_line(built, tmp_path, capsys):
    path = tmp_path / "latin1.rq"
    path.write_bytes('SELECT * WHERE { ?s ?p "été" }'.encode("latin-1"))
    code, out, err = run_cli(capsys, "query", "--data", built, "--file", path)
    assert code == 2 and out == ""
    assert err.splitlines() == [f"diplokg: error: {path}: not UTF-8 text (byte 24); save the "
                                "query as UTF-8"]  # fmt: skip


def test_a_query_given_twice_is_refused(built, tmp_path, capsys):
    path = tmp_path / "q.rq"
    path.write_text("ASK {}")
    code, _, err = run_cli(capsys, "query", "--data", built, "--file", path, "ASK {}")
    assert code == 2 and "not both" in err


def test_an_undeclared_prefix_is_named_with_its_declaration(built, capsys):
    code, _, err = run_cli(capsys, "query", "--data", built, "SELECT * { ?s a dkg:Embassy }")
    assert code == 2
    assert err.splitlines() == [
        "diplokg: error: SPARQL syntax error at line 1, column 28: the prefix dkg: is not "
        "declared; add PREFIX dkg: <https://w3id.org/diplokg/ontology#>"
    ]


def test_a_missing_term_is_said_in_words(built, capsys):
    """Where the parser lists every first character of a term, the error says 'a term'."""
    query = "SELECT ?m WHERE {\n  ?m <https://example.org/p> }"
    code, _, err = run_cli(capsys, "query", "--data", built, query)
    assert code == 2
    assert err.splitlines() == [
        "diplokg: error: SPARQL syntax error at line 2, column 30: expected a term: a variable, "
        "an IRI, a prefixed name, a literal or a blank node"
    ]


def test_a_wrong_format_suggests_only_formats_the_option_takes(built, capsys):
    code, _, err = run_cli(
        capsys, "query", "--data", built, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "--format", "csv"
    )
    assert code == 2 and len(err.splitlines()) == 1
    assert "trig" not in err and "'ttl'" in err


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--quickstatements", "--dump", "ttl"], "give one of them"),
        (["--quickstatements", "--gzip"], "use it with --dump"),
        (["--dump", "ttl", "--reference-properties", "x.tsv"], "--quickstatements only"),
    ],
)
def test_conflicting_export_options_are_refused(built, capsys, options, words):
    code, out, err = run_cli(capsys, "export", "--data", built, *options)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and words in err


def _interrupt_build(seeds, out, after: str) -> subprocess.CompletedProcess:
    """Start 'diplokg build' in its own process group; send Ctrl-C's SIGINT to the whole group
    (as a terminal does) once stderr shows `after`; return the finished process."""
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--seeds", str(seeds)]
    proc = subprocess.Popen(
        [*cmd, "--out", str(out), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        lines.append(line)
        if after in line or not line:
            break
    os.killpg(proc.pid, signal.SIGINT)
    stdout, rest = proc.communicate(timeout=120)
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, "".join(lines) + rest)


def test_ctrl_c_during_a_build_exits_130_without_a_traceback(seeds, tmp_path):
    """Interrupted while it reads the documents: exit 130, one line, nothing published."""
    out = tmp_path / "out"
    done = _interrupt_build(seeds, out, "ingest:")
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == (
        "diplokg: interrupted; nothing was published, the last good dataset stays"
    )
    assert not (out / "current").exists()


def test_ctrl_c_keeps_the_last_good_dataset(seeds, published):
    """A rebuild of changed documents interrupted midway leaves the published files as they were."""
    before = checksums(published)
    (seeds / "900_new.txt").write_text("Belgium has an embassy in Lima.\n", encoding="utf-8")
    (seeds / "900_new.toml").write_text('title = "New"\npublisher = "Test"\nlanguage = "en"\n')
    done = _interrupt_build(seeds, published, "ingest:")
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert checksums(published) == before
