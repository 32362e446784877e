"""Text mode's fast path against its reference: identical results on the html-text corpora.

Every page of ../shared/bench/aeb-dev/peers/html-text.json and of
../shared/bench/wcxb-dev/peers/html-text.json is cleaned twice in one process, with the
rules compiled as `Cleaner` compiles them (the match stage's fast path, cleaner/scan.py)
and with `compile_rules(fast=False)` (its reference path); the two Results (text, title,
byline, paragraphs, removal and repair steps, warnings, kinds) must be equal.

    python bench/text_identity.py [--set aeb|wcxb|all]

Exits 1 if any page differs; prints counts only (a wcxb check page is never shown).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cleaner import Cleaner
from cleaner.compile import compile_rules
from cleaner.pipeline import run

BENCH = Path(__file__).resolve().parents[2] / "shared/bench"
CORPORA = {"aeb": BENCH / "aeb-dev/peers/html-text.json",
           "wcxb": BENCH / "wcxb-dev/peers/html-text.json"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=[*sorted(CORPORA), "all"], default="all", dest="which")
    args = ap.parse_args(argv)
    names = sorted(CORPORA) if args.which == "all" else [args.which]
    if any(not CORPORA[n].exists() for n in names):
        print("skipped: ../shared/bench not found (it sits beside the repo only on the "
              "team's machines)")
        return 0
    cleaner = Cleaner()
    fast, reference = compile_rules(cleaner.rules), compile_rules(cleaner.rules, fast=False)
    differ = 0
    for name in names:
        output = json.loads(CORPORA[name].read_text(encoding="utf-8"))["output"]
        docs = [(v or {}).get("articleBody") or "" for v in output.values()]
        bad = sum(run(d, fast, cleaner.config) != run(d, reference, cleaner.config)
                  for d in docs)
        mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        print(f"{name}: {len(docs)} pages, {mb:.2f} MB: {len(docs) - bad} identical, {bad} differ")
        differ += bad
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
