"""What a rule kind is: one value that says everything the stages need to know of it.

A kind's module builds one `Kind`: the fields its rules may have in a rule file (with
their types) and the defaults of those that differ between kinds, how the loader turns
the checked values into Rule fields and what else it refuses, which blocks the compiled
index must recognise for it, and the pure function that places its matches on a View.
The loader, the compiler, the match stage and decide read the Kind; none of them knows
a kind by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any, NamedTuple

from ..layout import View
from ..model import Match, Rule, RuleKind, Span, Trigger


class Field(Enum):
    """The type of a rule-file field, checked by the loader before the kind sees it."""

    INT = "a whole number >= 0"
    SHARE = "a share between 0 and 1"
    STRINGS = "a list of non-empty strings"
    ANY = "checked by the kind itself"


class Placing(NamedTuple):
    """What a kind's `place` function gets besides its rule, for the blocks left in `view`:
    the index's hits for this rule (objects with .block, .reason and .target.role) and the
    document's groups of copies (duplicate kind)."""

    view: View
    hits: list
    copies: dict[str, tuple[int, ...]]


def plain(entry: dict, values: dict[str, Any], ctx) -> dict[str, Any]:
    """The checked values that are Rule fields, as they are."""
    return {n: v for n, v in values.items() if n in RULE_FIELDS}


def _nothing(rule: Rule, ctx) -> None:
    return None


def _no_triggers(rule: Rule) -> tuple[tuple[Trigger, str], ...]:
    return ()


def _always(rule: Rule) -> bool:
    return True


@dataclass(frozen=True)
class Kind:
    kind: RuleKind
    # the fields a rule of this kind may have in a file, beyond the common ones
    fields: Mapping[str, Field]
    # defaults of the fields whose default differs from kind to kind (a Rule built in
    # Python gets them too: Rule.__post_init__ asks for them)
    defaults: Mapping[str, Any] = field(default_factory=dict)
    # (entry, checked values, ctx) -> Rule fields; ctx.fail(message, field) for errors
    parse: Callable[[dict, dict[str, Any], Any], dict[str, Any]] = plain
    # (rule, ctx) -> None: what the kind refuses once the rule is built
    check: Callable[[Rule, Any], None] = _nothing
    # the single-block triggers the compiled index recognises: (trigger, role)
    triggers: Callable[[Rule], Iterable[tuple[Trigger, str]]] = _no_triggers
    # the pure function of the kind: Matches (or Spans, if `sections`) on the blocks left
    place: Callable[[Rule, Placing], Iterable[Match] | Iterable[Span]] | None = None
    sections: bool = False  # place yields Spans, which decide judges whole (size guards)
    # whether the rule's matches can change when other blocks go (if not, one round does)
    positional: Callable[[Rule], bool] = _always
    late: bool = False  # runs once the other kinds have settled (it judges what they left)
    gives_byline: bool = False  # the line it removes is the result's byline
    gives_title: bool = False  # when it fires, the first block left is the headline


# the Rule fields a kind's parse may set (the common ones are the loader's)
RULE_FIELDS = frozenset(f.name for f in fields(Rule)) - {
    "id", "description", "kind", "examples", "origin", "why", "risk", "sites", "pack"}


def placed(rule: Rule, block: int, view: View) -> bool:
    """Position guards: among the first N blocks, or after a share of the text."""
    if rule.within_first and view.position(block) >= rule.within_first:
        return False
    return not rule.after_share or view.share_before(block) >= rule.after_share
