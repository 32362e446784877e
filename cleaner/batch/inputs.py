"""Readers for batch mode: JSON Lines and WARC, streamed, each item a Task.

Nothing here holds more than one line or one WARC record at a time, and a reader that
hits a broken file (truncated gzip, cut-off WARC) reports it as an error record and
moves on to the next file instead of stopping the run.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator
from typing import Any, NamedTuple


class Task(NamedTuple):
    kind: str  # "line" (raw JSON Lines bytes), "record" (a dict), "error" (a finished error record)
    payload: Any
    number: int  # 1-based line or record number within its file
    size: int  # input bytes it stands for, uncompressed: for the summary
    read: int = -1  # file bytes consumed since the task before, as total_size counts them
    # (compressed for .gz and WARC.gz): for the progress bar; -1: the same as size

    @property
    def progress(self) -> int:
        return self.size if self.read < 0 else self.read


def total_size(paths: list[str]) -> int | None:
    """Bytes to read, if known (files, not stdin): what the progress bar's ETA needs.
    On disk, so compressed for .gz files: tasks count progress (Task.read) the same way."""
    try:
        return sum(os.path.getsize(p) for p in paths) if paths and "-" not in paths else None
    except OSError:
        return None


def jsonl_tasks(paths: list[str], stdin=None) -> Iterator[Task]:
    for path in paths or ["-"]:
        try:
            raw, stream = _open(path, stdin)
        except OSError as exc:
            yield Task("error", {"error": f"cannot read {path}: {exc.strerror or exc}", "file": path}, 0, 0)
            continue
        number = 0
        where = _Position(stream)
        try:
            for number, line in enumerate(stream, 1):
                # a blank line is no record: counted in the summary, no line out
                yield Task("line" if line.strip() else "blank", line, number, len(line),
                           where.advance(len(line)))
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            yield Task("error", {"error": f"{path}: input broken after line {number}: {exc}",
                                 "file": path, "line": number + 1}, number + 1, 0)
        finally:
            if path != "-":
                stream.close()
                raw.close()


def warc_tasks(paths: list[str]) -> Iterator[Task]:
    from warcio.archiveiterator import ArchiveIterator

    for path in paths:
        number = 0
        try:
            with open(path, "rb") as raw:
                if (head := _not_warc(raw)) is not None:
                    yield Task("error", {"error": f"{path}: not a WARC file (it begins {head!r})",
                                         "file": path}, 0, 0)
                    continue
                records = ArchiveIterator(raw)
                where = _Position(raw)
                for number, record in enumerate(records, 1):
                    task = _headless(record, number, path) or _warc_task(record, number) \
                        or _drained(record, number, path)
                    if task:
                        yield task._replace(read=where.advance(task.size))
                # warcio stops quietly at a cut-off gzip member: bytes it never reached
                # mean records were lost, and that must be said
                size = os.fstat(raw.fileno()).st_size
                if records.offset < size:
                    raise EOFError(f"the file ends inside a record: {size - records.offset} "
                                   "bytes at the end could not be read")
        except Exception as exc:  # warcio raises many kinds on a truncated or corrupt file
            yield Task("error", {"error": f"{path}: WARC broken after record {number}: "
                                          f"{_reason(exc)}", "file": path,
                                 "record": number + 1}, number + 1, 0)


def _not_warc(raw) -> bytes | None:
    """The file's first bytes if it is not WARC (plain, or gzip members), else None."""
    head = raw.read(4096)
    raw.seek(0)
    text = head
    if head[:2] == b"\x1f\x8b":
        try:
            text = zlib.decompressobj(31).decompress(head, 64)
        except zlib.error:
            text = b""
    return None if text.startswith(b"WARC/") else head[:40]


def _reason(exc: Exception) -> str:
    if isinstance(exc, EOFError):
        return str(exc)
    if isinstance(exc, AttributeError):  # warcio on a header that ends early
        return "a record's header is cut short or unreadable"
    return f"{type(exc).__name__}: {exc}"


def _headless(record, number: int, path: str) -> Task | None:
    """An error Task for a record whose header ends before its Content-Length, which
    every WARC record has: the file was cut inside the header."""
    if record.length is not None:
        return None
    return Task("error", {"error": f"WARC record {number} ({record.rec_type}) is cut short: "
                                   "the file ends inside its header", "file": path}, number, 0)


def _drained(record, number: int, path: str) -> Task | None:
    """Read a record that is not cleaned to its end, so that a cut inside it (an image,
    a revisit, the warcinfo) is seen; an error Task if the file ended first."""
    while record.raw_stream.read(1 << 16):
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if not (isinstance(missing, int) and missing > 0):
        return None
    head = record.rec_headers
    return Task("error", {"error": f"WARC record {number} ({record.rec_type}) is cut short: the "
                                   f"file ends {missing} bytes before the record does",
                          "file": path, "url": head.get_header("WARC-Target-URI"),
                          "record_id": head.get_header("WARC-Record-ID")}, number, 0)


def _warc_task(record, number: int) -> Task | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = record.http_headers.get_header("Content-Type") or ""
    if "html" not in ctype.lower():
        return None
    body = record.content_stream().read()
    from ..source import decode

    text, _ = decode(body, _charset(ctype))
    head = record.rec_headers
    fields = {
        "url": head.get_header("WARC-Target-URI"),
        "date": head.get_header("WARC-Date"),
        "record_id": head.get_header("WARC-Record-ID"),
        "html": text,
    }
    broken = _cut_short(record, body)
    if broken:  # warcio hands over a cut-off record as if whole: say so, keep what is there
        return Task("error", {**fields, "error": f"WARC record {number} {broken}"}, number, len(body))
    return Task("record", fields, number, len(body))


def _cut_short(record, body: bytes) -> str | None:
    """Why the record's payload is incomplete, if it can be told: the file ended before
    the record's own WARC Content-Length did, or the body is shorter than its HTTP
    Content-Length."""
    missing = getattr(record.raw_stream, "limit", 0)  # warcio's LimitReader: bytes still owed
    if isinstance(missing, int) and missing > 0:
        return f"is cut short: the file ends {missing} bytes before the record does"
    declared = record.http_headers.get_header("Content-Length")
    encoded = record.http_headers.get_header("Content-Encoding") or record.http_headers.get_header(
        "Transfer-Encoding")
    if declared and declared.isdigit() and not encoded and len(body) < int(declared):
        return f"is cut short ({len(body)} of {declared} bytes)"
    return None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


class _Position:
    """How far into its file on disk a stream has read, task by task: the compressed
    offset for gzip, found through the file object under the decompressor."""

    def __init__(self, stream):
        self._raw = getattr(stream, "fileobj", None) or stream
        self._last = 0

    def advance(self, size: int) -> int:
        """File bytes consumed since the last call (`size` when the stream cannot tell)."""
        try:
            now = self._raw.tell()
        except (OSError, AttributeError, ValueError):  # stdin, a pipe
            return size
        step, self._last = now - self._last, now
        return step


def _open(path: str, stdin=None):
    """The file, or stdin for "-", decompressed if it starts as gzip does (whatever its
    name: a .jsonl.gz piped to stdin too)."""
    raw = (stdin or sys.stdin.buffer) if path == "-" else open(path, "rb")  # noqa: SIM115
    stream = raw if hasattr(raw, "peek") else io.BufferedReader(raw)
    try:
        gzipped = stream.peek(2)[:2] == b"\x1f\x8b"
    except OSError:
        gzipped = False
    return raw, gzip.GzipFile(fileobj=stream, mode="rb") if gzipped else stream
