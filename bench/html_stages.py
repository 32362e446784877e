"""Where cleaner's HTML time goes: CPU ms a page per stage, on the aeb-dev pages.

Same pages and setup as html_speed.py (decompressed into memory, one Cleaner built
outside the clock, best of --repeat passes); each stage function is wrapped with a
timer, which costs a little, so the total runs slightly above html_speed.py's.

    python bench/html_stages.py [--repeat 3]
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict

import aeb_data

# (module, function, label): the pipeline's stages, HTML ones split up
STAGES = (
    ("cleaner.pipeline", "read_source", "source: decode, detect kind"),
    ("cleaner.html.segment", "parse", "parse (lxml)"),
    ("cleaner.html.segment", "check_size", "count elements"),
    ("cleaner.html.segment", "page_meta", "metadata"),
    ("cleaner.html.segment", "plan", "element rules: plan the drops"),
    ("cleaner.html.overlay", "page_text", "element drops: page text"),
    ("cleaner.html.overlay", "placed", "element drops: place blocks"),
    ("cleaner.html.segment", "_extract", "extraction: trafilatura's bare_extraction"),
    ("cleaner.html.segment", "_blocks", "blocks from trafilatura's XML"),
    ("cleaner.pipeline", "recognise", "text rules: match"),
    ("cleaner.pipeline", "settle", "text rules: decide"),
    ("cleaner.pipeline", "repair", "repair"),
)
# inside trafilatura's bare_extraction, so inside the extraction's figure above
WITHIN = (
    ("trafilatura.core", "compare_extraction", "  of which: readability/jusText comparison"),
    ("trafilatura.core", "justext_rescue", "  of which: jusText rescue"),
)


def instrument(times: dict[str, float], stages=STAGES) -> None:
    import importlib

    for module, name, label in stages:
        mod = importlib.import_module(module)
        setattr(mod, name, _timed(getattr(mod, name), label, times))


def _timed(fn, label: str, times: dict[str, float]):
    def timed(*args, **kwargs):
        t0 = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            times[label] += time.process_time() - t0
    return timed


def main(argv=None) -> int:
    if (loaded := aeb_data.timing_pages(__doc__, argv)) is None:
        return 0
    args, pages = loaded
    from cleaner import Cleaner

    cleaner = Cleaner()
    times: dict[str, float] = defaultdict(float)
    instrument(times, STAGES + WITHIN)
    best = None
    for _ in range(args.repeat):
        times.clear()
        t0 = time.process_time()
        for page in pages:
            cleaner.clean(page.html, url=page.url)
        total = time.process_time() - t0
        if best is None or total < best[0]:
            best = (total, dict(times))
    total, by_stage = best
    per_page = 1000 / len(pages)
    print(f"{len(pages)} pages, best of {args.repeat}: {total * per_page:.2f} ms a page\n")
    for label, seconds in sorted(by_stage.items(), key=lambda kv: -kv[1]):
        print(f"  {label:44s} {seconds * per_page:6.2f} ms")
    nested = {label for _, _, label in WITHIN}
    rest = total - sum(v for k, v in by_stage.items() if k not in nested)
    print(f"  {'the rest (pipeline, result, timers)':44s} {rest * per_page:6.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
