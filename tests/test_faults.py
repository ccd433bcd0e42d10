"""Faults during a build: killed at each stage, a full disk, two builds at once.

After every fault the published dataset is the last good one, byte for byte, and a clean
rebuild works. The builds run as separate processes, as a user or a scheduler starts them.
"""

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import checksums

BUILD = [sys.executable, "-m", "diplokg.graph.cli", "build"]
# Seconds to wait after the last progress line, to land inside the publishing step too.
LATE = (0.0, 0.2, 0.5)


def change(seeds: Path) -> None:
    """Change one document, so that the next build has work to do."""
    doc = sorted(seeds.glob("*.txt"))[0]
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text + "\nBelgium has an embassy in Oslo.\n", encoding="utf-8")


def start(seeds: Path, out: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [*BUILD, "--seeds", str(seeds), "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def kill_after(seeds: Path, out: Path, lines: int, delay: float) -> bool:
    """Start a build, kill it after its n-th progress line and a delay; True if it was killed."""
    proc = start(seeds, out)
    seen = 0
    while seen < lines:
        line = proc.stderr.readline()
        if not line:
            break
        seen += line.startswith("[")
    time.sleep(delay)
    killed = proc.poll() is None
    proc.kill()
    proc.communicate()
    return killed


def rebuild(seeds: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*BUILD, "--seeds", str(seeds), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
    )


def test_a_build_killed_at_any_stage_leaves_the_last_good_dataset(published, seeds):
    """SIGKILL after each progress line and inside publishing: nothing changes, rebuild works."""
    before = checksums(published)
    change(seeds)
    stages = 8  # ingest, 3 x extract, reference, validate, reason, wikidata view
    points = [(n, 0.0) for n in (1, 2, 5, 6, 7)] + [(stages, d) for d in LATE]
    killed = 0
    for lines, delay in points:
        if not kill_after(seeds, published, lines, delay):
            break  # the build finished before the kill: later points would not fault it
        killed += 1
        assert checksums(published) == before, f"changed by a kill after line {lines}+{delay}s"
    assert killed >= 5
    result = rebuild(seeds, published)
    assert result.returncode == 0, result.stderr
    after = checksums(published)
    assert after != before
    assert not list((published / "releases").glob(".staging-*"))
    # The repaired build equals a build of the same seeds that was never interrupted.
    clean = published.parent / "clean"
    assert rebuild(seeds, clean).returncode == 0
    assert checksums(clean) == after


def limit_file_size(limit: int):
    """Return a preexec function that makes writes past limit bytes fail, like a full disk."""

    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write with EFBIG, do not die
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return preexec


@pytest.mark.parametrize("limit", [0, 200_000])
def test_a_full_disk_fails_the_build_clearly_and_keeps_the_dataset(published, seeds, limit):
    """Writes that fail (file size limit) end the build with exit 2 and a message; no change."""
    before = checksums(published)
    change(seeds)
    proc = start(seeds, published, preexec_fn=limit_file_size(limit))
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2, err
    assert "cannot write" in err and "the last good dataset stays" in err, err
    assert "Traceback" not in err
    assert checksums(published) == before
    result = rebuild(seeds, published)
    assert result.returncode == 0, result.stderr
    assert checksums(published) != before


def test_a_second_build_at_the_same_time_is_refused_and_the_first_publishes(published, seeds):
    """Two builds of one output folder: one publishes whole, the other stops with a message."""
    change(seeds)
    first, second = start(seeds, published), start(seeds, published)
    results = [(*p.communicate(timeout=120), p.returncode) for p in (first, second)]
    codes = sorted(code for _, _, code in results)
    assert codes == [0, 2], results
    refused = next(err for _, err, code in results if code == 2)
    assert "another build is writing" in refused
    # The published dataset is whole: every file the manifest lists has its checksum.
    import hashlib
    import json

    release = (published / "current").resolve()
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    for name, entry in manifest["files"].items():
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == entry["sha256"]
    assert rebuild(seeds, published).returncode == 0


def test_the_lock_of_a_killed_build_does_not_block_the_next(published, seeds):
    """The lock is an flock: it dies with its process, so no stale lock file blocks builds."""
    change(seeds)
    assert kill_after(seeds, published, 2, 0.0)
    assert (published / ".lock").exists()
    assert rebuild(seeds, published).returncode == 0
    assert os.path.islink(published / "current")
