"""`Config(isolate=True)`: documents cleaned in child processes, each killed past its
deadline, so that the timeout holds in any thread and whatever C code is running.

The timer signal of limits.time_limit works only in the main thread, and only when
Python gets control; a thread pool of scrapers has neither. Here the calling thread
hands the document to an idle worker process and waits at most the hard deadline
(the timeout plus a grace); past it the worker is killed, CleanerTimeout raised, and
a new worker is started for the next call. Workers are started as callers need them,
up to `size`; more callers than that wait for one to be free.
"""

from __future__ import annotations

import queue
import threading

from .limits import hard_deadline
from .model import CleanerError, CleanerTimeout, Result
from .workers import StartFailed, Worker

START_SECONDS = 120


class Isolated:
    def __init__(self, cleaner, size: int):
        self.cleaner = cleaner  # an ordinary Cleaner, what each worker runs
        self.size = size
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._started = 0

    def __reduce__(self):  # a copy (pickled to Spark, say) starts its own workers
        return Isolated, (self.cleaner, self.size)

    def clean(self, content: bytes | str, url: str | None) -> Result:
        timeout = self.cleaner.config.timeout
        worker = self._take()
        try:
            reply = worker.run((content, url), hard_deadline(timeout))
        finally:
            self._give(worker)
        if reply is None:
            raise CleanerTimeout(f"gave up after {timeout:g}s (timeout, --timeout): the process "
                                 f"cleaning it was stopped at {hard_deadline(timeout):g}s")
        if reply.status == "done":
            return reply.value
        if reply.status == "raised":
            raise reply.value
        raise CleanerError("the process cleaning this document ran out of memory"
                           if reply.status == "memory" else "the process cleaning this document died")

    def _take(self) -> Worker:
        """An idle worker, or a new one while there are fewer than `size`; else wait.
        None in the queue is a free place (its worker was killed)."""
        try:
            worker = self._idle.get_nowait()
        except queue.Empty:
            with self._lock:
                grow = self._started < self.size
                self._started += grow
            worker = None if grow else self._idle.get()
        return worker if worker is not None else self._new()

    def _new(self) -> Worker:
        try:
            worker = Worker(_setup, self.cleaner)
            worker.start(START_SECONDS)
        except (StartFailed, OSError) as exc:
            self._idle.put(None)  # the place stays free for the next caller
            raise CleanerError(f"cannot start a process to clean in: {exc}") from exc
        return worker

    def _give(self, worker: Worker) -> None:
        self._idle.put(worker if worker.alive else None)

    def close(self) -> None:
        """Stop the idle workers; the next call starts new ones."""
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            if worker is not None:
                worker.kill()
        with self._lock:
            self._started = 0


def _setup(cleaner):
    return lambda item: cleaner.clean(item[0], url=item[1])
