"""list: a headed list of teasers, anywhere in the text.

A label line ("Sponsored", "You may also like", "More from the Ledger") and two or more
entries after it, each a short title (not a sentence) and the same number, 1 to
`max_card_blocks`, of blurb blocks under `prose_chars` (one to three sentences). The
blurbs read like prose; what gives the list away is the label and the repeated
title-plus-blurb shape. The run ends at an end marker (`end_*`: a disclosure line,
which is kept) or where the shape breaks, as when body prose resumes. A list of bare
titles is not taken: on a listing page that is the content, and at the end of an
article the section and fringe kinds judge it.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from ..model import Match, Rule, RuleKind
from .base import Field, Kind, Placing
from .section import TRIGGER_FIELDS, parse_start_end, start_and_end

MAX_BLOCKS = 120  # a list runs this many blocks at most after its label


def _check(rule: Rule, ctx) -> None:
    if not rule.trigger:
        raise ctx.fail("a list rule needs start_phrases or start_patterns: the label",
                       "start_phrases")
    if rule.min_run < 2:
        raise ctx.fail("must be 2 or more: one entry is not a list", "min_run")


def list_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    view = at.view
    ends = {h.block for h in at.hits if h.target.role == "end"}
    for label in sorted({h.block for h in at.hits if h.target.role == "start"}):
        after = list(islice(view.forward(label + 1), MAX_BLOCKS))
        taken = _entries(rule, view, after, ends)
        if taken:
            why = f"a list under the label in block {label}"
            yield from (Match(rule.id, i, why) for i in [label, *taken])


def _entries(rule: Rule, view, blocks: list[int], ends: set[int]) -> list[int]:
    """The blocks of the entries that follow a label, all of one shape; [] if fewer
    than `min_run` entries."""
    for shape in range(1, rule.max_card_blocks + 1):
        entries, at = _run(rule, view, blocks, ends, shape)
        if entries >= rule.min_run:
            return blocks[:at]
    return []


def _run(rule: Rule, view, blocks: list[int], ends: set[int], shape: int) -> tuple[int, int]:
    """(entries, blocks they take) for entries of a title and `shape` blurbs each."""
    entries = at = 0
    while at + shape < len(blocks):
        title, blurbs = blocks[at], blocks[at + 1:at + 1 + shape]
        if not _title(rule, view, title, ends) or not all(
                _blurb(rule, view, b, ends) for b in blurbs):
            break
        entries, at = entries + 1, at + 1 + shape
    return entries, at


def _title(rule: Rule, view, i: int, ends: set[int]) -> bool:
    return i not in ends and view.traits.label[i] and view.sizes.each[i] <= rule.max_chars


def _blurb(rule: Rule, view, i: int, ends: set[int]) -> bool:
    return i not in ends and view.sizes.each[i] < rule.prose_chars and view.traits.sentence[i]


KIND = Kind(
    RuleKind.LIST,
    fields=TRIGGER_FIELDS | {"max_chars": Field.INT, "min_run": Field.INT,
                             "max_card_blocks": Field.INT, "prose_chars": Field.INT},
    defaults={"max_chars": 100, "min_run": 2},
    parse=parse_start_end,
    check=_check,
    triggers=start_and_end,
    place=list_matches,
)
