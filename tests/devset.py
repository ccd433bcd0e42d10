"""Score the build on the development corpus beside the repository (../shared/devset).

Builds each document alone (in this process, so the pipeline and gazetteer load once), scores
it with the corpus's own checker (../shared/tools/goldcheck.py) and prints recall per category,
the precision traps that fire, and how often each rule fired. Run it as a script, or through
tests/test_devset.py, which also holds the figures to a floor.

usage: python tests/devset.py [--doc NAME] [--verbose]
"""

import argparse
import re
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from shutil import copy

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEVSET = SHARED / "devset"
GOLDCHECK = SHARED / "tools" / "goldcheck.py"
CATEGORY = re.compile(r"^(\w+)\s+(\d+)/\s*(\d+)$")
REFERENCE = SHARED / "reference" / "wikidata-ids.tsv"
# The corpus's kinds of mission, by the label of their class in the checked reference table.
KIND_LABELS = {
    "embassy": "embassy",
    "consulate": "consulate",
    "consulate_general": "consulate general",
    "honorary_consulate": "honorary consulate",
    "high_commission": "high commission",
}


@dataclass
class Score:
    """What the corpus's checker found, summed over documents."""

    found: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    traps: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    rules: Counter = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return sum(self.found.values()) / max(1, sum(self.total.values()))

    def report(self) -> str:
        lines = [f"{'category':14s} found / gold   recall"]
        for cat in sorted(self.total):
            share = self.found[cat] / self.total[cat]
            lines.append(f"{cat:14s} {self.found[cat]:5d} / {self.total[cat]:<5d} {share:6.0%}")
        found, total = sum(self.found.values()), sum(self.total.values())
        lines.append(f"{'all':14s} {found:5d} / {total:<5d} {self.recall:6.0%}")
        lines.append(f"traps that fired: {len(self.traps)}")
        lines += [f"  {t}" for t in self.traps]
        lines.append(f"documents that did not build: {len(self.failed)}")
        lines += [f"  {f}" for f in self.failed]
        lines.append("claims by rule:")
        lines += [f"  {n:5d}  {rule}" for rule, n in sorted(self.rules.items())]
        return "\n".join(lines) + "\n"


def documents() -> list[str]:
    """Return the names of the corpus's documents that have gold facts."""
    gold = (DEVSET / "gold.yaml").read_text(encoding="utf-8")
    return re.findall(r"^([a-z0-9][\w-]*):\s*$", gold, re.M)


def typed_entities(folder: Path) -> Path:
    """Write the corpus's entities with the classes of its kinds of mission, as checked IDs.

    The corpus ships no classes, so its checker cannot tell an embassy from a consulate in the
    same city: a mission of the wrong kind passes, and a true mission fires the trap set for a
    wrong kind there. With the classes from the checked reference table, kinds count.
    """
    import yaml

    entities = yaml.safe_load((DEVSET / "entities.yaml").read_text(encoding="utf-8"))
    checked = {}
    for line in REFERENCE.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[2] == "class" and not line.startswith("#"):
            checked[cells[0]] = cells[1]
    entities["types"] = {kind: [checked[label]] for kind, label in KIND_LABELS.items()}
    path = folder / "entities.yaml"
    path.write_text(yaml.safe_dump(entities, allow_unicode=True), encoding="utf-8")
    return path


def score(names: list[str] | None = None, verbose: bool = False, typed: bool = False) -> Score:
    """Build and score each document alone; return the summed figures.

    typed: also tell kinds of mission apart (see typed_entities).
    """
    from rdflib import Dataset
    from rdflib.namespace import RDF

    from diplokg.graph.build import build
    from diplokg.graph.errors import DiplokgError
    from diplokg.graph.vocab import DKG

    result = Score()
    folder = tempfile.TemporaryDirectory()
    entities = typed_entities(Path(folder.name)) if typed else DEVSET / "entities.yaml"
    for name in names or documents():
        with tempfile.TemporaryDirectory() as tmp:
            seeds, out = Path(tmp) / "in", Path(tmp) / "out"
            seeds.mkdir()
            for suffix in (".txt", ".toml"):
                copy(DEVSET / "docs" / f"{name}{suffix}", seeds)
            try:
                build(seeds, out, quiet=True)
            except DiplokgError as exc:
                result.failed.append(f"{name}: {exc}")
                continue
            trig = out / "current" / "diplokg.trig"
            ds = Dataset(default_union=True).parse(trig, format="trig")
            for claim in ds.subjects(RDF.type, DKG.Claim):
                for rule in ds.objects(claim, DKG.extractionRule):
                    result.rules[str(rule)] += 1
            checked = subprocess.run(
                [sys.executable, str(GOLDCHECK), str(trig), str(DEVSET / "gold.yaml"),
                 "--doc", name, "--verbose", f"--entities={entities}"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
        for line in checked.stdout.splitlines():
            if m := CATEGORY.match(line.strip()):
                result.found[m[1]] += int(m[2])
                result.total[m[1]] += int(m[3])
            elif line.startswith("  FALSE FACT"):
                result.traps.append(f"{name}: {line.strip()[len('FALSE FACT ') :]}")
            elif line.startswith("  missing"):
                result.missing.append(f"{name}: {line.strip()}")
        if verbose:
            print(checked.stdout, file=sys.stderr)
    folder.cleanup()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc", action="append", help="only this document (repeatable)")
    parser.add_argument("--verbose", action="store_true", help="the checker's own lines")
    parser.add_argument("--typed", action="store_true", help="tell kinds of mission apart")
    args = parser.parse_args()
    found = score(args.doc, args.verbose, args.typed)
    print(found.report(), end="")
    if args.verbose:
        print("\n".join(found.missing))


if __name__ == "__main__":
    main()
