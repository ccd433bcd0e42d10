"""Time the build: a cold build of the seeds, a no-change rebuild, and a 100x corpus.

Run: .venv/bin/python tests/benchmarks/bench_build.py [--copies 100] [--repeat 3]
Each seeds build runs --repeat times, each cold (a new output folder) or each with nothing
changed; the median is reported, with the fastest and slowest, since one run on a busy machine
says little.
The 100x corpus is made from the seeds by renaming their states, cities and people to other
real ones (so every copy is extracted, linked and reasoned over anew), and its documents get
metadata of the same shape. Prints seconds and milliseconds per KB of text for each run and
the ratio of the per-KB times (goal: at most 2).
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# Pairs of (name in the seeds, names to use instead, one per copy, cycling).
RENAMES = [
    ("Belgium", ["Norway", "Denmark", "Portugal", "Austria", "Finland", "Ireland", "Greece"]),
    ("Belgian", ["Norwegian", "Danish", "Portuguese", "Austrian", "Finnish", "Irish", "Greek"]),
    ("Canada", ["Chile", "Japan", "Australia", "Brazil", "Argentina", "India", "Kenya"]),
    ("Canadian", ["Chilean", "Japanese", "Australian", "Brazilian", "Argentine", "Indian",
                  "Kenyan"]),
    ("Ottawa", ["Santiago", "Tokyo", "Canberra", "Brasília", "Buenos Aires", "New Delhi",
                "Nairobi"]),
    ("Montreal", ["Valparaíso", "Osaka", "Sydney", "São Paulo", "Córdoba", "Mumbai", "Mombasa"]),
    ("Brussels", ["Oslo", "Copenhagen", "Lisbon", "Vienna", "Helsinki", "Dublin", "Athens"]),
]  # fmt: skip


def make_corpus(target: Path, copies: int) -> int:
    """Write copies of the seeds with other names; return the corpus size in bytes."""
    target.mkdir(parents=True)
    size = 0
    for n in range(copies):
        for doc in sorted(SEEDS.glob("*.txt")):
            text = doc.read_text(encoding="utf-8")
            meta = doc.with_suffix(".toml").read_text(encoding="utf-8")
            for old, new in RENAMES:
                text = text.replace(old, new[n % len(new)])
                meta = meta.replace(old, new[n % len(new)])
            stem = f"{n:04d}_{doc.stem}"
            (target / f"{stem}.txt").write_text(text, encoding="utf-8")
            (target / f"{stem}.toml").write_text(meta, encoding="utf-8")
            size += len(text.encode())
    return size


def timed_build(seeds: Path, out: Path) -> float:
    """Run 'diplokg build' as a user would; return its wall-clock seconds."""
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--seeds", str(seeds)]
    start = time.perf_counter()
    result = subprocess.run([*cmd, "--out", str(out), "--quiet"], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=100, help="size of the large corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each seeds build")
    args = parser.parse_args()
    seeds_kb = sum(p.stat().st_size for p in SEEDS.glob("*.txt")) / 1024
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        colds = [timed_build(SEEDS, tmp / f"cold{n}") for n in range(args.repeat)]
        agains = [timed_build(SEEDS, tmp / "cold0") for _ in range(args.repeat)]
        big_kb = make_corpus(tmp / "big", args.copies) / 1024
        big = timed_build(tmp / "big", tmp / "out2")
        shutil.rmtree(tmp / "big")
    cold = statistics.median(colds)
    rows = [
        ("cold build, seeds", colds, seeds_kb),
        ("no-change rebuild, seeds", agains, seeds_kb),
        (f"cold build, {args.copies}x corpus", [big], big_kb),
    ]
    print(f"{'run':32} {'seconds':>8} {'min':>6} {'max':>6} {'KB':>9} {'ms/KB':>8}")
    for name, times, kb in rows:
        seconds = statistics.median(times)
        print(
            f"{name:32} {seconds:8.2f} {min(times):6.2f} {max(times):6.2f} {kb:9.1f}"
            f" {1000 * seconds / kb:8.2f}"
        )
    ratio = (big / big_kb) / (cold / seeds_kb)
    print(f"per-KB time, {args.copies}x corpus / seeds: {ratio:.2f} (goal: at most 2)")


if __name__ == "__main__":
    main()
