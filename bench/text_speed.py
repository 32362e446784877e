"""Text-mode speed: MB/s on one core for the full built-in rule set.

Corpus: the articleBody texts of ../shared/bench/aeb-dev/peers/html-text.json, which are
whole-page text full of navigation, share bars and footers. Beside it, the time for just
reading and splitting the same text into blocks, measured in the same process.

    python bench/text_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from cleaner import Cleaner
from cleaner.segment import segment_text

CORPUS = Path(__file__).resolve().parents[2] / "shared/bench/aeb-dev/peers/html-text.json"


def best_of(repeat: int, fn) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (../shared is on the team's machines only)")
        return 1
    docs = [v["articleBody"] for v in json.loads(args.corpus.read_text())["output"].values()]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    cleaner = Cleaner()
    split = best_of(args.repeat, lambda: [segment_text(d) for d in docs])
    full = best_of(args.repeat, lambda: [cleaner.clean(d) for d in docs])
    rules = len(cleaner.rules.rules)
    phrases = sum(len(r.trigger.phrases) + len(r.end.phrases) for r in cleaner.rules.rules)
    patterns = sum(len(r.trigger.patterns) + len(r.end.patterns) for r in cleaner.rules.rules)
    print(f"corpus: {len(docs)} docs, {mb:.2f} MB; rules: {rules} ({phrases} phrases, {patterns} patterns)")
    print(f"read+split only : {mb / split:8.1f} MB/s  ({split * 1000:.0f} ms)")
    print(f"cleaner (text)  : {mb / full:8.1f} MB/s  ({full * 1000:.0f} ms)")
    print(f"ratio           : cleaning takes {full / split:.1f}x the time of splitting")
    return 0


if __name__ == "__main__":
    sys.exit(main())
