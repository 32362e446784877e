"""`cleaner --jsonl` / `cleaner --warc`: corpora, streamed through all cores."""

from __future__ import annotations

import os
from typing import BinaryIO

from ..batch import RecordOptions, jsonl_tasks, run, total_size, warc_tasks
from ..config import Config
from ..workers import StartFailed


def run_batch(args, config: Config, stdin: BinaryIO, out: BinaryIO, err) -> int:
    opts = RecordOptions(field=args.field, url_field=args.url_field,
                         keep_removed=args.keep_removed, drop_source=args.drop_source)
    tasks = warc_tasks(args.files) if args.warc else jsonl_tasks(args.files, stdin)
    jobs = args.jobs or os.cpu_count() or 1
    progress = _progress(total_size(args.files), err, args.quiet)
    try:
        summary = run(tasks, config, opts, jobs, out, progress, args.max_memory)
    except StartFailed as exc:
        err.write(f"cleaner: error: no worker process could start under --max-memory "
                  f"{args.max_memory} MB: {exc}\n")
        return 2
    finally:
        if progress is not None:
            progress.close()
    if not args.quiet:
        err.write(summary.line() + "\n")
    return 1 if args.strict and summary.errors else 0


def _progress(total: int | None, err, quiet: bool):
    """A progress bar when a person is watching stderr; nothing in pipelines and logs."""
    if quiet or not hasattr(err, "isatty") or not err.isatty():
        return None
    from tqdm import tqdm

    # decimal MB, as the summary line counts them
    return tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1000, file=err,
                desc="cleaning", dynamic_ncols=True, smoothing=0.1)
