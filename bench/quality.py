"""Extraction quality on the article-extraction-benchmark dev set (123 pages).

Scored with the benchmark's own metric (bench/aeb_metric.py):
  1. cleaner's HTML mode, default settings, on the pages;
  2. trafilatura.extract alone, defaults and fast=True, as the baseline;
  3. cleaner's text mode as a post-filter on each peer's published output, before -> after.
Then the targets, and the floors of bench/floors.json if it exists (see bench/floors.py).

    python bench/quality.py                      # the table; exit 1 if a floor is broken
    python bench/quality.py --only ID            # one page, with cleaner's diff to the truth
    python bench/quality.py --dump out/ --json out/quality.json
    python bench/quality.py --lower-floor "why the drop is accepted"
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import NamedTuple

import aeb_data
import extractors
import floors
import wcxb_data
import wcxb_run
from aeb_metric import Score, score
from quality_dump import page_diff, write_dump

TARGETS = "HTML F1 >= 0.978 and accuracy >= 0.45; post-filter on trafilatura F1 +0.01 " \
          "with recall drop <= 0.002; post-filter on html-text F1 ~0.67 -> >= 0.85"


class Run(NamedTuple):
    preds: dict[str, str]
    errors: dict[str, str]  # page id -> the exception it raised
    fatal: str | None       # the extractor could not run at all


def extract_all(build, inputs: dict[str, object]) -> Run:
    """Run one extractor over every input; a failing page is an empty prediction, so one
    bug costs its pages and not the report."""
    try:
        fn = build()
    except Exception as e:  # noqa: BLE001 - e.g. cleaner's HTML mode not there yet
        return Run({}, {}, _error(e))
    preds, errors, failures = {}, {}, extractors.page_errors()
    for pid, item in inputs.items():
        try:
            preds[pid] = fn(item)
        except failures as e:
            errors[pid] = _error(e)
    fatal = next(iter(errors.values())) if errors and not preds else None
    return Run(preds, errors, fatal)


def _error(e: Exception) -> str:
    return f"{type(e).__name__}: {e}".splitlines()[0][:200]


def _fmt(s: Score) -> str:
    return f"{s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} {s.accuracy:6.3f}"


def html_rows(truth, pages) -> dict[str, tuple[Run, Score | None]]:
    builders = {"cleaner (HTML)": extractors.cleaner_html,
                "trafilatura": extractors.trafilatura_html,
                "trafilatura fast=True": lambda: extractors.trafilatura_html(fast=True)}
    print(f"{'HTML pages':28s} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6}")
    rows = {}
    for label, build in builders.items():
        run = extract_all(build, {p.id: p for p in pages})
        result = None if run.fatal else score(truth, run.preds)
        rows[label] = (run, result)
        print(f"{label:28s} " + (f"ERROR {run.fatal}" if result is None else _fmt(result)))
        if run.errors and not run.fatal:
            print(f"{'':28s} {len(run.errors)} page(s) raised, scored empty: "
                  f"{next(iter(run.errors.values()))}")
    return rows


def postfilter_rows(truth, peers) -> dict[str, tuple[Score, Score | None]]:
    print(f"\n{'post-filter on peers':28s} {'F1 before -> after':>25}  {'P':>21}  "
          f"{'R':>21}  {'acc':>21}")
    rows = {}
    for peer in peers:
        outputs = {pid: peer.output.get(pid, "") for pid in truth}
        run = extract_all(extractors.cleaner_text, outputs)
        before = score(truth, outputs)
        # a page the filter fails on keeps the peer's text: the filter did nothing there
        after = None if run.fatal else score(truth, {**outputs, **run.preds})
        rows[peer.name] = (before, after)
        label = f"{peer.name} {peer.version}"[:28]
        if after is None:
            print(f"{label:28s} ERROR {run.fatal}")
            continue
        cells = [_delta(b, a) for b, a in zip(before[:4], after[:4], strict=True)]
        print(f"{label:28s} {cells[0]:>25}  " + "  ".join(f"{c:>21}" for c in cells[1:]))
        if run.errors:
            print(f"{'':28s} {len(run.errors)} page(s) raised, kept as the peer had them: "
                  f"{next(iter(run.errors.values()))}")
    return rows


def _delta(before: float, after: float) -> str:
    return f"{before:.3f} -> {after:.3f} ({after - before:+.3f})"


def figures_of(html, post) -> dict[str, float | None]:
    """The figures the targets and the floors speak of (None: not measured this run)."""
    cleaner = html["cleaner (HTML)"][1]
    traf_before, traf_after = post.get("trafilatura", (None, None))
    text_after = post.get("html-text", (None, None))[1]
    traf_ok = traf_before is not None and traf_after is not None
    return {
        "html_f1": cleaner.f1 if cleaner else None,
        "html_accuracy": cleaner.accuracy if cleaner else None,
        "posttrafilatura_f1_delta": traf_after.f1 - traf_before.f1 if traf_ok else None,
        "posttrafilatura_recall_delta":
            traf_after.recall - traf_before.recall if traf_ok else None,
        "htmltext_f1": text_after.f1 if text_after else None,
    }


def print_targets(fig: dict[str, float | None]) -> None:
    def status(*conds: bool | None) -> str:
        return "met" if all(conds) else "not met"

    def ge(name, bound):
        return fig[name] is not None and fig[name] >= bound

    print(f"\ntargets: {TARGETS}")
    print(f"  HTML F1 {_show(fig['html_f1'])} (>= 0.978), accuracy "
          f"{_show(fig['html_accuracy'])} (>= 0.45): "
          + status(ge("html_f1", 0.978), ge("html_accuracy", 0.45)))
    print(f"  post-filter on trafilatura: F1 {_show(fig['posttrafilatura_f1_delta'], True)} "
          f"(>= +0.010), recall {_show(fig['posttrafilatura_recall_delta'], True)} "
          "(>= -0.002): "
          + status(ge("posttrafilatura_f1_delta", 0.01),
                   ge("posttrafilatura_recall_delta", -0.002)))
    print(f"  post-filter on html-text: F1 {_show(fig['htmltext_f1'])} (>= 0.85): "
          + status(ge("htmltext_f1", 0.85)))


def _show(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.3f}" if signed else f"{value:.3f}"


def as_json(html, post, fig) -> dict:
    def s(x: Score | None):
        return None if x is None else x._asdict()

    return {
        "html": {label: {"score": s(sc), "error": run.fatal, "page_errors": run.errors}
                 for label, (run, sc) in html.items()},
        "postfilter": {name: {"before": s(b), "after": s(a)} for name, (b, a) in post.items()},
        "figures": fig,
    }


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", metavar="ID", help="score one page and show cleaner's diff "
                    "(default: all pages; floors are not checked)")
    ap.add_argument("--dump", metavar="DIR", type=Path,
                    help="write cleaner's per-page predictions, diffs and scores (default: none)")
    ap.add_argument("--json", metavar="FILE", type=Path, help="write all figures as JSON "
                    "(default: none)")
    ap.add_argument("--lower-floor", metavar="REASON", help="accept figures below "
                    "bench/floors.json and rewrite those floors (default: fail instead)")
    ap.add_argument("--data", type=Path, default=aeb_data.AEB, help="the aeb-dev directory "
                    "(default: ../shared/bench/aeb-dev beside the repo)")
    ap.add_argument("--set", choices=("aeb", "wcxb", "all"), default="all",
                    help="which page set (default: all)")
    ap.add_argument("--wcxb", type=Path, default=wcxb_data.WCXB, help="the wcxb-dev directory "
                    "(default: ../shared/bench/wcxb-dev beside the repo)")
    ap.add_argument("--mode", choices=("html", "text", "all"), default="all",
                    help="wcxb-dev: HTML mode, text mode on the peers' text, or both (default: all)")
    ap.add_argument("--half", choices=("study", "check", "both"), default="both",
                    help="wcxb-dev: which half of split.json (default: both)")
    ap.add_argument("--type", help="wcxb-dev: one page type only (default: all types)")
    ap.add_argument("--trafilatura", choices=("live", "published"), default="live",
                    help="wcxb-dev: run trafilatura's defaults in this run, or read "
                    "peers/trafilatura.json (default: live)")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    fig: dict[str, float | None] = {}
    results = {}
    if args.set in ("aeb", "all") and not _elsewhere(args):
        code = aeb_main(args, fig, results)
        if code is not None:
            return code
    if args.set in ("wcxb", "all"):
        fig.update(wcxb_run.main(args))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({**results, "figures": fig}, indent=2) + "\n")
    if args.only or args.type or args.half != "both" or args.set != "all" or args.mode != "all":
        print("\nfloors: not checked (a partial run)")
        return 0
    return 0 if floors.check(fig, args.lower_floor) else 1


def _elsewhere(args) -> bool:
    """--only names a wcxb-dev page (ids of four digits), not one of aeb-dev's."""
    return bool(args.only) and args.set == "all" and args.only.isdigit()


