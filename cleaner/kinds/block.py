"""block: one block matching phrases and/or patterns, where the position guards allow."""

from __future__ import annotations

from ..model import Match, Rule, RuleKind
from .base import Field, Kind, Placing, placed, plain
from .values import trigger


def _parse(entry: dict, values: dict, ctx) -> dict:
    return plain(entry, values, ctx) | {"trigger": trigger(entry, "", ctx)}


def _check(rule: Rule, ctx) -> None:
    if not rule.trigger:
        raise ctx.fail("a block rule needs phrases = [...] or patterns = [...]", "phrases")


def block_matches(rule: Rule, at: Placing) -> list[Match]:
    return [Match(rule.id, h.block, h.reason) for h in at.hits if placed(rule, h.block, at.view)]


KIND = Kind(
    RuleKind.BLOCK,
    fields={"phrases": Field.STRINGS, "patterns": Field.STRINGS, "match": Field.ANY,
            "max_chars": Field.INT, "within_first": Field.INT, "after_share": Field.SHARE},
    parse=_parse,
    check=_check,
    triggers=lambda rule: ((rule.trigger, "block"),),
    place=block_matches,
    # a block rule without position guards takes the same blocks whatever else goes
    positional=lambda rule: bool(rule.within_first or rule.after_share),
)
