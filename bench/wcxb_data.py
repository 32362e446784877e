"""Loading wcxb-dev, kept in ../shared/bench/wcxb-dev: 1,476 pages of seven types from about
1,300 domains (WCXB, CC-BY-4.0), their main content, `with` and `without` snippets, two
peers' outputs, and split.json, which puts every domain in one half: "study" (pages we may
read) or "check" (pages we report only as numbers).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import NamedTuple

WCXB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "wcxb-dev"
HALVES = ("study", "check")


class Page(NamedTuple):
    id: str
    url: str
    page_type: str
    half: str
    truth: str  # the main content
    with_: tuple[str, ...]
    without: tuple[str, ...]


def missing(root: Path = WCXB) -> str | None:
    if (root / "ground-truth.json").exists() and (root / "split.json").exists():
        return None
    return f"skipped: {root} not found (../shared sits beside the repo only on the team's machines)"


def load(root: Path = WCXB) -> list[Page]:
    """Every annotated page, in id order."""
    gt = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    split = json.loads((root / "split.json").read_text(encoding="utf-8"))
    return [Page(i, v.get("url") or "", v.get("page_type") or "?", split[i],
                 v.get("main_content") or "", tuple(v.get("with") or ()),
                 tuple(v.get("without") or ()))
            for i, v in sorted(gt.items())]


def html(root: Path, page_id: str) -> bytes:
    return gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())


def peer(root: Path, name: str) -> dict[str, str]:
    """A peer's output (html-text, trafilatura): page id -> text."""
    data = json.loads((root / "peers" / f"{name}.json").read_text(encoding="utf-8"))
    return {k: (v or {}).get("articleBody") or "" for k, v in data["output"].items()}