def aeb_main(args, fig: dict, results: dict) -> int | None:
    """The aeb-dev tables; fills fig and results; a return code ends the run early."""
    if why := aeb_data.missing(args.data):
        print(why)
        return None
    truth = aeb_data.load_truth(args.data)
    if args.only and args.only not in truth:
        print(f"quality: error: no page {args.only!r} in {args.data}", file=sys.stderr)
        return 2
    truth = {args.only: truth[args.only]} if args.only else truth
    pages = aeb_data.load_pages(args.data, only=args.only)
    print(f"{len(pages)} page(s) from {args.data}\n")
    html = html_rows(truth, pages)
    post = postfilter_rows(truth, aeb_data.load_peers(args.data))
    fig.update(figures_of(html, post))
    print_targets(fig)
    report_pages(args, truth, pages, html["cleaner (HTML)"][0])
    results.update(as_json(html, post, {}))
    return None


def report_pages(args, truth, pages, run: Run) -> None:
    if run.fatal and (args.only or args.dump):
        print(f"\nno per-page output: cleaner (HTML) failed: {run.fatal}")
    if args.only and not run.fatal:
        print(f"\ncleaner (HTML) on {args.only}, truth -> prediction:\n")
        print(run.errors.get(args.only) or page_diff(truth[args.only], run.preds[args.only]))
    if args.dump and not run.fatal:
        urls = {p.id: p.url for p in pages}
        print(f"\nper-page scores, worst first: "
              f"{write_dump(args.dump, truth, run.preds, urls, run.errors)}")


if __name__ == "__main__":
    sys.exit(main())
