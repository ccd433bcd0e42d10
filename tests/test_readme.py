"""The README stays honest: its commands, verbs and settings are the ones that exist."""

import re

from conftest import REPO
from diplokg.graph.cli import parser

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands():
    """The run and test commands come first, and .ci/run runs the test command."""
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    run, test = blocks[0], blocks[1]
    assert "diplokg build" in run and "diplokg serve" in run
    assert "pytest" in test
    assert test in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_every_cli_verb_is_documented_and_every_documented_verb_exists():
    """The verbs table lists exactly the verbs the command has."""
    sub = next(a for a in parser()._actions if a.dest == "verb")
    verbs = set(sub.choices)
    documented = set(re.findall(r"^\| `diplokg (\w+)", README, re.M))
    assert verbs == documented


def test_every_setting_is_documented():
    """Each DIPLOKG_* variable the code reads is in the README's settings table, and back."""
    code = "".join(
        p.read_text(encoding="utf-8") for d in ("graph", "server") for p in (REPO / d).rglob("*.py")
    )
    used = set(re.findall(r"DIPLOKG_[A-Z_]+", code))
    documented = set(re.findall(r"^\| `(DIPLOKG_[A-Z_]+)`", README, re.M))
    assert used <= documented, used - documented
    assert documented <= used, documented - used
