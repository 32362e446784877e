"""Hard bounds on hostile pages: seconds per document against 2x its timeout, in the CLI,
in batch mode and in a library thread with Config(isolate=True); and peak memory per
document against 20x its size (and 300 MB).

The pages are generated (nothing to download): one <p> of 290,000 inline elements, a
flat run of plain <p> up to 13.75 MB, 297,873 nested divs, a 300x300 table, one text
node of 15 MB. Every timing is the real front door: `python -m cleaner FILE`,
`python -m cleaner --jsonl --jobs 2`, a thread calling a shared isolated Cleaner.

    python bench/hostile_bounds.py                  # --timeout 5, all pages, all modes
    python bench/hostile_bounds.py --timeout 2 --only flat-inline --modes cli,thread

Process start-up is measured on a trivial document and taken off the CLI and batch
times, so each figure is the document's own time. Memory is the peak RSS of a child
process that cleans the page once (ru_maxrss, less the same child's peak on a trivial
page), so it needs the `resource` module (Linux, macOS): elsewhere that part is skipped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1_000_000
TRIVIAL = "<html><body><p>Nothing to see here, only a sentence.</p></body></html>"


def pages() -> dict[str, str]:
    p = "<p>A paragraph sentence of text, a longer one to look real.</p>"
    return {
        "flat-inline": "<html><body><p>" + "<i>w</i>" * 290_000 + "</p></body></html>",
        "flat-p": "<html><body>" + p * (int(13.75 * MB) // len(p)) + "</body></html>",
        "deep": "<html><body>" + "<div>" * 297_873 + "<p>Deep text.</p>" + "</div>" * 297_873,
        "wide-table": "<html><body><table>" + ("<tr>" + "<td>cell text</td>" * 300 + "</tr>") * 300
                      + "</table></body></html>",
        "one-text-node": "<html><body><p>" + "word " * (3 * MB) + "</p></body></html>",
    }


def _run(argv: list[str], stdin: bytes | None = None) -> tuple[float, str]:
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "cleaner", *argv], input=stdin, capture_output=True)
    took = time.monotonic() - t0
    return took, proc.stderr.decode("utf-8", "replace").strip().splitlines()[0][:90] \
        if proc.stderr.strip() else f"exit {proc.returncode}, {len(proc.stdout):,} bytes out"


def cli(path: Path, timeout: float) -> tuple[float, str]:
    return _run(["--timeout", str(timeout), str(path)])


def batch(path: Path, timeout: float) -> tuple[float, str]:
    record = json.dumps({"id": "hostile", "html": path.read_text()}) + "\n"
    took, _ = _run(["--jsonl", "--jobs", "2", "--timeout", str(timeout), "--quiet"], record.encode())
    return took, "one record, --jobs 2"


def start_up(mode, tmp: Path, timeout: float) -> float:
    trivial = tmp / "trivial.html"
    trivial.write_text(TRIVIAL)
    return min(mode(trivial, timeout)[0] for _ in range(2))


def in_thread(all_pages: dict[str, str], timeout: float) -> dict[str, tuple[float, str]]:
    from concurrent.futures import ThreadPoolExecutor

    from cleaner import Cleaner, Config
    from cleaner.model import CLEANER_ERRORS

    cleaner = Cleaner(Config(timeout=timeout, isolate=True, isolate_workers=1))

    def one(page: str) -> tuple[float, str]:
        t0 = time.monotonic()
        try:
            what = f"{len(cleaner.clean(page).text):,} chars out"
        except CLEANER_ERRORS as exc:
            what = str(exc)[:90]
        return time.monotonic() - t0, what

    with ThreadPoolExecutor(1) as pool:
        pool.submit(one, "warm up: the worker's start is not a document's time").result()
        out = {name: pool.submit(one, page).result() for name, page in all_pages.items()}
    cleaner.close()
    return out


PEAK = """
import resource, sys
from cleaner import Cleaner, Config
c = Cleaner(Config(timeout={timeout}))
try:
    c.clean(open(sys.argv[1], "rb").read())
except BaseException:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_mb(path: Path, timeout: float) -> float:
    out = subprocess.run([sys.executable, "-c", PEAK.format(timeout=timeout), str(path)],
                         capture_output=True, text=True).stdout.split()
    kib = int(out[-1]) if out else 0
    return kib / 1024 if sys.platform != "darwin" else kib / MB  # macOS counts bytes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--only", action="append", help="a page name (repeatable; default: all)")
    ap.add_argument("--modes", default="cli,batch,thread,memory")
    args = ap.parse_args()
    try:
        import cleaner  # noqa: F401
    except ImportError:
        print("skipped: cleaner is not installed in this Python")
        return 0
    modes = set(args.modes.split(","))
    chosen = {k: v for k, v in pages().items() if not args.only or k in args.only}
    limit = 2 * args.timeout
    print(f"timeout {args.timeout:g}s, bound {limit:g}s a document; seconds are the document's own")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        paths = {}
        for name, page in chosen.items():
            paths[name] = tmp / f"{name}.html"
            paths[name].write_text(page)
        thread = in_thread(chosen, args.timeout) if "thread" in modes else {}
        base = 0.0
        try:
            import resource  # noqa: F401
        except ImportError:
            modes.discard("memory")
            print("memory: skipped (no resource module on this platform)")
        if "memory" in modes:
            (tmp / "trivial.html").write_text(TRIVIAL)
            base = peak_mb(tmp / "trivial.html", args.timeout)
        for mode_name, mode in (("cli", cli), ("batch", batch)):
            if mode_name not in modes:
                continue
            overhead = start_up(mode, tmp, args.timeout)
            print(f"\n{mode_name} (start-up {overhead:.2f}s taken off)")
            for name, path in paths.items():
                took, what = mode(path, args.timeout)
                own = max(took - overhead, 0.0)
                failures += own > limit
                print(f"  {name:14} {len(chosen[name]) / MB:6.2f} MB {own:6.2f}s "
                      f"{'OK ' if own <= limit else 'OVER'} {what}")
        if thread:
            print("\nlibrary thread, Config(isolate=True)")
            for name, (took, what) in thread.items():
                failures += took > limit
                print(f"  {name:14} {len(chosen[name]) / MB:6.2f} MB {took:6.2f}s "
                      f"{'OK ' if took <= limit else 'OVER'} {what}")
        if "memory" in modes:
            print(f"\npeak memory a document (child's peak RSS less {base:.0f} MB of a trivial page)")
            for name, path in paths.items():
                size = len(chosen[name]) / MB
                peak = peak_mb(path, args.timeout) - base
                print(f"  {name:14} {size:6.2f} MB {peak:7.0f} MB = {peak / size:5.1f}x "
                      f"{'OK ' if peak <= min(20 * size, 300) else 'OVER'}")
    print(f"\n{failures} document(s) over 2x the timeout")
    return 0


if __name__ == "__main__":
    sys.exit(main())
