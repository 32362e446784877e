"""Runs the wcxb-dev part of quality.py: which extractors, on which pages, and the floors'
figures. Kept apart from wcxb_quality.py, which only scores and prints."""

from __future__ import annotations

import extractors
import wcxb_data
import wcxb_quality as q


def pages_of(args) -> list[wcxb_data.Page]:
    pages = wcxb_data.load(args.wcxb)
    if args.only:
        pages = [p for p in pages if p.id == args.only]
    if args.half != "both":
        pages = [p for p in pages if p.half == args.half]
    if args.type:
        pages = [p for p in pages if p.page_type == args.type]
    return pages


def main(args) -> dict[str, float]:
    """Print the wcxb-dev tables; return the figures (for floors and --json)."""
    if why := wcxb_data.missing(args.wcxb):
        print(why)
        return {}
    pages = pages_of(args)
    if not pages:
        print(f"wcxb-dev: no page selected (--only {args.only})")
        return {}
    print(f"\n{len(pages)} page(s) of wcxb-dev ({args.wcxb})\n")
    fig: dict[str, float] = {}
    if args.mode in ("html", "all"):
        fig.update(_html(args, pages))
    if args.mode in ("text", "all"):
        fig.update(_text(args, pages))
    return fig


def _html(args, pages) -> dict[str, float]:
    by_id = {p.id: p for p in pages}
    page_of = lambda pid: extractors.Page(pid, by_id[pid].url, wcxb_data.html(args.wcxb, pid))  # noqa: E731
    runs = {"cleaner (HTML)": q.run_all(_on_page(extractors.cleaner_html(), page_of), by_id)}
    if args.trafilatura == "live":
        runs["trafilatura"] = q.run_all(_on_page(extractors.trafilatura_html(), page_of), by_id)
    else:
        published = wcxb_data.peer(args.wcxb, "trafilatura")
        runs["trafilatura (published)"] = q.Run({p: published.get(p, "") for p in by_id}, {}, 0.0)
    fig = q.html_table(pages, runs)
    for label, run in runs.items():
        if run.seconds:
            print(f"  {label}: {len(pages) / run.seconds:.1f} docs/s", end="")
        if run.errors:
            print(f"  ({len(run.errors)} page(s) raised: {next(iter(run.errors.values()))})", end="")
    print()
    _per_page(args, pages, runs)
    return fig


def _text(args, pages) -> dict[str, float]:
    fig = {}
    ids = [p.id for p in pages]
    clean = extractors.cleaner_text()
    for peer in ("html-text", "trafilatura"):
        out = wcxb_data.peer(args.wcxb, peer)
        inputs = {pid: out.get(pid, "") for pid in ids}
        run = q.run_all(clean, inputs)
        label = f"text on {peer}"
        fig.update(q.text_table(pages, inputs, run, label))
        if run.errors:
            print(f"  {len(run.errors)} page(s) raised: {next(iter(run.errors.values()))}")
        _per_page(args, pages, {label: run, peer: q.Run(inputs, {}, 0.0)})
    return fig


def _on_page(fn, page_of):
    return lambda page: fn(page_of(page.id))


def _per_page(args, pages, runs) -> None:
    if args.only:
        q.show_page(args.wcxb, pages[0], dict(list(runs.items())[:1]))
    if args.dump:
        first = next(iter(runs))
        out = args.dump / q._key(first)
        print(f"  study-half dump of {first}: {q.dump(out, pages, runs)}")
