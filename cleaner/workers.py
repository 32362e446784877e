"""Child processes a parent can kill: the deadline that holds whatever C code is running.

A timer signal's handler runs only between bytecodes, so a long libxml2 call outlives
any limit set inside the process that makes it (a quadratic XPath over one paragraph
ran for minutes past its 5 s). The bound that always holds is a parent that kills the
process. A Worker is one child that runs `setup(arg)` once, which returns the function
to apply, and then that function on one item at a time. Holding one item at a time,
the parent knows exactly which item is running and since when: a kill or a crash is
blamed on that item alone, and the parent never blocks on a child that is stuck.

Children are forked straight from the parent where that is the platform's way and the
parent runs no other thread (instant, and the child shares what the parent compiled);
else they come from a fork server (a clean process, safe from a parent that runs
threads), else are spawned. A child never writes to the parent's stdout or stderr.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from multiprocessing.connection import wait
from typing import Any, NamedTuple

from .limits import limit_memory

# imported once, in the server (trafilatura is otherwise imported by each worker's first page)
_PRELOAD = ["cleaner.api", "cleaner.html", "cleaner.batch", "trafilatura"]


class StartFailed(Exception):
    """A worker process could not start (its memory cap too low, a rule file gone...)."""


class Reply(NamedTuple):
    status: str  # "done", "raised" (value: the exception), "memory" or "died"
    value: Any = None


def context():
    methods = multiprocessing.get_all_start_methods()
    if methods[0] == "fork" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class Worker:
    """One child process; `busy` while it holds an item, `since` when that item started."""

    def __init__(self, setup, arg, memory_mb: int = 0):
        ctx = context()
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, setup, arg, memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.busy = False
        self.since = 0.0

    def start(self, timeout: float | None = None) -> None:
        """Wait until the child has set up; StartFailed if it cannot."""
        if not self.ready and not wait([self.conn], timeout):
            self.kill()
            raise StartFailed(f"a worker process did not start within {timeout:g}s")
        if not self.ready:
            self.receive()

    def send(self, item) -> None:
        self.conn.send(item)  # the child is idle (one item at a time): this never blocks long
        self.busy, self.since = True, time.monotonic()

    def receive(self) -> Reply | None:
        """The child's next message (call when `conn` is readable); None for "ready"."""
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):  # it ended: killed, crashed, or out of memory in C
            status, value = "died", None
        if not self.ready:
            if status != "ready":
                self.kill()
                raise StartFailed(value or "a worker process ended while starting")
            self.ready = True
            return None
        self.busy = False
        if status in ("died", "memory"):
            self.kill()
        return Reply(status, value)

    def overdue(self, seconds: float, now: float) -> bool:
        return self.busy and seconds > 0 and now - self.since > seconds

    def run(self, item, seconds: float) -> Reply | None:
        """Send `item` and wait for its reply; None (and the worker killed) past `seconds`."""
        self.send(item)
        if not wait([self.conn], seconds or None):
            self.kill()
            return None
        return self.receive()

    def kill(self) -> None:
        self.busy = False
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()

    @property
    def alive(self) -> bool:
        return not self.conn.closed


def _serve(conn, setup, arg, memory_mb: int) -> None:
    """The child: set up, then answer one item at a time until the parent goes away."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _mute()
    try:
        limit_memory(memory_mb)
        fn = setup(arg)
    except BaseException as exc:  # noqa: BLE001 - whatever it is, the parent must hear it
        _say(conn, "failed", f"{type(exc).__name__}: {exc}")
        return
    _say(conn, "ready", None)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("done", fn(item))
        except MemoryError:  # the cap was hit: answer, then make way for a fresh process
            _say(conn, "memory", None)
            return
        except BaseException as exc:  # noqa: BLE001 - a timeout is a BaseException
            reply = ("raised", exc)
        if not _say(conn, *reply):
            return


def _mute() -> None:
    """Point fds 1 and 2 at /dev/null: output the parent had buffered when it forked
    is flushed there at the child's exit, not written twice, and nothing of the
    child's (a library's warning) gets into the parent's output."""
    null = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        os.dup2(null, fd)
    os.close(null)


def _say(conn, status: str, value) -> bool:
    try:
        conn.send((status, value))
    except MemoryError:
        return False
    except Exception:  # noqa: BLE001 - an exception that does not pickle: send its text
        try:
            conn.send((status, RuntimeError(f"{type(value).__name__}: {value}")))
        except Exception:  # noqa: BLE001 - the parent is gone
            return False
    return True
