"""Batch mode: records/s and MB/s with --jobs 1 and --jobs 2, and peak RSS of the whole
process tree (main process and workers together).

The corpus repeats the pages of ../shared/bench/aeb-dev as JSON Lines records
({"id", "url", "html"}) until it reaches --size-mb. Each run is the real command line
(`python -m cleaner --jsonl`), its output sent to /dev/null.

    python bench/batch_speed.py                      # 200 MB, jobs 1 and 2
    python bench/batch_speed.py --size-mb 1000 --jobs 2   # the 1 GB memory check
    python bench/batch_speed.py --once --repeat 3    # the 123 pages once: start-up counts
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AEB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb-dev"


def build_corpus(path: Path, size_mb: int, once: bool = False) -> int:
    truth = json.loads((AEB / "ground-truth.json").read_text())
    lines = []
    for page in sorted((AEB / "html").glob("*.html.gz")):
        pid = page.name.split(".")[0]
        html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        lines.append(json.dumps({"id": pid, "url": truth[pid]["url"], "html": html}) + "\n")
    written = records = 0
    with open(path, "w", encoding="utf-8") as f:
        while (records < len(lines)) if once else (written < size_mb * 1e6):
            line = lines[records % len(lines)]
            f.write(line)
            written += len(line.encode("utf-8"))
            records += 1
    return records


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(x for x in status.splitlines() if x.startswith("VmRSS")).split()[1]) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(corpus: Path, jobs: int) -> tuple[float, int, float]:
    """Wall seconds, peak RSS of the process tree, and CPU seconds of the whole tree."""
    cmd = [sys.executable, "-m", "cleaner", "--jsonl", "--jobs", str(jobs), "--quiet", str(corpus)]
    t0, cpu0 = time.perf_counter(), children_cpu()
    peak = 0
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink)
        while proc.poll() is None:
            peak = max(peak, tree_rss(proc.pid))
            time.sleep(0.2)
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed with {proc.returncode}")
    return time.perf_counter() - t0, peak, children_cpu() - cpu0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=int, default=200)
    ap.add_argument("--jobs", type=int, action="append", help="default: 1 and 2")
    ap.add_argument("--once", action="store_true",
                    help="each page once (123 records), instead of --size-mb")
    ap.add_argument("--repeat", type=int, default=1,
                    help="runs per --jobs value, the fastest kept (default: 1)")
    args = ap.parse_args(argv)
    if not AEB.exists():
        print(f"benchmark data not found: {AEB} (../shared is on the team's machines only)")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        records = build_corpus(corpus, args.size_mb, args.once)
        mb = corpus.stat().st_size / 1e6
        print(f"corpus: {records} records, {mb:.0f} MB of JSON Lines")
        times = {}
        for jobs in args.jobs or [1, 2]:
            runs = [run(corpus, jobs) for _ in range(max(args.repeat, 1))]
            seconds, peak = min(r[0] for r in runs), max(r[1] for r in runs)
            cpu = min(r[2] for r in runs)
            times[jobs] = seconds
            print(f"--jobs {jobs}: {records / seconds:7.1f} records/s  {mb / seconds:6.2f} MB/s  "
                  f"peak RSS {peak / 1e6:6.0f} MB  ({seconds:.1f} s, {cpu:.1f} s CPU)")
        if 1 in times and 2 in times:
            print(f"speed-up with 2 jobs: {times[1] / times[2]:.2f}x (target 1.8x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
