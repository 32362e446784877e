"""The front door: calls/s of `cleaner.clean(text)` against one `Cleaner`'s `.clean()`.

Both on the same small documents (the text samples in samples/, a few KB each), in one
process, interleaved, best of --repeat rounds. `clean()` reuses the rule set it compiled
on its first call; beside them, for scale, a fresh `Cleaner()` per call (what `clean()`
cost before it kept its compiled rule set).

    python bench/front_door.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from cleaner import Cleaner, clean

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def rate(fn, docs: list[str], repeat: int) -> float:
    """Best calls/s of fn over `docs`, of `repeat` rounds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - t0)
    return len(docs) / best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    docs = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))
            if not p.name.endswith(".expected.txt")]
    kb = sum(len(d.encode("utf-8")) for d in docs) / len(docs) / 1e3
    cleaner = Cleaner()
    clean(docs[0])  # the first call compiles, as Cleaner() just did
    reuse = front = 0.0
    for _ in range(args.repeat):  # interleaved, so that a busy machine slows both alike
        reuse = max(reuse, rate(lambda d: cleaner.clean(d).text, docs, 1))
        front = max(front, rate(clean, docs, 1))
    fresh = rate(lambda d: Cleaner().clean(d).text, docs[:3], 1)
    print(f"documents: {len(docs)} text samples, {kb:.1f} KB on average")
    print(f"Cleaner().clean  : {reuse:8.1f} calls/s (one Cleaner, built once)")
    print(f"cleaner.clean()  : {front:8.1f} calls/s")
    print(f"ratio            : clean() runs at {front / reuse:.2f}x of Cleaner().clean")
    print(f"fresh Cleaner    : {fresh:8.1f} calls/s (Cleaner() built for every call)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
