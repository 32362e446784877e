"""Batch mode: stream Tasks through worker processes, in order, with bounded memory.

Each worker compiles the rule set once, runs under the memory cap, and holds one
record at a time. The main process reads a bounded window of tasks ahead, so memory
does not grow with the input, and writes results in input order. It also holds each
record's deadline: a worker still on a record past its hard deadline (the timeout
plus a grace) is killed, the record written as an error line with its content, and
a fresh worker takes the next one. A worker that dies, or runs out of memory, costs
only the record it was on, the same way. With --jobs 1 there is one worker: the same
bounds hold.
"""

from __future__ import annotations

import json
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from multiprocessing.connection import wait
from typing import Any, BinaryIO, NamedTuple

from ..api import Cleaner
from ..config import Config
from ..limits import hard_deadline
from ..workers import Reply, Worker, context
from .inputs import Task
from .records import RecordOptions, clean_line, clean_record, dumps, unreadable
from .warm import warm

WINDOW_PER_WORKER = 8  # records read ahead per worker, so that none waits for work
WINDOW_BYTES_PER_WORKER = 12 << 20  # ...and their bytes (one larger record always fits)
START_SECONDS = 120  # a worker that has not set up by then will not


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
    blank: int = 0  # blank JSON Lines lines, skipped
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
                f"removed by rule: {top}"
                + (f"; {self.blank} blank lines skipped" if self.blank else ""))


def process(task: Task, cleaner: Cleaner, opts: RecordOptions) -> dict[str, Any]:
    if task.kind == "line":
        return clean_line(cleaner, task.payload, task.number, opts)
    if task.kind == "record":
        return clean_record(cleaner, task.payload, opts)
    return task.payload


def run(tasks: Iterable[Task], config: Config, opts: RecordOptions, jobs: int,
        out: BinaryIO, progress=None, max_memory: int = 0) -> Summary:
    summary = Summary()
    # compiled once, for all workers; they hold the deadline themselves
    setup = _Setup(Cleaner(replace(config, isolate=False)), opts, max(jobs, 1), max_memory)
    if context().get_start_method() == "fork":  # what is built on first use, built once
        warm(setup.cleaner)
    for task, done in _in_workers(tasks, setup):
        if progress is not None:
            progress.update(task.progress)
        if done is None:  # a blank line: nothing to write, counted
            summary.blank += 1
            continue
        out.write(done.line)
        summary.add(done, task.size)
        if progress is not None:
            rate = summary.records / max(progress.format_dict["elapsed"], 1e-9)
            progress.set_postfix(records=summary.records, errors=summary.errors,
                                 rec_s=f"{rate:.0f}", refresh=False)
    out.flush()
    return summary


class _Setup(NamedTuple):
    cleaner: Cleaner
    opts: RecordOptions
    jobs: int
    max_memory: int


def _in_workers(tasks: Iterable[Task], setup: _Setup) -> Iterator[tuple[Task, Done | None]]:
    """(task, its Done) in input order. Records go to the workers one at a time each;
    the others are settled here. At most a window of tasks is held."""
    pool = _Pool(setup)
    pending: deque[list] = deque()  # [task, Done | None | _WAIT], in input order
    held = 0  # bytes of the pending tasks
    source = iter(tasks)
    try:
        while True:
            while source is not None and _room(len(pending), held, setup.jobs):
                task = next(source, None)
                if task is None:
                    source = None
                    break
                entry = [task, _WAIT if task.kind in ("line", "record") else _local(task)]
                pending.append(entry)
                held += task.size
                if entry[1] is _WAIT:
                    pool.todo.append(entry)
            while pending and pending[0][1] is not _WAIT:
                task, done = pending.popleft()
                held -= task.size
                yield task, done
            if not pending:
                if source is None:
                    return
                continue  # the window emptied: read on before waiting on anyone
            pool.step()
    finally:
        pool.close()


_WAIT = object()  # a record still being cleaned


def _room(count: int, held: int, jobs: int) -> bool:
    return count < jobs * WINDOW_PER_WORKER and (held < jobs * WINDOW_BYTES_PER_WORKER or not count)


def _local(task: Task) -> Done | None:
    """What needs no worker: a finished error record, or nothing for a blank line."""
    return None if task.kind == "blank" else finish(task.payload)


class _Pool:
    """The workers, the records waiting for one, and the parent's deadline over each."""

    def __init__(self, setup: _Setup):
        self.setup = setup
        self.hard = hard_deadline(setup.cleaner.config.timeout)
        first = _start(setup)  # before any input is read: a cap too low is said at once
        first.start(START_SECONDS)
        self.workers = [first] + [_start(setup) for _ in range(setup.jobs - 1)]
        self.todo: deque[list] = deque()
        self.running: dict[Worker, list] = {}

    def step(self) -> None:
        """Hand out records, then wait for one answer or the nearest deadline."""
        for w in self.workers:
            if w.ready and not w.busy and self.todo:
                entry = self.todo.popleft()
                w.send(entry[0])
                self.running[w] = entry
        now = time.monotonic()
        due = [w.since + self.hard - now for w in self.running] if self.hard else []
        for conn in wait([w.conn for w in self.workers], max(min(due), 0) if due else None):
            w = next(w for w in self.workers if w.conn is conn)
            self._answer(w, w.receive())
        now = time.monotonic()
        for w in [w for w in self.running if w.overdue(self.hard, now)]:
            w.kill()
            self._answer(w, Reply("timeout"))

    def _answer(self, w: Worker, reply: Reply | None) -> None:
        entry = self.running.pop(w, None) if reply is not None else None
        if entry is not None:  # (a worker that died idle held no record: nobody is blamed)
            entry[1] = _outcome(entry[0], reply, self.setup, self.hard)
        if not w.alive:
            self.workers[self.workers.index(w)] = _start(self.setup)

    def close(self) -> None:
        for w in self.workers:
            w.kill()


def _outcome(task: Task, reply: Reply, setup: _Setup, hard: float) -> Done:
    if reply.status == "done":
        return reply.value
    why = {
        "timeout": f"gave up after {setup.cleaner.config.timeout:g}s (timeout, --timeout): "
                   f"its worker was stopped at {hard:g}s",
        "memory": f"needs more memory than a worker may use (--max-memory {setup.max_memory} MB)",
        "died": "a worker process died on this record",
    }.get(reply.status) or f"cleaner failed: {type(reply.value).__name__}: {reply.value}"
    return finish(failed(task, why))


def _start(setup: _Setup) -> Worker:
    return Worker(_init, setup, setup.max_memory)


def _init(setup: _Setup):
    """In the worker: what cleans one task."""
    return lambda task: finish(process(task, setup.cleaner, setup.opts))


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
