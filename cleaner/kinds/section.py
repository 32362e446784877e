"""section: everything from a trigger block to an end marker, or to the document's end.

Proposed whole, as Spans: decide refuses a section that would take more than its share
of the text or its number of blocks.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..layout import View
from ..model import Rule, RuleKind, Span
from .base import Field, Kind, Placing, placed, plain
from .values import trigger

MAX_TRIGGERS = 3  # a page has a few section headings, not dozens


def _parse(entry: dict, values: dict, ctx) -> dict:
    return plain(entry, values, ctx) | {"trigger": trigger(entry, "start_", ctx),
                                        "end": trigger(entry, "end_", ctx)}


def _check(rule: Rule, ctx) -> None:
    if not rule.trigger:
        raise ctx.fail("a section rule needs start_phrases or start_patterns", "start_phrases")
    if rule.max_share <= 0:
        raise ctx.fail("must be above 0", "max_share")


def _triggers(rule: Rule):
    yield rule.trigger, "start"
    if rule.end:
        yield rule.end, "end"


def sections(rule: Rule, at: Placing) -> Iterator[Span]:
    view = at.view
    starts = [(h.block, h.reason) for h in at.hits
              if h.target.role == "start" and placed(rule, h.block, view)
              and (not rule.after_prose or body_began(rule, view, h.block))]
    ends = [h.block for h in at.hits if h.target.role == "end"]
    return section_spans(rule, view, starts, ends)


def section_spans(rule: Rule, view: View, starts: list[tuple[int, str]],
                  ends: list[int]) -> Iterator[Span]:
    """From each trigger up to (not including) the next end marker.

    With no end phrases the section runs to the end of the document; with end phrases
    and none found after the trigger, nothing is removed (an unclosed section is not
    evidence enough). Each trigger gives its own section, judged on its own by the
    decide stage's size guards: when the section of an early trigger is too large, the
    one of a later trigger may still go. But a "heading" found more than MAX_TRIGGERS
    times is not a heading: then only the first counts, and a refusal is final.
    """
    starts = sorted(starts)
    ends = sorted(ends)
    for start, reason in starts if len(starts) <= MAX_TRIGGERS else starts[:1]:
        if rule.end:
            stop = next((e for e in ends if e > start), None)
            if stop is None:
                continue
        else:
            stop = len(view.doc.blocks)
        text = view.doc.blocks[start].text.strip()
        why = f'section from block {start}, "{text[:60]}" ({reason[:60]})'
        yield Span(rule.id, start, stop, why)


def body_began(rule: Rule, view: View, block: int) -> bool:
    """Whether `rule.after_prose` paragraphs of prose (as the fringe kind counts them) are
    left before `block`: a section trigger after two of them follows the start of the
    body, where a comment counter under the headline does not."""
    found = 0
    for i in view.forward(0, block):
        found += view.prose(i, rule.prose_chars)
        if found >= rule.after_prose:
            return True
    return False


_TRIGGER_FIELDS = {f"{end}_{n}": Field.STRINGS for end in ("start", "end")
                   for n in ("phrases", "patterns")}
KIND = Kind(
    RuleKind.SECTION,
    fields=_TRIGGER_FIELDS | {
        "start_match": Field.ANY, "end_match": Field.ANY, "max_chars": Field.INT,
        "after_share": Field.SHARE, "after_prose": Field.INT, "max_blocks": Field.INT,
        "max_share": Field.SHARE},
    parse=_parse,
    check=_check,
    triggers=_triggers,
    place=sections,
    sections=True,
)
