"""The build finds the facts a careful reader finds in the seeds (tests/seed_facts.rq)."""

import json

from conftest import REPO
from diplokg.graph.query.engine import load_dataset, run_query

FACTS = REPO / "tests" / "seed_facts.rq"
TARGET = 0.95


def expected_facts() -> tuple[str, list[tuple[str, str]]]:
    """Return the prefixes and (document, pattern) pairs of tests/seed_facts.rq."""
    prefixes, facts, doc = [], [], ""
    for line in FACTS.read_text(encoding="utf-8").splitlines():
        if line.startswith("PREFIX"):
            prefixes.append(line)
        elif line.startswith("## "):
            doc = line[3:].split()[0]
        elif line.strip() and not line.startswith("#"):
            facts.append((doc, line))
    return "\n".join(prefixes), facts


def recall(data) -> tuple[float, list[tuple[str, str]]]:
    """Ask each expected fact of the built dataset; return the share found and the missed."""
    store = load_dataset(data).store
    prefixes, facts = expected_facts()
    missed = []
    for doc, pattern in facts:
        body, _ = run_query(store, f"{prefixes}\nASK {{ {pattern} }}", "json")
        if not json.loads(body)["boolean"]:
            missed.append((doc, pattern))
    return 1 - len(missed) / len(facts), missed


def test_build_finds_most_facts_of_the_seeds(built):
    """At least 95% of the expected facts hold in the built seeds."""
    share, missed = recall(built)
    report = "\n".join(f"  {doc}: {pattern}" for doc, pattern in missed)
    print(f"seed recall: {share:.1%}; missed:\n{report}")
    assert share >= TARGET, f"recall {share:.1%} < {TARGET:.0%}; missed:\n{report}"
