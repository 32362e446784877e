"""fringe: runs of short lines that are not sentences around the body (menus, footers)."""

from __future__ import annotations

import re
from itertools import chain, islice, repeat

from ..model import Match, Rule, RuleKind
from .base import Field, Kind, Placing, plain
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
    reads as the headline (see `headline`) counts in its run, and stays.
    """
    view, chars = at.view, rule.prose_chars
    first = next((i for i in view.forward() if view.prose(i, chars)), None)
    if first is None:
        return []  # no body to tell the fringe from
    spans = []
    if rule.where in ("head", "both"):
        spans.append((islice(view.forward(0, first), 1, None), "before the first paragraph of prose",
                      headline(rule, view, first)))
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


def headline(rule: Rule, view, first: int) -> int | None:
    """The headline among the head lines before block `first` (the first prose).

    A candidate has `min_words` words or more, is no sentence, no list item and no path
    or tool line (none of the `separators` between its words), and stands alone: lines
    of that shape one after another are a list of other articles' headlines. Whole-page
    text opens with the page's title, so the candidate that repeats most of the first
    line's words is the headline; when none does and the first line reads as a title
    itself (see `_title_line`), that line is the headline and nothing else is; else the
    candidate with the most words. 0 words: no headline is looked for.
    """
    if rule.min_words <= 0:
        return None
    head = list(view.forward(0, first))
    shaped = [_headline_shaped(rule, view, i) for i in head] + [False]
    alone = [i for k, i in enumerate(head) if k and shaped[k] and not shaped[k - 1]
             and not shaped[k + 1]]
    if not alone:
        return None
    title = _words(view.doc.blocks[head[0]].text)
    shares = {i: _share(_words(view.doc.blocks[i].text), title) for i in alone}
    best = max(alone, key=lambda i: (shares[i], len(_words(view.doc.blocks[i].text))))
    if shares[best] >= 0.6:
        return best
    if _title_line(rule, view, head[0], title):
        return None
    return max(alone, key=lambda i: len(_words(view.doc.blocks[i].text)))


def _title_line(rule: Rule, view, i: int, words: list[str]) -> bool:
    """The first line reads as the page's title: no sentence, and a title tag's shape
    (a separator between the headline and the site's name) or a headline's length (two
    words more than a candidate needs, so that "Skip to main content" is not one)."""
    if view.traits.sentence[i]:
        return False
    k = f" {view.keys[i]} "
    return len(words) >= rule.min_words + 2 or any(f" {s} " in k for s in rule.separators)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _share(words: list[str], title: list[str]) -> float:
    """The share of `words` that the title holds."""
    return sum(w in set(title) for w in words) / len(words) if words else 0.0


_WORD = re.compile(r"\w+")


def _headline_shaped(rule: Rule, view, i: int) -> bool:
    text = view.doc.blocks[i].text
    if not view.traits.label[i] or len(text.split()) < rule.min_words \
            or view.sizes.each[i] > rule.max_chars:
        return False
    k = f" {view.keys[i]} "
    return not any(f" {s} " in k for s in rule.separators)


KIND = Kind(
    RuleKind.FRINGE,
    fields={"max_chars": Field.INT, "min_run": Field.INT, "prose_chars": Field.INT,
            "where": Field.ANY, "min_words": Field.INT, "separators": Field.STRINGS},
    defaults={"max_chars": 40, "min_run": 4},
    parse=_parse,
    check=_check,
    place=fringe_matches,
)
