"""Batch mode: stream Tasks through worker processes, in order, with bounded memory.

Each worker compiles the rule set once (in its initializer). The main process reads
tasks in chunks and keeps at most a few chunks per worker in flight, so memory does
not grow with the input; results are written in input order as the oldest chunk
finishes. A worker that dies takes only its chunk with it, and those records are
still written, each with an `error` field.
"""

from __future__ import annotations

import json
import signal
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, BinaryIO, NamedTuple

from .api import Cleaner
from .batch import RecordOptions, clean_line, clean_record, dumps, unreadable
from .batch_io import Task
from .config import Config
from .limits import limit_memory

CHUNK_RECORDS = 32
CHUNK_BYTES = 4 << 20
IN_FLIGHT_PER_WORKER = 3

_worker: tuple[Cleaner, RecordOptions] | None = None  # set once in each worker process


class Done(NamedTuple):
    """A finished record, already serialised where it was cleaned: the main process only
    writes bytes, so it stays out of the workers' way."""

    line: bytes
    error: bool
    rules: tuple[str, ...]


def finish(record: dict[str, Any]) -> Done:
    # cleaned records always carry clean_text; an input field called "error" is not ours
    return Done(dumps(record), "clean_text" not in record, tuple(record.get("clean_rules") or ()))


@dataclass
class Summary:
    records: int = 0
    errors: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    rules: Counter = field(default_factory=Counter)

    def add(self, done: Done, size: int) -> None:
        self.records += 1
        self.errors += done.error
        self.bytes_in += size
        self.bytes_out += len(done.line)
        self.rules.update(done.rules)

    def line(self) -> str:
        top = ", ".join(f"{r} {n}" for r, n in self.rules.most_common(10)) or "none"
        return (f"cleaner: {self.records} records, {self.errors} errors, "
                f"{self.bytes_in / 1e6:.1f} MB in, {self.bytes_out / 1e6:.1f} MB out; "
                f"removed by rule: {top}")


def process(task: Task, cleaner: Cleaner, opts: RecordOptions) -> dict[str, Any]:
    if task.kind == "line":
        return clean_line(cleaner, task.payload, task.number, opts)
    if task.kind == "record":
        return clean_record(cleaner, task.payload, opts)
    return task.payload


def run(tasks: Iterable[Task], config: Config, opts: RecordOptions, jobs: int,
        out: BinaryIO, progress=None, max_memory: int = 0) -> Summary:
    summary = Summary()
    if jobs <= 1:
        results = _in_process(tasks, config, opts)
    else:
        results = _in_pool(tasks, _Setup(config, opts, jobs, max_memory))
    for task, done in results:
        out.write(done.line)
        summary.add(done, task.size)
        if progress is not None:
            progress.update(task.progress)
            rate = summary.records / max(progress.format_dict["elapsed"], 1e-9)
            progress.set_postfix(records=summary.records, errors=summary.errors,
                                 rec_s=f"{rate:.0f}", refresh=False)
    out.flush()
    return summary


def _in_process(tasks, config, opts) -> Iterator[tuple[Task, Done]]:
    cleaner = Cleaner(config)
    for task in tasks:
        yield task, finish(process(task, cleaner, opts))


class _Setup(NamedTuple):
    config: Config
    opts: RecordOptions
    jobs: int
    max_memory: int


def _in_pool(tasks, setup: _Setup) -> Iterator[tuple[Task, Done]]:
    pool = _pool(setup)
    window: deque[tuple[list[Task], Future]] = deque()
    try:
        for chunk in _chunks(tasks):
            while len(window) >= setup.jobs * IN_FLIGHT_PER_WORKER:
                pool = yield from _finish(window.popleft(), pool, setup)
            pool, future = _submit(pool, chunk, setup)
            window.append((chunk, future))
        while window:
            pool = yield from _finish(window.popleft(), pool, setup)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _finish(item, pool, setup: _Setup):
    """The results of the oldest chunk. If its worker died (a crash, the memory cap, a
    kill), the chunk is redone record by record in a sound pool, so that only a record
    that kills a worker again is lost to an error line, with its content kept."""
    chunk, future = item
    try:
        done = future.result()
    except (BrokenProcessPool, CancelledError):
        done = []
        for task in chunk:
            pool, one = _alone(pool, task, setup)
            done.append(one)
    yield from zip(chunk, done)
    return pool


def _submit(pool, chunk: list[Task], setup: _Setup):
    """Submit, replacing the pool first if a worker has died and broken it."""
    try:
        return pool, pool.submit(_work, chunk)
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool(setup)
        return pool, pool.submit(_work, chunk)


def _alone(pool, task: Task, setup: _Setup):
    if getattr(pool, "_broken", False):
        pool.shutdown(wait=False, cancel_futures=True)
        pool = _pool(setup)
    try:
        return pool, pool.submit(_work, [task]).result()[0]
    except (BrokenProcessPool, CancelledError):
        return pool, finish(failed(task, "a worker process died on this record"))


def failed(task: Task, why: str) -> dict[str, Any]:
    """An error line that keeps what the task carried: the record's fields, or the line."""
    if task.kind == "line":
        try:
            record = json.loads(task.payload)
        except ValueError:
            return unreadable(task.payload, task.number, why)
        if isinstance(record, dict):
            return {**record, "error": why}
        return {"error": why, "line": task.number, "record": record}
    return {**task.payload, "error": why}


def _chunks(tasks: Iterable[Task]) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        size += task.size
        if len(chunk) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _pool(setup: _Setup) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=setup.jobs, initializer=_init, initargs=(setup,))


def _init(setup: _Setup) -> None:
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    limit_memory(setup.max_memory)
    _worker = (Cleaner(setup.config), setup.opts)


def _work(chunk: list[Task]) -> list[Done]:
    assert _worker is not None
    cleaner, opts = _worker
    return [finish(process(t, cleaner, opts)) for t in chunk]
