"""Publish a built dataset atomically: a new release folder, then one symlink swap.

Layout of the output folder (``--out``)::

    releases/<version>/diplokg.trig ...   one folder per built version, written whole first
    current -> releases/<version>         swapped by one rename: readers see old or new, whole
    diplokg.trig -> current/diplokg.trig  stable names for the dump files
    validation-report.txt, .ttl           the last validation's report
"""

import fcntl
import hashlib
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import InputError
from .dumps import DUMPS, INDEX, Files, with_dump_extras

KEEP_RELEASES = 3


def _write(path: Path, data: "bytes | Path") -> None:
    """Write a file of the release: bytes, or a file written aside (moved here, no copy)."""
    if isinstance(data, Path):
        os.replace(data, path)
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())
        return
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _digest(data: "bytes | Path") -> str:
    if isinstance(data, bytes):
        return hashlib.sha256(data).hexdigest()
    sha = hashlib.sha256()
    with open(data, "rb") as fh:
        while chunk := fh.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold the output folder's lock so that two builds never publish over each other."""
    out.mkdir(parents=True, exist_ok=True)
    with open(out / ".lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{out}: another build is writing this folder; wait for it") from None
        yield


def current_release(out: Path) -> Path | None:
    """Return the folder of the published dataset, or None if nothing was published yet."""
    link = out / "current"
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while the block runs; an interrupt during it is dropped.

    Publishing is the build's last step: once it starts, finishing it is what the user who
    pressed Ctrl-C a moment too late gets, never a half-made release.
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    held = signal.signal(signal.SIGINT, lambda *_: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, held)


def publish(out: Path, version: str, files: Files, about: dict[str, Any]) -> Path:
    """Write a release folder whole, then point 'current' at it; return the release folder.

    files maps a file name to its bytes, or to the path of a file written aside in the same
    file system (large dumps are written as they are made; they are moved into the release).
    about goes into the release's manifest.json (what the build was made from, its counts):
    JSON, written as given.
    """
    with uninterrupted():
        return _publish(out, version, files, about)


def _publish(out: Path, version: str, files: Files, about: dict[str, Any]) -> Path:
    releases = out / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    final = releases / version
    if not final.is_dir():
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=releases))
        staging.chmod(0o755)  # mkdtemp makes it private; a release is for every reader
        # gzip twins and dumps.json, the downloads page's index
        files = with_dump_extras(files, staging)
        manifest = _manifest(version, files, about)  # before the files move into staging
        for name, data in sorted(files.items()):
            if data != staging / name:  # a twin written in place is there already
                _write(staging / name, data)
        _write(staging / "manifest.json", manifest)
        os.replace(staging, final)
    tmp_link = out / ".current.tmp"
    tmp_link.unlink(missing_ok=True)
    tmp_link.symlink_to(Path("releases") / version)
    os.replace(tmp_link, out / "current")
    for name in sorted(set(files) | {n + ".gz" for n in files if n in DUMPS} | {INDEX}):
        link = out / name
        if not link.is_symlink():
            link.unlink(missing_ok=True)
            link.symlink_to(Path("current") / name)
    _prune(releases, keep=final)
    return final


def _manifest(version: str, files: Files, about: dict[str, Any]) -> bytes:
    entries = {
        name: {
            "bytes": len(data) if isinstance(data, bytes) else data.stat().st_size,
            "sha256": _digest(data),
        }
        for name, data in sorted(files.items())
    }
    manifest = {"version": version, **about, "files": entries}
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()


def _prune(releases: Path, keep: Path) -> None:
    """Remove leftover staging folders and all but the newest few releases."""
    for stale in releases.glob(".staging-*"):
        shutil.rmtree(stale, ignore_errors=True)
    done = sorted(
        (p for p in releases.iterdir() if p.is_dir() and p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in done[KEEP_RELEASES - 1 :]:
        shutil.rmtree(old, ignore_errors=True)
