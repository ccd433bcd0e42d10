"""Run mypy, strict, over graph/ and server/ under their installed names.

The package maps the repository's folders onto one import name (graph/ is diplokg.graph), so
mypy reads them through a tree of links named as installed: out/typecheck/diplokg/graph -> graph/.

    .venv/bin/python tests/typecheck.py                 # both packages
    .venv/bin/python tests/typecheck.py diplokg.graph.reading   # one package
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "server", "ontology", "seeds")


def typecheck(packages: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run mypy over the packages (default diplokg.graph and diplokg.server); return its run."""
    tree = ROOT / "out" / "typecheck"
    (tree / "diplokg").mkdir(parents=True, exist_ok=True)
    for name in PACKAGES:
        link = tree / "diplokg" / name
        if not link.is_symlink():
            link.symlink_to(ROOT / name, target_is_directory=True)
    targets = packages or ["diplokg.graph", "diplokg.server"]
    command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")]
    command += ["--cache-dir", str(tree / ".mypy_cache")]
    for target in targets:
        command += ["-p", target]
    return subprocess.run(command, cwd=tree, capture_output=True, text=True)


if __name__ == "__main__":
    run = typecheck(sys.argv[1:])
    sys.stdout.write(
        run.stdout.replace("diplokg/graph/", "graph/").replace("diplokg/server/", "server/")
    )
    sys.stderr.write(run.stderr)
    sys.exit(run.returncode)
