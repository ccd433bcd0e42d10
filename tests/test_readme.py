"""The README stays honest and short: its commands, verbs, settings, links and queries are the
ones that exist and work, and everything beyond a guide lives in docs/, linked from it."""

import json
import re
from pathlib import Path

import pytest

from conftest import REPO
from diplokg.graph.cli import parser
from diplokg.graph.query.engine import load_dataset, run_query

README = (REPO / "README.md").read_text(encoding="utf-8")
DOCS = sorted((REPO / "docs").glob("*.md"))
PAGES = [REPO / "README.md", REPO / "CONTRIBUTING.md", *DOCS]
MOST_CHARACTERS = 20_000
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def section(text: str, heading: str) -> str:
    """Return the body of a '## heading' section of a Markdown text."""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert found, f"no section '## {heading}'"
    return found.group(1)


def anchors(path: Path) -> set[str]:
    """Return the anchors of a Markdown page's headings, as GitHub makes them."""
    seen: dict[str, int] = {}
    found = set()
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if in_code or not line.startswith("#"):
            continue
        title = line.lstrip("#").strip().lower()
        slug = re.sub(r"[^\w\- ]", "", title).replace(" ", "-")
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        found.add(slug if n == 0 else f"{slug}-{n}")
    return found


def local_links(path: Path) -> list[str]:
    """Return the links of a page that point into the repository (no scheme, no mail)."""
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
    return [t for t in LINK.findall(text) if not re.match(r"[a-z]+:", t)]


def reaches(page: Path, target: str) -> bool:
    """Say whether a relative link of a page reaches a file and, if it names one, a heading."""
    file, _, anchor = target.partition("#")
    path = (page.parent / file).resolve() if file else page
    if not path.exists():
        return False
    return not anchor or path.suffix != ".md" or anchor in anchors(path)


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


def test_readme_is_a_guide_of_at_most_20000_characters():
    """Run-by-run figures and long explanations go to docs/, so the README stays short."""
    assert len(README) <= MOST_CHARACTERS, f"README.md has {len(README)} characters"


def test_every_docs_page_is_linked_from_the_readme():
    """A page of docs/ that the README does not link is a page nobody finds."""
    assert DOCS, "no docs/*.md"
    linked = {t.split("#")[0] for t in local_links(REPO / "README.md")}
    missing = [p.name for p in DOCS if f"docs/{p.name}" not in linked]
    assert not missing, f"not linked from README.md: {missing}"
    assert "CONTRIBUTING.md" in linked


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_link_points_at_a_file_and_heading_that_exist(page):
    """Relative links of the README, CONTRIBUTING.md and docs/ reach a file, and a heading."""
    broken = [target for target in local_links(page) if not reaches(page, target)]
    assert not broken, f"{page.relative_to(REPO)}: {broken}"


def test_the_module_map_names_every_stage_package():
    """The README's map of the code names every package of graph/ and the rules."""
    packages = {
        f"graph/{p.relative_to(REPO / 'graph').as_posix()}/"
        for p in (REPO / "graph").rglob("*")
        if (p / "__init__.py").is_file()
    }
    missing = sorted(p for p in packages if f"`{p}`" not in README)
    assert not missing, f"not in the README's module map: {missing}"


def test_every_readme_query_answers_on_the_seeds(built):
    """Each SPARQL block of the README runs on the built seeds and finds something."""
    queries = re.findall(r"```sparql\n(.*?)```", README, re.S)
    assert len(queries) >= 7, "one query per kind of fact"
    store = load_dataset(built).store
    for query in queries:
        body, _ = run_query(store, query, "json")
        answer = json.loads(body)
        found = answer["boolean"] if "boolean" in answer else answer["results"]["bindings"]
        assert found, f"no answer on the seeds:\n{query}"


def test_the_benchmark_headline_is_taken_from_the_benchmarks_page():
    """Every figure of the README's benchmark table is one that a benchmarks page of docs/
    reports (docs/benchmarks.md, with the history, or docs/endpoint-benchmarks.md)."""
    table = section(README, "Benchmarks")
    pages = sorted((REPO / "docs").glob("*benchmarks.md"))
    benchmarks = "\n".join(page.read_text(encoding="utf-8") for page in pages)
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    figures = {f for row in rows[1:] for f in re.findall(r"\d[\d,]*\.\d+|\d[\d,]{3,}", row)}
    assert figures
    missing = sorted(f for f in figures if f not in benchmarks)
    assert not missing, f"figures in the README but on no benchmarks page: {missing}"
