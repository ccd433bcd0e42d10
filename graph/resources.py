"""Locate the files that ship with the package: the ontology, the shapes and the default seeds."""

from pathlib import Path

# graph/, ontology/, seeds/ and server/ sit side by side both in the repository and in an
# installed wheel (as diplokg/graph, diplokg/ontology, ...), so one relative path serves both.
ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "diplokg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
DOCUMENT_SHAPES_FILE = ONTOLOGY_DIR / "document-shapes.ttl"
DEFAULT_SEEDS = ROOT / "seeds"
