"""The type checker is clean: mypy, strict, over graph/ and server/ (pyproject.toml)."""

from typecheck import typecheck


def test_mypy_strict_finds_no_error():
    run = typecheck()
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr
