"""Loading the article-extraction-benchmark dev set kept in ../shared/bench/aeb-dev.

The data is Scrapinghub's article-extraction-benchmark (MIT): 123 gzipped HTML pages,
their ground-truth article bodies, and the published outputs of other extractors. It sits
beside the repository only on the team's machines, so every benchmark asks `missing()`
first and skips with its message on a fresh clone.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from typing import NamedTuple

AEB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "aeb-dev"


class Page(NamedTuple):
    id: str
    url: str
    html: bytes  # decompressed, still undecoded: extractors get the bytes a crawler saw


class Peer(NamedTuple):
    name: str
    version: str
    output: dict[str, str]  # page id -> articleBody


def missing(root: Path = AEB) -> str | None:
    """Why the benchmark cannot run here, or None if the data is present."""
    if (root / "ground-truth.json").exists():
        return None
    return f"skipped: {root} not found (../shared sits beside the repo only on the team's machines)"


def load_truth(root: Path = AEB) -> dict[str, str]:
    """Page id -> ground-truth article body (without the title)."""
    return {k: v.get("articleBody") or "" for k, v in _ground_truth(root).items()}


def load_pages(root: Path = AEB, only: str | None = None) -> list[Page]:
    """Every page with its url, decompressed into memory, in id order."""
    urls = {k: v.get("url") or "" for k, v in _ground_truth(root).items()}
    ids = [only] if only else sorted(urls)
    return [Page(i, urls[i], gzip.decompress((root / "html" / f"{i}.html.gz").read_bytes()))
            for i in ids]


def load_peers(root: Path = AEB) -> list[Peer]:
    """The published outputs of other extractors, by name."""
    return [_peer(path) for path in sorted((root / "peers").glob("*.json"))]


def _peer(path: Path) -> Peer:
    data = json.loads(path.read_text(encoding="utf-8"))
    output = {k: (v or {}).get("articleBody") or "" for k, v in data["output"].items()}
    return Peer(path.stem, data.get("version") or "?", output)


def _ground_truth(root: Path) -> dict[str, dict]:
    return json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))


def timing_pages(doc: str, argv=None) -> tuple[argparse.Namespace, list[Page]] | None:
    """The options every timing benchmark on these pages takes (--repeat, --data), and the
    pages; None, having said why, when the data is not there."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="passes, best kept (default: 3)")
    ap.add_argument("--data", type=Path, default=AEB,
                    help="the aeb-dev directory (default: ../shared/bench/aeb-dev)")
    ap.add_argument("--set", choices=("aeb", "wcxb"), default="aeb",
                    help="aeb-dev (default), or wcxb-dev's pages, both halves (only timed)")
    ap.add_argument("--every", type=int, default=4,
                    help="with --set wcxb: every Nth page in id order (default: 4)")
    args = ap.parse_args(argv)
    if args.set == "wcxb":
        return _wcxb_pages(args)
    if why := missing(args.data):
        print(why)
        return None
    return args, load_pages(args.data)


def _wcxb_pages(args: argparse.Namespace) -> tuple[argparse.Namespace, list[Page]] | None:
    import wcxb_data  # pages of both halves are timed, never read: timing shows no text

    if why := wcxb_data.missing():
        print(why)
        return None
    chosen = wcxb_data.load()[::max(1, args.every)]
    return args, [Page(p.id, p.url, wcxb_data.html(wcxb_data.WCXB, p.id)) for p in chosen]
