"""Stage 4, decide: Matches -> one verdict per block, with the over-stripping guards.

Guards here are the ones that need the whole document: a section rule may not take
more than its share of the text or more than its number of blocks, and no document
loses more than `max_removed_share` of its characters. A refused removal is kept,
and reported as a "guard" step, so that nothing disappears without a trace.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from .compile import CompiledRules
from .kinds import copy_floor, copy_groups, kind_of
from .layout import Sizes, View, view_of
from .match import Recognised, by_rule, late_kind, place
from .model import Document, Match, RuleSet, Span, Step

MAX_ROUNDS = 64  # removals only grow, so this ends; real pages settle in 2 to 5 rounds


class Decision(NamedTuple):
    keep: tuple[bool, ...]
    removed: tuple[Step, ...]
    guarded: tuple[Step, ...]
    byline: str | None
    titled: bool = False  # a title rule took the title tag: the first block kept is the headline


def settle(compiled: CompiledRules, doc: Document, found: Recognised,
           max_removed_share: float = 0.95) -> Decision:
    """Decide, then decide again on what is left, until nothing more goes.

    Where a block stands (among the first N, N blocks from its copy, after a share of
    the text) changes when blocks around it go. Deciding on the blocks that are left
    until that is stable is what makes cleaning idempotent: the output, cleaned again,
    is a fixpoint and loses nothing more. Block hits are not recomputed: what a rule
    recognises in a block does not depend on its neighbours.

    The title kind joins only once the others have settled: the title tag goes only if
    the headline it repeats is still there, or the article would be left without a title.
    """
    removed: dict[int, Step] = {}
    guarded: dict[str, Step] = {}
    floor = copy_floor(compiled.ruleset.rules)
    hits = by_rule(found.hits)
    copies = copy_groups(doc, found.keys, floor) if floor is not None else {}
    view = view_of(doc, found.keys)
    late = not any(late_kind(r) and r.id not in found.inactive for r in compiled.ruleset.rules)
    only_late = False  # the first late round: what was placed before cannot change
    budget, round_number = MAX_ROUNDS, -1
    while budget:  # each phase has its own MAX_ROUNDS
        budget, round_number = budget - 1, round_number + 1
        if round_number:
            view = view.without(removed)
        matches, spans = place(compiled, view, hits, found.inactive, copies,
                               only_positional=round_number > 0, late=late, only_late=only_late)
        round_ = decide(view, compiled.ruleset, matches, spans)
        for g in round_.guarded:
            guarded.setdefault(g.reason, g)
        if not round_.removed:
            if late:
                break
            late, only_late, budget = True, True, MAX_ROUNDS  # settled: now the title kind...
            continue
        only_late = False  # ...and, if it took something, everything that sets off
        for s in round_.removed:
            removed[s.block] = s
    return _final(doc, view.sizes, compiled.ruleset, removed, list(guarded.values()),
                  max_removed_share)


def _final(doc: Document, sizes: Sizes, ruleset: RuleSet, removed: dict[int, Step],
           guarded: list[Step], max_removed_share: float) -> Decision:
    removed = _within_share(sizes, removed, guarded, max_removed_share)
    steps = tuple(removed[i] for i in sorted(removed))
    kinds = {r.id: kind_of(r) for r in ruleset.rules}
    byline = next((s.text.strip() for s in steps
                   if s.rule in kinds and kinds[s.rule].gives_byline), None)
    keep = tuple(b.index not in removed for b in doc.blocks)
    titled = any(s.rule in kinds and kinds[s.rule].gives_title for s in steps)
    return Decision(keep, steps, tuple(guarded), byline, titled)


def _within_share(sizes: Sizes, removed: dict[int, Step], guarded: list[Step],
                  max_removed_share: float) -> dict[int, Step]:
    """The removals, less those of the rules that take most, until no more than
    `max_removed_share` of the document goes: an over-broad rule is left out (and
    reported), and the other rules still apply."""
    total = sizes.before[-1] or 1
    taken: dict[str, int] = defaultdict(int)
    for i, step in removed.items():
        taken[step.rule] += sizes.each[i]
    gone = sum(taken.values())
    for rule in sorted(taken, key=lambda r: (-taken[r], r)):
        if gone / total <= max_removed_share:
            break
        guarded.append(Step("guard", "max-removed-share", -1, "",
                            f"rule '{rule}' would help remove {gone / total:.0%} of the document, "
                            f"more than max_removed_share={max_removed_share:.0%}; its "
                            f"{taken[rule] / total:.0%} is kept"))
        gone -= taken[rule]
        removed = {i: s for i, s in removed.items() if s.rule != rule}
    return removed


def decide(view: View, ruleset: RuleSet, matches: list[Match], spans: list[Span]) -> Decision:
    """One round: a verdict per block left, sections judged whole by their size guards.
    The document-wide guard and the byline are settled once, over all rounds, in _final."""
    rules = {r.id: r for r in ruleset.rules} if spans else {}
    total = view.total()
    guarded: list[Step] = []
    first: dict[int, Match] = {}  # a block's first match names its step...
    also: dict[int, list[Match]] = defaultdict(list)  # ...and the others are mentioned
    for m in matches:
        if m.block in first:
            also[m.block].append(m)
        else:
            first[m.block] = m
    for span in spans:  # sections after the rules that name a block for what it is
        rule = rules[span.rule]
        taken, count = view.chars(span.start, span.stop), view.count(span.start, span.stop)
        if taken / total > rule.max_share or count > rule.max_blocks:
            why = (f"section '{span.rule}' from block {span.start} would remove {count} "
                   f"blocks, {taken / total:.0%} of the text; limits are {rule.max_blocks} blocks "
                   f"and {rule.max_share:.0%}")
            guarded.append(Step("guard", span.rule, span.start,
                                view.doc.blocks[span.start].text, why))
            continue
        for i in view.forward(span.start, span.stop):
            m = Match(span.rule, i, span.reason)
            if i in first:
                also[i].append(m)
            else:
                first[i] = m
    blocks = view.doc.blocks
    # tuple.__new__ is what Step._make calls, without a Python frame per removed block
    removed = tuple(
        tuple.__new__(Step, ("remove", m.rule, i, blocks[i].text, _why(m, also[i]) if i in also
                             else m.reason, -1, "", ""))
        for i, m in sorted(first.items()))
    return Decision((), removed, tuple(guarded), None)


def _why(first: Match, also: list[Match]) -> str:
    if len(also) == 1:  # the common case: two rules, say the head and the tail fringe
        rule = also[0].rule
        return first.reason if rule == first.rule else f"{first.reason}; also {rule}"
    others = sorted({m.rule for m in also} - {first.rule})
    return f"{first.reason}; also {', '.join(others)}" if others else first.reason
