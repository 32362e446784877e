"""Text-mode speed: MB/s on one core for the full built-in rule set.

Corpus: the articleBody texts of ../shared/bench/aeb-dev/peers/html-text.json, which are
whole-page text full of navigation, share bars and footers (`--set wcxb`: the 1,476 pages
of ../shared/bench/wcxb-dev/peers/html-text.json, both halves: only a speed is read from
them). Beside it, the time for just reading and splitting the same text into blocks,
measured in the same process.

    python bench/text_speed.py [--set aeb|wcxb] [--repeat 5] [--stages]

--stages adds where the time goes: a timer around each stage function (as in
html_stages.py), which costs a little, so its total runs slightly above the plain one.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from cleaner import Cleaner
from cleaner.segment import segment_text

BENCH = Path(__file__).resolve().parents[2] / "shared/bench"
CORPORA = {"aeb": BENCH / "aeb-dev/peers/html-text.json",
           "wcxb": BENCH / "wcxb-dev/peers/html-text.json"}


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
    ap.add_argument("--set", choices=sorted(CORPORA), default="aeb", dest="corpus_set",
                    help="which html-text corpus (default: aeb)")
    ap.add_argument("--corpus", type=Path, default=None, help="a peers/*.json file instead")
    ap.add_argument("--stages", action="store_true", help="also time each stage")
    args = ap.parse_args(argv)
    args.corpus = args.corpus or CORPORA[args.corpus_set]
    if not args.corpus.exists():
        print(f"skipped: {args.corpus} not found (../shared sits beside the repo only on the "
              "team's machines)")
        return 0
    output = json.loads(args.corpus.read_text(encoding="utf-8"))["output"].values()
    docs = [(v or {}).get("articleBody") or "" for v in output]
    mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
    cleaner = Cleaner()
    cleaner.clean("Warm-up\n\nA first call builds what later calls reuse, on other text.")
    # the first pass sees every document once: the per-block memos hold none of it yet, so
    # this is what a corpus of new pages costs; best-of-N below runs over warm memos
    first = best_of(1, lambda: [cleaner.clean(d) for d in docs])
    split = best_of(args.repeat, lambda: [segment_text(d) for d in docs])
    full = best_of(args.repeat, lambda: [cleaner.clean(d) for d in docs])
    rules = len(cleaner.rules.rules)
    phrases = sum(len(r.trigger.phrases) + len(r.end.phrases) for r in cleaner.rules.rules)
    patterns = sum(len(r.trigger.patterns) + len(r.end.patterns) for r in cleaner.rules.rules)
    print(f"corpus: {len(docs)} docs, {mb:.2f} MB; rules: {rules} ({phrases} phrases, {patterns} patterns)")
    print(f"read+split only : {mb / split:8.1f} MB/s  ({split * 1000:.0f} ms)")
    print(f"cleaner, 1st pass: {mb / first:7.1f} MB/s  ({first * 1000:.0f} ms)  (memos cold)")
    print(f"cleaner (text)  : {mb / full:8.1f} MB/s  ({full * 1000:.0f} ms)  (best of {args.repeat})")
    print(f"ratio           : cleaning takes {full / split:.1f}x the time of splitting")
    if args.stages:
        _stages(cleaner, docs, args.repeat)
    return 0


# (module, function, label): the text pipeline's stages
STAGES = (
    ("cleaner.pipeline", "read_source", "source"),
    ("cleaner.pipeline", "segment_text", "segment"),
    ("cleaner.pipeline", "recognise", "match: what each rule recognises"),
    ("cleaner.pipeline", "settle", "decide: positional kinds, guards, rounds"),
    ("cleaner.pipeline", "repair", "repair"),
)


def _stages(cleaner, docs, repeat: int) -> None:
    from html_stages import instrument

    times: dict[str, float] = defaultdict(float)
    instrument(times, STAGES)
    best = None
    for _ in range(repeat):
        times.clear()
        t0 = time.process_time()
        for d in docs:
            cleaner.clean(d)
        total = time.process_time() - t0
        if best is None or total < best[0]:
            best = (total, dict(times))
    total, by_stage = best
    print(f"\nby stage, best of {repeat} (CPU ms for the corpus):")
    for label, seconds in sorted(by_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {label:44s} {seconds * 1000:6.1f} ms")
    print(f"  {'the rest (result, timers)':44s} {(total - sum(by_stage.values())) * 1000:6.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
