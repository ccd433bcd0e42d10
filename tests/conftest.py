"""Shared fixtures: a built dataset of the seeds, copies of the seeds, and the CLI."""

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, nullcontext
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


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(data, env: dict | None = None, workers: int = 1, options: tuple = (), log=None):
    """Start 'diplokg serve' for a dataset on a free port of 127.0.0.1; yield its base URL.

    The server's output goes to `log` (a binary file) where one is given.
    """
    port = free_port()
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "serve", "--data", str(data)]
    # A log file, not a pipe: a pipe nobody reads fills up and stalls the server.
    with tempfile.TemporaryFile() if log is None else nullcontext(log) as log:
        proc = subprocess.Popen(
            [*cmd, "--port", str(port), "--workers", str(workers), *options],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **(env or {})},
        )
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/health", timeout=1)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    proc.kill()
                    log.seek(0)
                    pytest.fail(log.read().decode())
                time.sleep(0.2)
        try:
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=10)


def get(url: str, accept: str | None = None):
    """GET a URL; return status, headers and body, for error statuses too."""
    req = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()
