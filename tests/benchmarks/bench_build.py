"""Time the build: the seeds cold and unchanged, and corpora of 16 and 1,000 documents.

Run: .venv/bin/python tests/benchmarks/bench_build.py [--documents 1000] [--repeat 3] [--jobs N]
Each seeds build runs --repeat times, each cold (a new output folder) or each with nothing
changed; the median is reported, with the fastest and slowest, since one run on a busy machine
says little. The 16-document corpus is tests/benchmarks/corpus/ (a copy of the development
corpus: other states, other genres); the large one is made from it by corpus.py, every copy
with other states and cities, so each document is extracted, linked and reasoned over anew.
Prints, per run, seconds, KB of text, milliseconds per KB and the peak memory of the build's
processes together, twice: the sum of their resident sets (RSS), which counts the pages that
forked workers share with the build once per worker, and the sum of their proportional set
sizes (PSS), which counts every page once; the memory goal is about PSS, what the build takes
from the machine. Then the ratio of per-KB times of the large corpus and the 16 documents
(goal: at most 1).
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


def _tree(pid: int) -> list[int]:
    """Return a process and all its descendants, as they are now."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found


def tree_memory(pid: int) -> tuple[int, int]:
    """Return the resident memory (RSS) and proportional set size (PSS), in bytes, of a
    process and all its descendants now, summed over the processes.

    The RSS sum counts a page shared by forked workers (the English pipeline, the gazetteer,
    whatever the build held when it forked) once per process that maps it; the PSS sum
    divides each shared page among the processes sharing it, so it counts every page once:
    what the build really takes from the machine.
    """
    rss = pss = 0
    for p in _tree(pid):
        try:
            lines = Path(f"/proc/{p}/smaps_rollup").read_text().splitlines()
        except OSError:
            continue  # ended while we looked, or no smaps_rollup (Linux before 4.14)
        for line in lines[1:]:
            key, _, value = line.partition(":")
            if key == "Rss":
                rss += int(value.split()[0]) * 1024
            elif key == "Pss":
                pss += int(value.split()[0]) * 1024
    return rss, pss


def timed_build(seeds: Path, out: Path, jobs: int | None) -> tuple[float, int, int]:
    """Run 'diplokg build' as a user would; return its wall-clock seconds and the peaks of its
    processes' summed RSS and summed PSS."""
    cmd = [sys.executable, "-m", "diplokg.graph.cli", "build", "--seeds", str(seeds)]
    cmd += ["--out", str(out), "--quiet"] + (["--jobs", str(jobs)] if jobs else [])
    peak = [0, 0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)

    def sample() -> None:
        while proc.poll() is None:
            rss, pss = tree_memory(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"build of {seeds} failed ({proc.returncode}):\n{err[-3000:]}")
    return elapsed, peak[0], peak[1]


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
    print(
        f"{'run':32} {'seconds':>8} {'min':>7} {'max':>7} {'KB':>8} {'ms/KB':>7}"
        f" {'RSS MB':>7} {'PSS MB':>7}"
    )
    per_kb = {}
    for name, runs, size in rows:
        times = [t for t, _, _ in runs]
        seconds = statistics.median(times)
        rss = max(r for _, r, _ in runs) / 2**20
        pss = max(p for _, _, p in runs) / 2**20
        per_kb[name] = 1000 * seconds / size
        print(
            f"{name:32} {seconds:8.2f} {min(times):7.2f} {max(times):7.2f} {size:8.1f}"
            f" {per_kb[name]:7.2f} {rss:7.0f} {pss:7.0f}"
        )
    small_name, big_name = rows[2][0], rows[3][0]
    ratio = per_kb[big_name] / per_kb[small_name]
    print(f"per-KB time, {args.documents} documents / 16 documents: {ratio:.2f} (goal: at most 1)")


if __name__ == "__main__":
    main()
