"""The on-disk store of a published release: written once, opened read-only by every process.

The endpoint's web workers and query workers all read the same release. Each used to load the
TriG into a store of its own in memory (340 MB of RSS for the seeds' default server, growing
with every worker); now the first process that needs a release writes it once into a RocksDB
store beside the releases (``out/stores/<version>/``), and every process opens that store
read-only: the data sits once in the page cache, shared, and a restart reads nothing again.
"""

import fcntl
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError

STORES = "stores"  # beside releases/ in the output folder
DONE = "complete"  # written last into a store's folder: a folder without it is not a store


def fill(store: ox.Store, trig: Path) -> None:
    """Load a TriG file into a store and make its default graph the merge of all its graphs."""
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    # The default graph is the RDF merge of all graphs, a set: a triple that three documents
    # state matches once. pyoxigraph's use_default_graph_as_union matches it once per graph,
    # which multiplied solutions (and inflated COUNTs), so the merge is stored as the default
    # graph itself.
    merged = {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None)}
    store.bulk_extend(ox.Quad(s, p, o, ox.DefaultGraph()) for s, p, o in merged)


def store_path(release: Path) -> Path:
    """Return the folder of a release's on-disk store: out/stores/<version>."""
    return release.parent.parent / STORES / release.name


def open_release_store(release: Path) -> ox.Store:
    """Open the release's on-disk store read-only, writing it first if nobody did yet."""
    ensure_release_store(release)
    return ox.Store.read_only(str(store_path(release)))


def ensure_release_store(release: Path) -> None:
    """Write the release's store if it is not there, in a new interpreter.

    RocksDB's threads do not survive a fork: a process forked from one that had used RocksDB
    (a web worker forked by the server's main process) hung for ever when it wrote a store.
    So the store is written by a process of its own, and the main process never opens one.
    """
    if (store_path(release) / DONE).exists():
        return
    command = [sys.executable, "-m", __name__, str(release)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1:] or [f"exit {done.returncode}"]
        raise InputError(f"{release}: the dataset's store could not be written: {message[0]}")


def write_release_store(release: Path, path: Path) -> None:
    """Write the store of a release whole, then rename it into place; one process at a time."""
    try:
        path.parent.mkdir(exist_ok=True)
        lock = open(path.parent / ".lock", "w")  # noqa: SIM115 - held while writing
    except OSError as exc:
        raise InputError(
            f"{path.parent}: cannot write the dataset's store here ({exc.strerror}); "
            "the server needs write access to the output folder"
        ) from None
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be writing it: wait for it
        if (path / DONE).exists():
            return
        staging = Path(tempfile.mkdtemp(prefix=".writing-", dir=path.parent))
        try:
            store = ox.Store(str(staging))
            fill(store, release / "diplokg.trig")
            store.flush()
            store.optimize()
            del store  # closes the database before it moves
            (staging / DONE).touch()
            shutil.rmtree(path, ignore_errors=True)  # a folder a killed writer left
            os.replace(staging, path)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        prune(path.parent, release.parent)


def prune(stores: Path, releases: Path) -> None:
    """Remove the stores of releases that are gone (a running process keeps reading its own)."""
    for folder in stores.iterdir():
        if not folder.is_dir():
            continue
        # Called under the lock: a .writing- folder is what a killed writer left.
        if folder.name.startswith(".writing-") or not (releases / folder.name).is_dir():
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    try:
        where = Path(sys.argv[1])
        write_release_store(where, store_path(where))
    except InputError as exc:
        sys.exit(str(exc))
