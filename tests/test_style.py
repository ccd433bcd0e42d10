"""The code base passes ruff's lint and format checks."""

import subprocess
import sys

from conftest import REPO


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args], cwd=REPO, capture_output=True, text=True
    )


def test_ruff_check_is_clean():
    """ruff check reports nothing."""
    result = ruff("check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_clean():
    """ruff format --check finds nothing to reformat."""
    result = ruff("format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr
