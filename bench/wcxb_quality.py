"""quality.py's wcxb-dev part: HTML mode against trafilatura, text mode on whole-page text
and as a post-filter on trafilatura's output, per page type and per half.

The halves come from split.json (by domain): read pages only in the study half. `--dump`
and `--only` refuse check pages, so that the check half stays a set of numbers.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

import extractors
import wcxb_data
from quality_dump import page_diff
from wcxb_metric import Haystack, page_score

TYPES = ("article", "service", "forum", "collection", "product", "listing", "documentation")


class Run(NamedTuple):
    preds: dict[str, str]
    errors: dict[str, str]
    seconds: float


def run_all(fn: Callable[[str], str], inputs: dict[str, object]) -> Run:
    preds, errors, start = {}, {}, time.perf_counter()
    failures = extractors.page_errors()
    for pid, item in inputs.items():
        try:
            preds[pid] = fn(item)
        except failures as e:  # a failing page (a timeout too) is an empty prediction
            errors[pid] = f"{type(e).__name__}: {e}".splitlines()[0][:200]
            preds[pid] = ""
    return Run(preds, errors, time.perf_counter() - start)


class Stats(NamedTuple):
    pages: int
    f1: float
    precision: float
    recall: float
    with_found: float     # mean over pages with snippets of the share found
    without_found: float


def stats(pages: list[wcxb_data.Page], preds: dict[str, str]) -> Stats:
    scores = [page_score(p.truth, preds.get(p.id, "")) for p in pages]
    hays = {p.id: Haystack(preds.get(p.id, "")) for p in pages}
    return Stats(len(pages), _mean(s.f1 for s in scores), _mean(s.precision for s in scores),
                 _mean(s.recall for s in scores), _share(pages, hays, "with_"),
                 _share(pages, hays, "without"))


def _share(pages, hays, field: str) -> float:
    rates = [sum(map(hays[p.id].has, getattr(p, field))) / len(getattr(p, field))
             for p in pages if getattr(p, field)]
    return _mean(rates)


def _mean(values: Iterable[float]) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def groups(pages: list[wcxb_data.Page]) -> dict[tuple[str, str], list[wcxb_data.Page]]:
    """(half, type) -> pages, with "all" for either."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    for p in pages:
        for half in (p.half, "all"):
            for kind in (p.page_type, "all"):
                out[half, kind].append(p)
    return out


def html_table(pages, runs: dict[str, Run]) -> dict[str, float]:
    """Per type and half: F1 of each extractor, snippet rates, lost pages. Returns the
    figures keyed as the floors are (wcxb_<half>_<label>_<type>_<stat>)."""
    g, fig = groups(pages), {}
    labels = list(runs)
    print(f"{'wcxb-dev HTML':24s} {'pages':>5}  " + "  ".join(
        f"{lb[:18]:>18s}" for lb in labels) + "   with%/without% (" + labels[0] + " | "
        + labels[-1] + ")")
    for half in ("study", "check", "all"):
        for kind in (*TYPES, "all"):
            ps = g.get((half, kind), [])
            if not ps:
                continue
            st = {lb: stats(ps, r.preds) for lb, r in runs.items()}
            for lb, s in st.items():
                key = _key(lb)
                fig[f"wcxb_{half}_{key}_{kind}_f1"] = s.f1
                fig[f"wcxb_{half}_{key}_{kind}_with"] = s.with_found
                fig[f"wcxb_{half}_{key}_{kind}_without"] = s.without_found
            first, last = st[labels[0]], st[labels[-1]]
            print(f"{half + ' ' + kind:24s} {len(ps):5d}  " + "  ".join(
                f"{st[lb].f1:7.3f} ({st[lb].precision:.2f}/{st[lb].recall:.2f})" for lb in labels)
                + f"   {first.with_found:.3f}/{first.without_found:.3f} | "
                  f"{last.with_found:.3f}/{last.without_found:.3f}")
    fig.update(lost_pages(pages, runs[labels[0]].preds, runs[labels[-1]].preds))
    return fig


def lost_pages(pages, ours: dict[str, str], theirs: dict[str, str]) -> dict[str, float]:
    """Pages the peer gets right (>= 0.8) and we lose (< 0.5), and pages under 0.2."""
    print("\nlost pages (peer >= 0.8, cleaner < 0.5) and pages under 0.2 F1:")
    fig = {}
    for half in ("study", "check", "all"):
        ps = [p for p in pages if half in (p.half, "all")]
        f_ours = {p.id: page_score(p.truth, ours.get(p.id, "")).f1 for p in ps}
        f_theirs = {p.id: page_score(p.truth, theirs.get(p.id, "")).f1 for p in ps}
        lost = [p.id for p in ps if f_theirs[p.id] >= 0.8 and f_ours[p.id] < 0.5]
        low_ours = sum(f < 0.2 for f in f_ours.values())
        low_theirs = sum(f < 0.2 for f in f_theirs.values())
        fig[f"wcxb_{half}_lost_pages"] = len(lost)
        fig[f"wcxb_{half}_lost_margin"] = -len(lost)  # a floor is "at least": minus the count
        fig[f"wcxb_{half}_under02_margin"] = low_theirs - low_ours
        shown = " ".join(lost[:12]) if half == "study" else "(check: numbers only)"
        print(f"  {half:6s} lost {len(lost):3d}  under 0.2: cleaner {low_ours}, peer {low_theirs}"
              f"  {shown if lost else ''}")
    return fig


