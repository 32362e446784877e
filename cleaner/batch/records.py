"""One record of a corpus in, one output record out: never dropped, never raising.

Shared by the JSON Lines mode, WARC input and the Spark module, so that all three
produce the same fields for the same record.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass
from typing import Any

from ..api import Cleaner
from ..model import CLEANER_ERRORS, Meta
from ..render import step_dict

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class RecordOptions:
    field: str | None = None  # None: "html" if the record has it, else "text"
    url_field: str | None = "url"  # None: records carry no URL
    keep_removed: bool = False
    drop_source: bool = False  # leave the cleaned field out of a cleaned record


def clean_line(cleaner: Cleaner, line: bytes, number: int, opts: RecordOptions) -> dict[str, Any]:
    """A JSON Lines line -> its output record. Bad JSON is reported with the line kept."""
    try:
        record = json.loads(line)
    except ValueError as exc:
        return unreadable(line, number, f"not valid JSON: {exc}")
    if not isinstance(record, dict):
        return {"error": "not a JSON object", "line": number, "record": record}
    return clean_record(cleaner, record, opts)


def clean_record(cleaner: Cleaner, record: dict[str, Any], opts: RecordOptions) -> dict[str, Any]:
    """A record (dict) -> the same record plus the cleaned fields, or plus an `error`."""
    field = opts.field or ("html" if "html" in record else "text")
    content = record.get(field)
    if not isinstance(content, str):
        return {**record, "error": f"no text in field {field!r}"}
    url = record.get(opts.url_field) if opts.url_field else None
    try:  # the time limit is the cleaner's own (Config.timeout)
        result = cleaner.clean(content, url=url if isinstance(url, str) else None)
    except CLEANER_ERRORS as exc:
        return {**record, "error": str(exc)}
    except MemoryError:  # batch workers answer it and are replaced; Spark makes it a line
        raise
    except Exception as exc:  # a page that breaks the cleaner must not break the run
        return {**record, "error": f"cleaner failed: {type(exc).__name__}: {exc}"}
    kept = {k: v for k, v in record.items() if k != field} if opts.drop_source else record
    out = {
        **kept,
        "clean_text": result.text,
        "clean_title": result.title,
        "clean_byline": result.byline,
        "clean_removed": len(result.removed),
        "clean_repairs": len(result.repairs),
        "clean_rules": sorted({s.rule for s in result.removed}),
        "clean_meta": meta_dict(result.meta),
        "clean_warnings": list(result.warnings),
    }
    if opts.keep_removed:
        out["clean_removed_blocks"] = [step_dict(s) for s in result.removed]
    return out


def meta_dict(meta: Meta) -> dict[str, str | None]:
    """The page's metadata, every key always there (None: not found; text has none)."""
    return {"title": meta.title, "author": meta.author, "date": meta.date,
            "site_name": meta.sitename, "language": meta.language}


def dumps(record: dict[str, Any]) -> bytes:
    """One JSON line, always valid UTF-8: a lone surrogate (a JSON "\\ud800" read in)
    is written back as the same escape, which reads back as the same string."""
    text = json.dumps(record, ensure_ascii=False)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:  # only inside strings: json.dumps escapes nothing else
        return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text).encode("utf-8") + b"\n"


def unreadable(line: bytes, number: int, why: str) -> dict[str, Any]:
    try:
        return {"error": why, "line": number, "raw": line.decode("utf-8").rstrip("\r\n")}
    except UnicodeDecodeError:  # keep every byte: base64 is the only lossless JSON form
        return {"error": why + " (invalid UTF-8)", "line": number,
                "raw_base64": base64.b64encode(line.rstrip(b"\r\n")).decode("ascii")}
