"""The release's on-disk store: written once, whole, beside the releases; opened read-only."""

import shutil

import pyoxigraph as ox
import pytest

from diplokg.graph.publish.release import current_release
from diplokg.graph.publish.release_store import DONE, open_release_store, store_path
from diplokg.graph.query.engine import load_store


def test_the_store_is_written_once_and_holds_the_release(published):
    release = current_release(published)
    store = open_release_store(release)
    path = store_path(release)
    assert path == published / "stores" / release.name and (path / DONE).exists()
    made = (path / DONE).stat().st_mtime_ns
    assert open_release_store(release) is not None
    assert (path / DONE).stat().st_mtime_ns == made  # opened, not written again
    memory = load_store(release / "diplokg.trig")
    assert len(store) == len(memory)  # every graph, and the merge as the default graph
    assert set(store.named_graphs()) == set(memory.named_graphs())


def test_the_store_is_read_only(published):
    store = open_release_store(current_release(published))
    quad = ox.Quad(ox.NamedNode("http://example.org/s"), ox.NamedNode("http://example.org/p"),
                   ox.Literal("o"))  # fmt: skip
    with pytest.raises((OSError, RuntimeError)):  # pyoxigraph: RocksDB refuses the write
        store.add(quad)


def test_a_half_written_store_is_written_again(published):
    """A folder without its completion mark (a writer was killed) is no store: it is redone."""
    release = current_release(published)
    path = store_path(release)
    path.mkdir(parents=True)
    (path / "CURRENT").write_text("garbage")
    assert len(open_release_store(release)) > 0


def test_stores_of_pruned_releases_are_removed(published, tmp_path):
    release = current_release(published)
    gone = store_path(release).with_name("0000000000000000")
    gone.mkdir(parents=True)
    open_release_store(release)
    assert not gone.exists()
    shutil.rmtree(store_path(release))
