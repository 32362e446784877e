"""promo: a newsletter, membership, app, podcast or event promo, recognised as a group.

A promo is a name or headline line ("The Morning Briefing"), a call to action ("Sign
up", "Download the app") and its fine print ("You can unsubscribe at any time", "By
signing up you agree to our privacy policy"), with form leftovers ("Email address")
between them. No list of newsletter names gives it away; the group does: a call to
action (`start_*`) followed within `after` short blocks by fine print (`end_*`). Then
the whole group goes, with up to `before` name lines above the call to action: short
lines that are not sentences (a pitch sentence, or the article's last line, stays).
A call to action alone is left to the block rules, which know their wording.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice, takewhile

from ..model import Match, Rule, RuleKind
from .base import Field, Kind, Placing
from .section import TRIGGER_FIELDS, parse_start_end, start_and_end


def _check(rule: Rule, ctx) -> None:
    if not rule.trigger:
        raise ctx.fail("a promo rule needs start_phrases or start_patterns: the call to action",
                       "start_phrases")
    if not rule.end:
        raise ctx.fail("a promo rule needs end_phrases or end_patterns: its fine print",
                       "end_phrases")


def promo_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    view = at.view
    ends = {h.block for h in at.hits if h.target.role == "end"}
    for cta in sorted({h.block for h in at.hits if h.target.role == "start"}):
        group = _to_fine_print(rule, view, cta, ends)
        if not group:
            continue
        names = list(takewhile(lambda i: _name_line(rule, view, i),
                               islice(view.backward(cta), rule.before)))
        why = f"promo group: call to action (block {cta}) and its fine print"
        yield from (Match(rule.id, i, why) for i in sorted(names + group))


def _to_fine_print(rule: Rule, view, cta: int, ends: set[int]) -> list[int]:
    """The blocks from the call to action through its fine print (and the fine print's
    own continuation), or [] when no fine print comes within `after` short blocks."""
    group = [cta]
    for i in islice(view.forward(cta + 1), rule.after + 1):
        if view.sizes.each[i] > rule.max_chars:
            return []
        group.append(i)
        if i in ends:
            return group + list(takewhile(ends.__contains__, view.forward(i + 1)))
    return []


def _name_line(rule: Rule, view, i: int) -> bool:
    return view.traits.label[i] and len(view.doc.blocks[i].text.split()) <= rule.max_words


KIND = Kind(
    RuleKind.PROMO,
    fields=TRIGGER_FIELDS | {"max_chars": Field.INT, "max_words": Field.INT,
                             "before": Field.INT, "after": Field.INT},
    defaults={"max_words": 8},
    parse=parse_start_end,
    check=_check,
    triggers=start_and_end,
    place=promo_matches,
)
