"""Where cleaner's HTML mode gains and loses F1 on wcxb-dev, per page type and half:
cleaner with its defaults, without any element rule, without any text rule (element
rules only), and trafilatura's published defaults.

    python bench/ablation.py [--half study|check|both] [--type TYPE]

Numbers only: it never prints a page.
"""

from __future__ import annotations

import argparse
import sys

import wcxb_data
import wcxb_quality as q
from wcxb_metric import page_score


def variants() -> dict[str, object]:
    from cleaner import Cleaner, Config, load_rules
    from cleaner.model import RuleKind

    rules = load_rules().rules
    element = frozenset(r.id for r in rules if r.kind == RuleKind.ELEMENT)
    text = frozenset(r.id for r in rules if r.kind != RuleKind.ELEMENT)
    return {"default": Cleaner(Config(timeout=0)),
            "no element rules": Cleaner(Config(disable=element, timeout=0)),
            "no text rules": Cleaner(Config(disable=text, timeout=0))}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("study", "check", "both"), default="both")
    ap.add_argument("--type", help="one page type only (default: all)")
    args = ap.parse_args(argv)
    pages = [p for p in wcxb_data.load() if args.half in ("both", p.half)
             and args.type in (None, p.page_type)]
    published = wcxb_data.peer(wcxb_data.WCXB, "trafilatura")
    preds = {label: {} for label in variants()}
    for label, cleaner in variants().items():
        for p in pages:
            try:
                r = cleaner.clean(wcxb_data.html(wcxb_data.WCXB, p.id), url=p.url)
                preds[label][p.id] = "\n".join(r.paragraphs)
            except Exception:  # noqa: BLE001 - a failing page scores empty
                preds[label][p.id] = ""
    preds["trafilatura"] = {p.id: published.get(p.id, "") for p in pages}
    g = q.groups(pages)
    print(f"{'F1':24s} {'pages':>5}  " + "  ".join(f"{lb:>16s}" for lb in preds))
    for half in ("study", "check", "all"):
        for kind in (*q.TYPES, "all"):
            ps = g.get((half, kind))
            if ps:
                cells = [q._mean(page_score(p.truth, pr.get(p.id, "")).f1 for p in ps)
                         for pr in preds.values()]
                print(f"{half + ' ' + kind:24s} {len(ps):5d}  "
                      + "  ".join(f"{c:16.3f}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
