"""fringe: runs of short lines that are not sentences around the body (menus, footers)."""

from __future__ import annotations

from itertools import chain, islice, repeat

from ..model import Match, Rule, RuleKind
from .base import Field, Kind, Placing, plain
from .headline import headline
from .values import separators


def _parse(entry: dict, values: dict, ctx) -> dict:
    where = entry.get("where", "both")
    if where not in ("head", "tail", "both"):
        raise ctx.fail('must be "head", "tail" or "both"', "where")
    marks = values.get("separators", ())
    marks = separators(marks, ctx, "the marks of a path or tool line") if marks else ()
    return plain(entry, values, ctx) | {"where": where, "separators": marks}


def _check(rule: Rule, ctx) -> None:
    if rule.min_run < 2:
        raise ctx.fail("must be 2 or more: one short line is not a menu", "min_run")


def fringe_matches(rule: Rule, at: Placing) -> list[Match]:
    """Runs of short lines that are not sentences, before the first prose block (menus,
    section lists) or after the last one (footers, link lists). List items are never
    taken: a list in the article has its bullets. The title (first block) stays.

    Where the body begins is judged on the blocks that are left (decide settles it),
    so that the output, cleaned again, loses nothing more.

    The document's headline is content: with `min_words` set, the line of the head that
    reads as the headline (see kinds/headline.py) counts in its run, and stays.
    """
    view, chars = at.view, rule.prose_chars
    first = next((i for i in view.forward() if view.prose(i, chars)), None)
    if first is None:
        return []  # no body to tell the fringe from
    spans = []
    if rule.where in ("head", "both"):
        spans.append((islice(view.forward(0, first), 1, None), "before the first paragraph of prose",
                      headline(view, first, rule.min_words, rule.separators, rule.max_chars)))
    if rule.where in ("tail", "both"):
        last = next(i for i in view.backward() if view.prose(i, chars))
        spans.append((view.forward(last + 1), "after the last paragraph of prose", None))
    sizes, label = view.sizes.each, view.traits.label
    found: list[Match] = []
    for span, where, spare in spans:
        run: list[int] = []
        for i in chain(span, (None,)):
            if i is not None and sizes[i] <= rule.max_chars and label[i]:
                run.append(i)
                continue
            if len(run) >= rule.min_run:
                why = f"{len(run)} short lines in a row {where}"
                taken = [j for j in run if j != spare]
                # tuple.__new__ is what Match._make calls, without a Python frame per line
                found += map(tuple.__new__, repeat(Match), zip(repeat(rule.id), taken, repeat(why)))
            run = []
    return found


KIND = Kind(
    RuleKind.FRINGE,
    fields={"max_chars": Field.INT, "min_run": Field.INT, "prose_chars": Field.INT,
            "where": Field.ANY, "min_words": Field.INT, "separators": Field.STRINGS},
    defaults={"max_chars": 40, "min_run": 4},
    parse=_parse,
    check=_check,
    place=fringe_matches,
)
