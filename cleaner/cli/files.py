"""The command line's inputs and outputs: files, directories of files, --output-dir.

A directory stands for every file under it (hidden ones left out), in name order. With
--output-dir each input is written to its own file there, under its name relative to
the directory given (a file given by itself: its own name), as `trafilatura
--input-dir` users expect, but with the input's names kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class Input(NamedTuple):
    path: str  # as read ("-" for stdin)
    name: str  # its name under --output-dir


class InputError(ValueError):
    pass


def expand(names: list[str], output_dir: str | None) -> list[Input]:
    """The inputs `names` stand for; InputError if two would be written to one file."""
    skip = Path(output_dir).resolve() if output_dir else None
    inputs: list[Input] = []
    for name in names:
        if name != "-" and Path(name).is_dir():
            inputs += [Input(str(p), p.relative_to(name).as_posix()) for p in _files(Path(name), skip)]
        else:
            inputs.append(Input(name, "stdin" if name == "-" else Path(name).name))
    if output_dir:
        seen: dict[str, str] = {}
        for item in inputs:
            if item.name in seen:
                raise InputError(f"{seen[item.name]} and {item.path} would both be written to "
                                 f"{Path(output_dir) / item.name}")
            seen[item.name] = item.path
    return inputs


def _files(top: Path, skip: Path | None) -> list[Path]:
    found = []
    for p in sorted(top.rglob("*")):
        rel = p.relative_to(top).parts
        if p.is_file() and not any(part.startswith(".") for part in rel) \
                and not (skip and p.resolve().is_relative_to(skip)):
            found.append(p)
    return found


def write_output(output_dir: str, name: str, data: bytes) -> None:
    path = Path(output_dir) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
