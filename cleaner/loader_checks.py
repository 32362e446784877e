"""Checks of single rule-file values that need more than a type test: patterns,
CSS selectors, word lists beside the file, and where in the file a rule stands."""

from __future__ import annotations

import re
from pathlib import Path

import regex

from .textnorm import key

PATTERN_TIMEOUT = 1.0  # seconds a pattern may take on one probe while validating


def check_pattern(pattern: str, field: str, ctx) -> None:
    try:
        compiled = regex.compile(pattern, regex.IGNORECASE)
    except regex.error as exc:
        raise ctx.fail(f"bad pattern {pattern!r}: {exc}", field) from exc
    try:
        empty = compiled.fullmatch("", timeout=PATTERN_TIMEOUT)
    except TimeoutError as exc:
        raise ctx.fail(f"pattern {pattern!r} is too slow even on empty text", field) from exc
    if empty or zero_width(compiled):
        raise ctx.fail(f"pattern {pattern!r} matches the empty string; it would match anything",
                       field)


def zero_width(compiled) -> bool:
    """A pattern that can match without consuming text (\\b, a lookahead) fires on any block."""
    for probe in ("a", "word", "Share this article", "1", " "):
        try:
            m = compiled.search(probe, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            return False
        if m is not None and m.end() == m.start():
            return True
    return False


def strings(value, name: str, ctx) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ctx.fail("expected a list of non-empty strings", name)
    return tuple(value)


def enum_value(enum, value, name: str, ctx):
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(repr(e.value) for e in enum)
        raise ctx.fail(f"got {value!r}; expected one of {choices}", name) from None


def check_selector(selector: str, ctx) -> None:
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as exc:
        raise ctx.fail(f"bad CSS selector {selector!r}: {exc}", "selectors") from exc


def vocabulary(name, ctx) -> frozenset[str]:
    """A one-per-line word list beside the rule file (# starts a comment)."""
    if name is None:
        return frozenset()
    if not isinstance(name, str):
        raise ctx.fail("expected a file name", "first_names_file")
    path = Path(ctx.path).parent / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ctx.fail(f"cannot read {path}: {exc}", "first_names_file") from exc
    words = frozenset(key(ln) for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
    if not words:
        raise ctx.fail(f"{path} lists no names", "first_names_file")
    return words


def line_of_rule(raw: str, ordinal: int, field: str | None) -> int:
    """The line of the ordinal-th [[rule]] header, or of one of its fields; 0 if unknown."""
    lines = raw.splitlines()
    headers = [i for i, ln in enumerate(lines) if ln.strip() == "[[rule]]"]
    if not 0 <= ordinal < len(headers):
        return 0
    top = headers[ordinal]
    if not field:
        return top + 1
    end = headers[ordinal + 1] if ordinal + 1 < len(headers) else len(lines)
    field_line = re.compile(r"^\s*" + re.escape(field) + r"\s*[=.]|^\s*\[rule\." + re.escape(field))
    return next((i + 1 for i in range(top, end) if field_line.match(lines[i])), top + 1)
