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
from .match import Hit, Recognised, place
from .model import Block, Document, Match, RuleKind, RuleSet, Step
from .textnorm import size

MAX_ROUNDS = 64  # removals only grow, so this ends; real pages settle in 2 to 5 rounds


class Decision(NamedTuple):
    keep: tuple[bool, ...]
    removed: tuple[Step, ...]
    guarded: tuple[Step, ...]
    byline: str | None


def settle(compiled: CompiledRules, doc: Document, found: Recognised,
           max_removed_share: float = 0.95) -> Decision:
    """Decide, then decide again on what is left, until nothing more goes.

    Where a block stands (among the first N, N blocks from its copy, after a share of
    the text) changes when blocks around it go. Deciding on the blocks that are left
    until that is stable is what makes cleaning idempotent: the output, cleaned again,
    is a fixpoint and loses nothing more. Block hits are not recomputed: what a rule
    recognises in a block does not depend on its neighbours.
    """
    removed: dict[int, Step] = {}
    guarded: dict[str, Step] = {}
    memo: dict[str, str] = {}  # block text -> duplicate key, shared by the rounds
    for round_number in range(MAX_ROUNDS):
        kept, view, hits = _view(doc, removed, found.hits)
        matches = place(compiled, view, hits, found.inactive, only_positional=round_number > 0,
                        memo=memo)
        round_ = decide(view, compiled.ruleset, matches)
        for g in round_.guarded:
            guarded.setdefault(g.reason, g._replace(block=kept[g.block].index))
        if not round_.removed:
            break
        for s in round_.removed:
            at = kept[s.block].index
            removed[at] = s if at == s.block else s._replace(block=at)
    return _final(doc, compiled.ruleset, removed, list(guarded.values()), max_removed_share)


def _view(doc: Document, removed: dict[int, Step], hits: tuple[Hit, ...]):
    """The blocks left, renumbered from 0 (positions are what rules judge), and their hits."""
    if not removed:
        return list(doc.blocks), doc, hits
    kept = [b for b in doc.blocks if b.index not in removed]
    view = Document(tuple(Block(i, b.text, b.kind, b.line) for i, b in enumerate(kept)),
                    doc.kind, doc.meta)
    at = {b.index: i for i, b in enumerate(kept)}
    return kept, view, tuple(h._replace(block=at[h.block]) for h in hits if h.block in at)


def _final(doc: Document, ruleset: RuleSet, removed: dict[int, Step], guarded: list[Step],
           max_removed_share: float) -> Decision:
    total = sum(size(b.text) for b in doc.blocks) or 1
    gone = sum(size(doc.blocks[i].text) for i in removed)
    if removed and gone / total > max_removed_share:
        guarded.append(Step("guard", "max-removed-share", -1, "",
                            f"would remove {gone / total:.0%} of the document, more than "
                            f"max_removed_share={max_removed_share:.0%}; nothing removed"))
        removed = {}
    steps = tuple(removed[i] for i in sorted(removed))
    kinds = {r.id: r.kind for r in ruleset.rules}
    byline = next((s.text.strip() for s in steps if kinds.get(s.rule) == RuleKind.BYLINE), None)
    keep = tuple(b.index not in removed for b in doc.blocks)
    return Decision(keep, steps, tuple(guarded), byline)


def decide(doc: Document, ruleset: RuleSet, matches: tuple[Match, ...]) -> Decision:
    """One round: a verdict per block, sections judged by their size guards. The
    document-wide guard and the byline are settled once, over all rounds, in _final."""
    rules = {r.id: r for r in ruleset.rules}
    total = sum(size(b.text) for b in doc.blocks) or 1
    sections: dict[tuple[str, str], list[Match]] = defaultdict(list)
    accepted: list[Match] = []
    for m in matches:
        if rules[m.rule].kind == RuleKind.SECTION:
            sections[m.rule, m.reason].append(m)  # one trigger's section, judged alone
        else:
            accepted.append(m)
    guarded: list[Step] = []
    for (rule_id, _), found in sections.items():
        rule = rules[rule_id]
        taken = sum(size(doc.blocks[m.block].text) for m in found)
        if taken / total > rule.max_share or len(found) > rule.max_blocks:
            why = (f"section '{rule_id}' from block {found[0].block} would remove {len(found)} "
                   f"blocks, {taken / total:.0%} of the text; limits are {rule.max_blocks} blocks "
                   f"and {rule.max_share:.0%}")
            guarded.append(_step("guard", found[0], doc, why))
        else:
            accepted.extend(found)
    first: dict[int, list[Match]] = defaultdict(list)
    for m in accepted:
        first[m.block].append(m)
    removed = tuple(_removal(first[i], doc) for i in sorted(first))
    keep = tuple(b.index not in first for b in doc.blocks)
    return Decision(keep, removed, tuple(guarded), None)


def _removal(found: list[Match], doc: Document) -> Step:
    first = found[0]
    others = sorted({m.rule for m in found[1:]} - {first.rule}) if len(found) > 1 else ()
    why = first.reason + (f"; also {', '.join(others)}" if others else "")
    return Step("remove", first.rule, first.block, doc.blocks[first.block].text, why)


def _step(stage: str, m: Match, doc: Document, reason: str) -> Step:
    return Step(stage, m.rule, m.block, doc.blocks[m.block].text, reason)
