"""Shared fixtures: a built dataset of the seeds, copies of the seeds, and the CLI."""

import hashlib
import shutil
from pathlib import Path

import pytest

from diplokg.graph.cli import main
from diplokg.graph.resources import DEFAULT_SEEDS

REPO = Path(__file__).resolve().parent.parent


def run_cli(capsys, *argv) -> tuple[int, str, str]:
    """Run the diplokg command in-process; return exit code, stdout and stderr."""
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def checksums(out: Path) -> dict[str, str]:
    """Return the SHA-256 of every file of the published dataset, by name."""
    release = (out / "current").resolve()
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(release.iterdir())}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """Build the seeds once per session; return the output folder."""
    out = tmp_path_factory.mktemp("built") / "out"
    assert main(["build", "--seeds", str(DEFAULT_SEEDS), "--out", str(out), "--quiet"]) == 0
    return out


@pytest.fixture
def seeds(tmp_path) -> Path:
    """Copy the seeds into a folder the test may change."""
    target = tmp_path / "seeds"
    shutil.copytree(DEFAULT_SEEDS, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture
def published(tmp_path, seeds, capsys) -> Path:
    """Build the seeds into a fresh output folder, so a test can try to spoil it."""
    out = tmp_path / "out"
    code, _, err = run_cli(capsys, "build", "--seeds", seeds, "--out", out, "--quiet")
    assert code == 0, err
    return out
