"""A RuleSet compiled once into indexes that make matching cheap.

Matching a block against hundreds of phrases must not cost hundreds of comparisons:
- whole-block phrases are one dict lookup of the block's key;
- start and contains phrases are found through a dict keyed by the phrase's first word;
- patterns are searched (anchor them with ^ and $), and only in blocks that contain one of the literal words the pattern
  cannot match without (derived from the pattern itself), found the same way.
And blocks longer than every rule's `max_chars` are not looked at at all.
"""

from __future__ import annotations

import re
import re._constants as sre_c  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .model import Anchor, Rule, RuleKind, RuleSet, Trigger

WORD = re.compile(r"\w+")
PATTERN_TIMEOUT = 0.25  # seconds one pattern may spend on one block


class Target(NamedTuple):
    """What a hit means: rule `rule` recognised the block in `role` (block, start or end)."""

    rule: str
    role: str
    max_chars: int


class CompiledPattern(NamedTuple):
    target: Target
    source: str
    compiled: regex.Pattern
    literals: tuple[str, ...] | None  # None: no prefilter, always run


@dataclass(frozen=True)
class TriggerIndex:
    full: dict[str, list[Target]] = field(default_factory=dict)
    start: dict[str, list[tuple[str, Target]]] = field(default_factory=dict)
    contains: dict[str, list[tuple[str, Target]]] = field(default_factory=dict)
    patterns: tuple[CompiledPattern, ...] = ()
    by_literal_word: dict[str, tuple[int, ...]] = field(default_factory=dict)
    unfiltered: tuple[int, ...] = ()  # patterns with no literal to filter on
    max_chars: int = 0


@dataclass(frozen=True)
class CompiledRules:
    ruleset: RuleSet
    index: TriggerIndex
    rules: dict[str, Rule]
    scoped: tuple[Rule, ...]  # rules limited to some sites

    def active(self, site: str | None) -> frozenset[str]:
        """Ids of site-scoped rules that do NOT apply to `site`."""
        host = (site or "").lower().removeprefix("www.")
        return frozenset(
            r.id for r in self.scoped
            if not any(host == s or host.endswith("." + s) for s in r.sites)
        )


def compile_rules(ruleset: RuleSet) -> CompiledRules:
    targets: list[tuple[Trigger, Target]] = []
    for rule in ruleset.rules:
        if rule.kind == RuleKind.BLOCK:
            targets.append((rule.trigger, Target(rule.id, "block", rule.max_chars)))
        elif rule.kind == RuleKind.SECTION:
            targets.append((rule.trigger, Target(rule.id, "start", rule.max_chars)))
            if rule.end:
                targets.append((rule.end, Target(rule.id, "end", rule.max_chars)))
    return CompiledRules(
        ruleset=ruleset,
        index=_build_index(targets),
        rules={r.id: r for r in ruleset.rules},
        scoped=tuple(r for r in ruleset.rules if r.sites),
    )


def _build_index(targets: list[tuple[Trigger, Target]]) -> TriggerIndex:
    full: dict[str, list[Target]] = defaultdict(list)
    start: dict[str, list[tuple[str, Target]]] = defaultdict(list)
    contains: dict[str, list[tuple[str, Target]]] = defaultdict(list)
    patterns: list[CompiledPattern] = []
    for trigger, target in targets:
        for phrase in trigger.phrases:
            if trigger.anchor == Anchor.FULL:
                full[phrase].append(target)
            else:
                table = start if trigger.anchor == Anchor.START else contains
                table[phrase.split(" ", 1)[0]].append((phrase, target))
        for source in trigger.patterns:
            compiled = regex.compile(source, regex.IGNORECASE)
            patterns.append(
                CompiledPattern(
                    target, source, compiled,
                    required_literals(source),
                )
            )
    by_word: dict[str, list[int]] = defaultdict(list)
    unfiltered = []
    for i, pattern in enumerate(patterns):
        if pattern.literals is None:
            unfiltered.append(i)
        else:
            for literal in pattern.literals:
                by_word[literal].append(i)
    return TriggerIndex(
        full=dict(full),
        start=dict(start),
        contains=dict(contains),
        patterns=tuple(patterns),
        by_literal_word={w: tuple(ix) for w, ix in by_word.items()},
        unfiltered=tuple(unfiltered),
        max_chars=max((t.max_chars for _, t in targets), default=0),
    )


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Whole words of which at least one must appear in any text the pattern matches.

    Returns None when no such words can be derived (then the pattern always runs).
    Uses the standard library's regex parser; patterns in `regex`-only syntax get None.
    """
    try:
        parsed = sre_parse.parse(pattern, sre_c.SRE_FLAG_IGNORECASE)
    except Exception:
        return None
    # patterns are searched, so their ends are word edges only where ^, $ or \b say so
    words = _required(list(parsed), False, False)
    return tuple(sorted(words)) if words else None


def _required(items: list, left: bool = True, right: bool = True) -> set[str] | None:
    """One set of words, any of which is required by the sequence `items`.

    `left`/`right`: whether the sequence's ends stand at a word edge in the text.
    A word counts only when both of its ends are word edges, because the matcher
    looks words up whole ("photo" of "photo\\w+" would not be found in "photograph").
    """
    candidates: list[set[str]] = []
    run: list[str] = []
    run_left = left
    for i, (op, av) in enumerate(items):
        if op is sre_c.LITERAL:
            if not run:
                run_left = _edge(items, i - 1, -1, left)
            run.append(chr(av))
            continue
        if run:
            candidates += _run_words("".join(run), run_left, _edge(items, i, 1, right))
            run = []
        sub = _nested(op, av, _edge(items, i - 1, -1, left), _edge(items, i + 1, 1, right))
        if sub:
            candidates.append(sub)
    if run:
        candidates += _run_words("".join(run), run_left, right)
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def _run_words(text: str, left: bool, right: bool) -> list[set[str]]:
    text = text.casefold()
    words = [
        m.group() for m in WORD.finditer(text)
        if (m.start() > 0 or left) and (m.end() < len(text) or right) and len(m.group()) >= 3
    ]
    return [{max(words, key=len)}] if words else []


def _edge(items: list, i: int, step: int, default: bool) -> bool:
    """Whether position i (walking in direction `step`) is certainly not a word character."""
    while 0 <= i < len(items):
        op, av = items[i]
        if op is sre_c.AT:
            return av in _EDGE_ATS
        if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT):
            body = list(av[2])
            if not all(_nonword(o, a) for o, a in body):
                return False
            if av[0] >= 1:
                return True
            i += step  # optional non-word stuff: look past it
            continue
        return _nonword(op, av)
    return default


def _nonword(op, av) -> bool:
    if op is sre_c.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is sre_c.IN:
        return all(_nonword(o, a) for o, a in av)
    if op is sre_c.CATEGORY:
        return av in (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_NOT_WORD)
    return False


_EDGE_ATS = {sre_c.AT_BOUNDARY, sre_c.AT_BEGINNING, sre_c.AT_END,
             sre_c.AT_BEGINNING_STRING, sre_c.AT_END_STRING}


def _nested(op, av, left: bool, right: bool) -> set[str] | None:
    if op is sre_c.SUBPATTERN:
        return _required(list(av[-1]), left, right)
    if op is sre_c.BRANCH:
        sets = [_required(list(b), left, right) for b in av[1]]
        return set().union(*sets) if all(sets) else None
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT) and av[0] >= 1:
        # a repeated body touches itself, so its own ends are edges only if the outside is
        return _required(list(av[2]), left and av[1] == 1, right and av[1] == 1)
    return None