def text_table(pages, inputs: dict[str, str], run: Run, label: str) -> dict[str, float]:
    """Text mode as a filter: F1 before -> after, `with` kept and `without` removed, both
    counted over the snippets that the input has (pooled over the pages)."""
    g, fig = groups(pages), {}
    print(f"\n{label:24s} {'pages':>5}  {'F1 before -> after':>20}  {'with kept':>9}  "
          f"{'without removed':>15}")
    for half in ("study", "check", "all"):
        for kind in (*TYPES, "all"):
            ps = g.get((half, kind), [])
            if not ps:
                continue
            before, after = stats(ps, inputs).f1, stats(ps, run.preds).f1
            kept, n_with = _pooled(ps, inputs, run.preds, "with_", keep=True)
            gone, n_without = _pooled(ps, inputs, run.preds, "without", keep=False)
            key = f"wcxb_{half}_{_key(label)}_{kind}"
            fig.update({f"{key}_f1": after, f"{key}_f1_delta": after - before,
                        f"{key}_with_kept": kept, f"{key}_without_removed": gone})
            print(f"{half + ' ' + kind:24s} {len(ps):5d}  {before:7.3f} -> {after:.3f} "
                  f"({after - before:+.3f})  {kept:8.1%}  {gone:8.1%} of {n_without:4d}")
    return fig


def _pooled(ps, inputs, outputs, field: str, keep: bool) -> tuple[float, int]:
    hit = total = 0
    for p in ps:
        before, after = Haystack(inputs.get(p.id, "")), Haystack(outputs.get(p.id, ""))
        for s in getattr(p, field):
            if before.has(s):
                total += 1
                hit += after.has(s) if keep else not after.has(s)
    return (hit / total if total else 1.0), total


def _key(label: str) -> str:
    """A label as the figures' keys name it: "cleaner (HTML)" -> "cleaner", "text on
    html-text" -> "text_htmltext" (the peer named, or both text runs would share keys)."""
    if " on " in label:
        return "text_" + label.split(" on ")[1].replace("-", "").lower()
    return label.split(" ")[0].replace("-", "").lower()


def show_page(root: Path, page: wcxb_data.Page, preds: dict[str, Run]) -> None:
    """One study page: each prediction's F1 and cleaner's diff to the truth."""
    if page.half != "study":
        print(f"\n{page.id} is in the check half: numbers only, no diff")
        return
    for label, run in preds.items():
        print(f"\n{label} on {page.id} ({page.page_type}, {page.url}), truth -> prediction:")
        print(run.errors.get(page.id) or page_diff(page.truth, run.preds.get(page.id, "")))


def dump(out: Path, pages, runs: dict[str, Run]) -> Path:
    """Per-page files for the study half only: ID.<label>.txt, ID.truth.txt, ID.<label>.diff
    and scores.tsv (worst first by the first label's F1)."""
    out.mkdir(parents=True, exist_ok=True)
    study = [p for p in pages if p.half == "study"]
    rows = []
    for p in study:
        (out / f"{p.id}.truth.txt").write_text(p.truth, encoding="utf-8")
        f1s = []
        for label, run in runs.items():
            pred = run.preds.get(p.id, "")
            (out / f"{p.id}.{_key(label)}.txt").write_text(pred, encoding="utf-8")
            (out / f"{p.id}.{_key(label)}.diff").write_text(page_diff(p.truth, pred), encoding="utf-8")
            f1s.append(page_score(p.truth, pred).f1)
        rows.append((f1s[0], p.id, p.page_type, p.url, f1s))
    rows.sort()
    head = "f1\tid\ttype\turl\t" + "\t".join(_key(lb) for lb in runs)
    lines = [f"{r[0]:.3f}\t{r[1]}\t{r[2]}\t{r[3]}\t" + "\t".join(f"{f:.3f}" for f in r[4])
             for r in rows]
    (out / "scores.tsv").write_text(head + "\n" + "\n".join(lines) + "\n", encoding="utf-8")
    (out / "README").write_text(f"study half only ({len(study)} pages); "
                                f"columns: {', '.join(runs)}\n", encoding="utf-8")
    return out / "scores.tsv"
