"""The endpoint benchmark runs end to end, briefly: its numbers are for the README, not here.

No figure is asserted (timings vary by machine); the script must start the servers, drive
them with each load generator and print its table and geometric means.
"""

import shutil
import subprocess
import sys

import pytest

from conftest import REPO

SCRIPT = REPO / "tests" / "benchmarks" / "bench_endpoint.py"


@pytest.mark.parametrize("client", ["python", "wrk"])
def test_the_endpoint_benchmark_prints_its_ratios(built, client):
    if client == "wrk" and not shutil.which("wrk"):
        pytest.skip("wrk is not installed (Debian: apt-get install wrk)")
    cmd = [sys.executable, str(SCRIPT), "--data", str(built), "--seconds", "1"]
    cmd += ["--clients", "1", "--queries", "lookup", "--peers", "ours", "oxigraph", "floor"]
    run = subprocess.run([*cmd, "--client", client], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "FAILURES" not in run.stdout, run.stdout
    for pair in ("ours/oxigraph", "floor/oxigraph"):
        assert f"geometric mean of {pair} at 1 client(s): " in run.stdout, run.stdout


def test_the_stream_benchmark_prints_its_ratios(built):
    if not shutil.which("wrk"):
        pytest.skip("wrk is not installed (Debian: apt-get install wrk)")
    script = REPO / "tests" / "benchmarks" / "bench_stream.py"
    cmd = [sys.executable, str(script), "--data", str(built), "--seconds", "1", "--no-rdflib"]
    run = subprocess.run([*cmd, "--size", "20000"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    for clients in (1, 8):
        assert f"ours/oxigraph at {clients} client(s): " in run.stdout, run.stdout
