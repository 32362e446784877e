"""Stage 6, render: a Result as text, markdown, json, or an explanation for stderr."""

from __future__ import annotations

import json
import re
from enum import Enum
from typing import Any

from .model import BlockKind, Result, Step
from .textnorm import LIST_MARK


class Format(str, Enum):
    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"


_NUMBERED = re.compile(r"^\d{1,3}[.)]\s")


def render(result: Result, fmt: Format = Format.TEXT) -> str:
    if fmt == Format.JSON:
        return json.dumps(as_dict(result), ensure_ascii=False) + "\n"
    if fmt == Format.MARKDOWN:
        return markdown(result)
    return result.text


def markdown(result: Result) -> str:
    parts = [f"# {result.title}"] if result.title else []
    for text, kind in zip(result.paragraphs, result.kinds):
        if kind == BlockKind.HEADING:
            parts.append(f"## {text}")
        elif kind == BlockKind.LIST_ITEM:
            parts.append(text if _NUMBERED.match(text) else "- " + LIST_MARK.sub("", text))
        elif kind == BlockKind.QUOTE:
            parts.append(f"> {text}")
        else:
            parts.append(text)
    # consecutive list items form one list: no blank line between them
    out: list[str] = []
    for part in parts:
        if out and part.startswith("- ") and out[-1].startswith("- "):
            out[-1] += "\n" + part
        else:
            out.append(part)
    return "\n\n".join(out) + "\n" if out else ""


def as_dict(result: Result) -> dict[str, Any]:
    meta = {k: v for k, v in vars(result.meta).items() if v is not None}
    return {
        "title": result.title,
        "byline": result.byline,
        "text": result.text,
        "paragraphs": list(result.paragraphs),
        "removed": [step_dict(s) for s in result.removed],
        "repairs": [step_dict(s) for s in result.repairs],
        "warnings": list(result.warnings),
        **({"meta": meta} if meta else {}),
    }


def step_dict(step: Step) -> dict[str, Any]:
    out = {"rule": step.rule, "block": step.block, "reason": step.reason}
    if step.stage == "repair":
        out.update(offset=step.offset, inserted=step.inserted)
        if step.replaced:
            out["replaced"] = step.replaced
    else:
        out["text"] = step.text
    return out


def explain(result: Result, name: str = "") -> str:
    """One line per removal and repair, for stderr."""
    head = f"{name}: " if name else ""
    lines = [f"{head}removed block {s.block} [{s.rule}] {s.reason}: {_short(s.text)}"
             for s in result.removed]
    lines += [f"{head}repaired block {s.block} [{s.rule}] inserted {s.inserted!r} at {s.offset}: "
              f"{_short(s.text)}" for s in result.repairs]
    lines += [f"{head}warning: {w}" for w in result.warnings]
    return "".join(line + "\n" for line in lines)


def _short(text: str, size: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= size else text[: size - 1] + "…")
