"""The build writes the same bytes as the recorded release: moving or retyping code changes none.

tests/expected/*-build.sha256 hold the SHA-256 of every file of a release (all but
manifest.json, whose input fingerprint covers the code itself). A change that is meant to change
the output (a new rule, a fixed reading) records the new digests with:

    .venv/bin/diplokg build --out out && (cd out/current && sha256sum $(ls | grep -v manifest)) \
        > tests/expected/seeds-build.sha256
"""

import hashlib
from pathlib import Path

import pytest

from diplokg.graph.cli import main

EXPECTED = Path(__file__).parent / "expected"
DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset" / "docs"


def recorded(name: str) -> dict[str, str]:
    """The digests recorded for a corpus, by file name."""
    lines = (EXPECTED / f"{name}-build.sha256").read_text(encoding="utf-8").splitlines()
    return {file: digest for digest, file in (line.split() for line in lines)}


def digests(release: Path) -> dict[str, str]:
    """The SHA-256 of every file of a release but its manifest."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(release.iterdir())
        if p.is_file() and p.name != "manifest.json"
    }


def test_the_seeds_build_writes_the_recorded_bytes(built):
    assert digests((built / "current").resolve()) == recorded("seeds")


@pytest.mark.skipif(not DEVSET.is_dir(), reason="no shared/devset beside the repository")
def test_the_development_corpus_builds_to_the_recorded_bytes(tmp_path):
    out = tmp_path / "out"
    assert main(["build", "--seeds", str(DEVSET), "--out", str(out), "--quiet"]) == 0
    assert digests((out / "current").resolve()) == recorded("devset")
