"""Per-page output of quality.py, for studying what cleaner leaves in or takes out.

`--dump DIR` writes, for cleaner's HTML mode:

    DIR/scores.tsv        one line per page, worst F1 first
    DIR/ID.pred.txt       cleaner's prediction
    DIR/ID.truth.txt      the benchmark's ground truth
    DIR/ID.diff           truth -> prediction, one paragraph per line: '+' lines are
                          leftovers (boilerplate kept), '-' lines are article text lost
"""

from __future__ import annotations

import difflib
from pathlib import Path

from aeb_metric import exact, page_counts, page_f1, page_precision, page_recall


def page_diff(true: str, pred: str) -> str:
    """A unified diff of paragraphs; blank lines are dropped as the metric ignores them."""
    lines = lambda text: [line.strip() for line in text.splitlines() if line.strip()]  # noqa: E731
    diff = difflib.unified_diff(lines(true), lines(pred), "truth", "prediction", lineterm="", n=1)
    return "\n".join(diff) + "\n"


def write_dump(out: Path, truth: dict[str, str], preds: dict[str, str],
               urls: dict[str, str], errors: dict[str, str]) -> Path:
    """Write the files above; returns the path of scores.tsv."""
    out.mkdir(parents=True, exist_ok=True)
    for pid, true in truth.items():
        pred = preds.get(pid, "")
        (out / f"{pid}.pred.txt").write_text(pred, encoding="utf-8")
        (out / f"{pid}.truth.txt").write_text(true, encoding="utf-8")
        (out / f"{pid}.diff").write_text(page_diff(true, pred), encoding="utf-8")
    scores = out / "scores.tsv"
    scores.write_text(_table(truth, preds, urls, errors), encoding="utf-8")
    return scores


def _table(truth, preds, urls, errors) -> str:
    # worst first: those are the pages worth reading; ties by id keep the file stable
    order = sorted(truth, key=lambda pid: (page_f1(truth[pid], preds.get(pid, "")), pid))
    rows = ["rank\tf1\tprecision\trecall\texact\tid\turl\terror"]
    for rank, pid in enumerate(order, 1):
        true, pred = truth[pid], preds.get(pid, "")
        c = page_counts(true, pred)
        p, r = _show(page_precision(c)), _show(page_recall(c))
        rows.append(f"{rank}\t{page_f1(true, pred):.3f}\t{p}\t{r}\t"
                    f"{int(exact(true, pred))}\t{pid}\t{urls.get(pid, '')}\t{errors.get(pid, '')}")
    return "\n".join(rows) + "\n"


def _show(value: float | None) -> str:
    # "-": the page stays out of that average (an empty prediction has no precision)
    return "-" if value is None else f"{value:.3f}"
