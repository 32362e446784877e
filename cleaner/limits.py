"""Bounds on one document's time and on a worker's memory."""

from __future__ import annotations

import resource
import signal
import threading
import time
from contextlib import contextmanager

from .model import CleanerTimeout


@contextmanager
def time_limit(seconds: float):
    """Raise CleanerTimeout in the block after `seconds` (main thread only; else no limit).

    Nested limits keep the outer one's timer: the inner block runs under the shorter.
    """
    usable = seconds > 0 and threading.current_thread() is threading.main_thread() \
        and hasattr(signal, "setitimer")
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise CleanerTimeout(f"gave up after {seconds:g}s (timeout, --timeout)")

    outer_left, _ = signal.getitimer(signal.ITIMER_REAL)
    if outer_left and outer_left <= seconds:
        yield  # an enclosing limit is shorter: it governs
        return
    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_left:  # give the enclosing limit back what it had left
            signal.setitimer(signal.ITIMER_REAL, max(outer_left - (time.monotonic() - started), 1e-3))


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space, so a hostile page ends in MemoryError, not in
    the machine swapping. For worker processes, which hold nothing else."""
    if megabytes > 0:
        cap = megabytes * 1024 * 1024
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def hard_deadline(seconds: float) -> float:
    """When a parent kills the process cleaning a document that was given `seconds`:
    late enough for the document's own timer to win whenever Python gets control,
    and well within twice the timeout (0: never)."""
    return seconds + max(0.25, seconds / 2) if seconds > 0 else 0.0
