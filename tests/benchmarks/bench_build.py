"""Time the build: the seeds cold and unchanged, and corpora of 16 and 1,000 documents.

Run: .venv/bin/python tests/benchmarks/bench_build.py [--documents 1000] [--repeat 3] [--jobs N]
Each seeds build runs --repeat times, each cold (a new output folder) or each with nothing
changed; the median is reported, with the fastest and slowest, since one run on a busy machine
says little. The 16-document corpus is tests/benchmarks/corpus/ (a copy of the development
corpus: other states, other genres); the large one is made from it by corpus.py, every copy
with other states and cities, so each document is extracted, linked and reasoned over anew.
Prints, per run, seconds, KB of text, milliseconds per KB and the peak memory (resident set)
of the build's processes together, and the ratio of per-KB times of the large corpus and the
16 documents (goal: at most 1).
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "seeds"
sys.path.insert(0, str(HERE))
from corpus import SOURCE, make_corpus  # noqa: E402


def tree_rss(pid: int) -> int:
    """Return the resident memory, in bytes, of a process and all its descendants now."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        p = int(stat.parent.name)
        children.setdefault(int(fields[1]), []).append(p)
        rss[p] = int(fields[21]) * 4096  # pages
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def timed_build(seeds: Path, out: Path, jobs: int | None) -> tuple[float, int]:
    """Run 'diplokg build' as a user would; return its wall-clock seconds and peak memory."""
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--seeds", str(seeds)]
    cmd += ["--out", str(out), "--quiet"] + (["--jobs", str(jobs)] if jobs else [])
    peak = [0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"build of {seeds} failed ({proc.returncode}):\n{err[-3000:]}")
    return elapsed, peak[0]


def kb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.glob("*.txt")) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="size of the large corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each seeds build")
    parser.add_argument("--jobs", type=int, help="build --jobs (default: the build's own)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        colds = [timed_build(SEEDS, tmp / f"cold{n}", args.jobs) for n in range(args.repeat)]
        rows.append(("cold build, seeds", colds, kb(SEEDS)))
        agains = [timed_build(SEEDS, tmp / "cold0", args.jobs) for _ in range(args.repeat)]
        rows.append(("no-change rebuild, seeds", agains, kb(SEEDS)))
        small = [timed_build(SOURCE, tmp / f"small{n}", args.jobs) for n in range(args.repeat)]
        rows.append((f"cold build, {len(list(SOURCE.glob('*.txt')))} documents", small, kb(SOURCE)))
        started = time.perf_counter()
        make_corpus(tmp / "big", args.documents)
        made = time.perf_counter() - started
        big = [timed_build(tmp / "big", tmp / "big-out", args.jobs)]
        rows.append((f"cold build, {args.documents} documents", big, kb(tmp / "big")))
        shutil.rmtree(tmp / "big")
    print(f"(the {args.documents}-document corpus took {made:.0f} s to write)")
    print(f"{'run':32} {'seconds':>8} {'min':>7} {'max':>7} {'KB':>8} {'ms/KB':>7} {'peak MB':>8}")
    per_kb = {}
    for name, runs, size in rows:
        times = [t for t, _ in runs]
        seconds = statistics.median(times)
        peak = max(m for _, m in runs) / 2**20
        per_kb[name] = 1000 * seconds / size
        print(
            f"{name:32} {seconds:8.2f} {min(times):7.2f} {max(times):7.2f} {size:8.1f}"
            f" {per_kb[name]:7.2f} {peak:8.0f}"
        )
    small_name, big_name = rows[2][0], rows[3][0]
    ratio = per_kb[big_name] / per_kb[small_name]
    print(f"per-KB time, {args.documents} documents / 16 documents: {ratio:.2f} (goal: at most 1)")


if __name__ == "__main__":
    main()
