"""The house is the pipeline: graph/ holds one package per stage, and no stage imports a later one.

Stages, in order: ingest, reading, claims, extract, link, reason, validate, publish, query.
A stage may import the stages before it and graph/'s base modules (errors, iris, resources,
terms, vocab); the orchestrators at graph/'s top (build, cache, background, cli) may import
anything, and no stage imports them.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GRAPH = ROOT / "graph"
STAGES = (
    "ingest",
    "reading",
    "claims",
    "extract",
    "link",
    "reason",
    "validate",
    "publish",
    "query",
)
BASE = {"errors", "iris", "resources", "terms", "vocab"}
ORCHESTRATORS = {"__init__", "build", "cache", "background", "cli"}


def imported(path: Path) -> list[tuple[int, str]]:
    """Return (line, graph-relative dotted name) for every import of a diplokg.graph module."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    package = parts if parts[-1] == "__init__" else parts[:-1]
    package = [p for p in package if p != "__init__"]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            target = package[: len(package) - node.level + 1] + (node.module or "").split(".")
        elif (node.module or "").startswith("diplokg.graph"):
            target = ["graph", *node.module.split(".")[2:]]
        else:
            continue
        target = [t for t in target if t]
        if target[:1] != ["graph"]:
            continue
        if len(target) == 1:  # from .. import iris, vocab
            found += [(node.lineno, alias.name) for alias in node.names]
        else:
            found.append((node.lineno, ".".join(target[1:])))
    return found


def stage_modules() -> list[Path]:
    return sorted(p for s in STAGES for p in (GRAPH / s).rglob("*.py"))


@pytest.mark.parametrize("path", stage_modules(), ids=lambda p: str(p.relative_to(GRAPH)))
def test_a_stage_imports_only_earlier_stages_and_the_base(path):
    own = STAGES.index(path.relative_to(GRAPH).parts[0])
    wrong = []
    for line, name in imported(path):
        first = name.split(".")[0]
        if (first in STAGES and STAGES.index(first) <= own) or first in BASE:
            continue
        wrong.append(f"line {line}: {name}")
    assert not wrong, f"{path.relative_to(ROOT)} imports up the pipeline: {wrong}"


def test_graph_top_holds_the_orchestrators_and_the_base_only():
    top = {p.stem for p in GRAPH.glob("*.py")}
    assert top <= ORCHESTRATORS | BASE, top - ORCHESTRATORS - BASE
    assert len(top) <= 12
    assert {p.name for p in GRAPH.iterdir() if p.is_dir() and (p / "__init__.py").exists()} == set(
        STAGES
    )


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_says_what_it_does_and_may_import(stage):
    doc = ast.get_docstring(ast.parse((GRAPH / stage / "__init__.py").read_text(encoding="utf-8")))
    assert doc and "May import" in doc
    lines = [line for line in doc.splitlines() if line.strip()]
    assert len(lines) == 2, lines  # what it does; what it may import


def test_every_module_is_under_700_lines():
    folders = ("graph", "server", "tests", "ontology", "seeds")
    long = {
        str(p.relative_to(ROOT)): n
        for folder in folders
        for p in (ROOT / folder).rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) >= 700
    }
    assert not long
