"""Rule-file values that more than one kind reads: triggers (phrases and patterns of one
block) and separators (lines of marks only)."""

from __future__ import annotations

import re

from ..loader_checks import check_pattern, enum_value
from ..model import Anchor, Trigger
from ..textnorm import full_key, key


def trigger(entry: dict, prefix: str, ctx) -> Trigger:
    """`{prefix}phrases`, `{prefix}patterns` and `{prefix}match` of a rule entry."""
    phrases = entry.get(prefix + "phrases", [])
    patterns = entry.get(prefix + "patterns", [])
    if not phrases and not patterns:
        return Trigger()
    anchor = enum_value(Anchor, entry.get(prefix + "match", "full"), prefix + "match", ctx)
    norm = []
    for p in phrases:
        folded = key(p) if anchor == Anchor.CONTAINS else full_key(p)
        if not folded or (anchor != Anchor.FULL and not re.search(r"\w", folded)):
            raise ctx.fail(f"phrase {p!r} is empty once case and punctuation are folded "
                           "(start and contains phrases need a word)", prefix + "phrases")
        norm.append(folded)
    for p in patterns:
        check_pattern(p, prefix + "patterns", ctx)
    return Trigger(tuple(dict.fromkeys(norm)), tuple(patterns), anchor)


def separators(values: tuple[str, ...], ctx, what: str) -> tuple[str, ...]:
    """Separators, compared by key: marks only (a word would make a heading a separator)."""
    if not values:
        raise ctx.fail(f'this kind of rule needs separators = ["-", ...]: {what}', "separators")
    for v in values:
        if not key(v) or re.search(r"\w", key(v)):
            raise ctx.fail(f"separator {v!r} must be marks only, such as \"-\" or \"*\" "
                           "(no letters, digits or invisible characters alone)", "separators")
    return tuple(dict.fromkeys(key(v) for v in values))


def keys_of(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(key(v) for v in values)
