"""A RuleSet compiled once into indexes that make matching cheap.

Matching a block against hundreds of phrases must not cost hundreds of comparisons:
- whole-block phrases are one dict lookup of the block's key;
- a pattern anchored at the block's start ('^...') hangs off the words it can open
  with (see openers.py): one look-up of each block's first word;
- every other phrase and pattern hangs off a word: a start or contains phrase off its
  first word, a pattern off the words it cannot match without (see literals.py). One
  set intersection per block finds those words, and only the blocks containing one are
  looked at further (a pattern with no such word hangs off a literal, found with
  str.find over the whole document);
- blocks longer than every rule's `max_chars` are not looked at at all;
- the patterns that hang off one word (or literal) share a gate: all of them in one
  alternation, searched once on a block. Most blocks that hold the word match none of
  its patterns, and then one search replaces several.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .html import DomRules, compile_dom
from .kinds import kind_of
from .literals import WORD, required_literals, required_substrings
from .model import Anchor, Rule, RuleSet, Trigger
from .openers import first_words

PATTERN_TIMEOUT = 0.25  # seconds one pattern may spend on one block
MAX_QUICK = 8  # a pattern's required words are tested with `in` before it runs, up to this many


class Target(NamedTuple):
    """What a hit means: rule `rule` recognised the block in `role` (block, start or end)."""

    rule: str
    role: str
    max_chars: int


class CompiledPattern(NamedTuple):
    target: Target
    source: str
    compiled: regex.Pattern
    literals: tuple[str, ...] | None  # one of them is in every block it matches; None: unknown
    quick: tuple[str, ...] = ()  # the literals, when few enough to test with `in` first
    number: int = 1  # its place among the trigger's patterns, as `cleaner rules show` numbers them


class WordEntry(NamedTuple):
    """What to check in a block that contains this word."""

    start: tuple[tuple[str, Target], ...] = ()
    contains: tuple[tuple[str, Target], ...] = ()
    patterns: tuple[int, ...] = ()


@dataclass(frozen=True)
class TriggerIndex:
    full: dict[str, tuple[Target, ...]] = field(default_factory=dict)
    words: dict[str, WordEntry] = field(default_factory=dict)
    wordbytes: dict[bytes, str] = field(default_factory=dict)  # UTF-8 form -> word
    patterns: tuple[CompiledPattern, ...] = ()
    openers: dict[str, tuple[int, ...]] = field(default_factory=dict)  # first word -> patterns
    by_substring: tuple[tuple[str, tuple[int, ...]], ...] = ()  # no word, but a literal
    unfiltered: tuple[int, ...] = ()  # patterns with nothing to filter on: run on every block
    max_chars: int = 0
    # a group of patterns (as listed above) -> one alternation of them all: where it finds
    # nothing, none of them matches
    gates: dict[tuple[int, ...], regex.Pattern] = field(default_factory=dict)


class Placed(NamedTuple):
    """A rule with what the decide rounds ask of its kind, looked up once. (The Kind
    itself is looked up when placing: it holds functions, and CompiledRules pickles.)"""

    rule: Rule
    positional: bool  # its matches can change when other blocks go
    late: bool  # it runs once the others have settled


@dataclass(frozen=True)
class CompiledRules:
    ruleset: RuleSet
    index: TriggerIndex
    rules: dict[str, Rule]
    scoped: tuple[Rule, ...]  # rules limited to some sites
    dom: DomRules  # element rules, for HTML: the elements whose extracted blocks go
    placed: tuple[Placed, ...] = ()  # the rules that place matches, in rule-set order

    def inactive(self, site: str | None) -> frozenset[str]:
        """Ids of site-scoped rules that do NOT apply to `site`."""
        return frozenset(r.id for r in self.scoped if not on_site(r.sites, site))


def on_site(sites: tuple[str, ...], site: str | None) -> bool:
    """Whether `site` (a host) is one of `sites` or a subdomain of one."""
    host = (site or "").lower().removeprefix("www.")
    return any(host == s or host.endswith("." + s) for s in sites)


def compile_rules(ruleset: RuleSet) -> CompiledRules:
    targets: list[tuple[Trigger, Target]] = []
    for rule in ruleset.rules:
        targets += [(trigger, Target(rule.id, role, rule.max_chars))
                    for trigger, role in kind_of(rule).triggers(rule)]
    return CompiledRules(
        ruleset=ruleset,
        index=_build_index(targets),
        rules={r.id: r for r in ruleset.rules},
        scoped=tuple(r for r in ruleset.rules if r.sites),
        dom=compile_dom(ruleset.rules),
        placed=tuple(Placed(r, k.positional(r), k.late) for r in ruleset.rules
                     if (k := kind_of(r)).place is not None),
    )


def _build_index(targets: list[tuple[Trigger, Target]]) -> TriggerIndex:
    full: dict[str, list[Target]] = defaultdict(list)
    by_word: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    patterns: list[CompiledPattern] = []
    by_sub: dict[str, list[int]] = defaultdict(list)
    by_opener: dict[str, list[int]] = defaultdict(list)
    unfiltered: list[int] = []
    for trigger, target in targets:
        for phrase in trigger.phrases:
            if trigger.anchor == Anchor.FULL:
                full[phrase].append(target)
            elif (words := WORD.findall(phrase)):
                by_word[words[0]][trigger.anchor.value].append((phrase, target))
        for number, source in enumerate(trigger.patterns, 1):
            n = len(patterns)
            firsts = first_words(source)
            literals = required_literals(source)
            patterns.append(CompiledPattern(
                target, source, regex.compile(source, regex.IGNORECASE), literals,
                literals if literals and len(literals) <= MAX_QUICK else (), number))
            for word in firsts or ():
                by_opener[word].append(n)
            if firsts:
                continue
            for word in literals or ():
                by_word[word]["patterns"].append(n)
            if literals is None:
                subs = required_substrings(source)
                for sub in subs or ():
                    by_sub[sub].append(n)
                if subs is None:
                    unfiltered.append(n)
    words = {w: WordEntry(*(tuple(e[k]) for k in ("start", "contains", "patterns")))
             for w, e in by_word.items()}
    groups = [*by_opener.values(), *by_sub.values(), *(e.patterns for e in words.values())]
    return TriggerIndex(
        full={k: tuple(v) for k, v in full.items()},
        words=words,
        wordbytes={w.encode("utf-8"): w for w in words},
        patterns=tuple(patterns),
        openers={k: tuple(v) for k, v in by_opener.items()},
        by_substring=tuple((k, tuple(v)) for k, v in sorted(by_sub.items())),
        unfiltered=tuple(unfiltered),
        max_chars=max((t.max_chars for _, t in targets), default=0),
        gates=_gates(patterns, groups),
    )


def _gates(patterns: list[CompiledPattern], groups: list) -> dict[tuple[int, ...], regex.Pattern]:
    """One alternation for each group of two or more patterns that can be put in one.

    `search(A|B)` finds something exactly when `search(A)` or `search(B)` does, for the
    patterns of a backtracking engine, but for the ones that refer to their own groups
    (backreferences, recursion), set flags for the whole pattern, or use control verbs:
    a group with any of those gets no gate, and its patterns run one by one."""
    gates = {}
    for group in {tuple(g) for g in groups if len(g) > 1}:
        sources = [patterns[n].source for n in group]
        if any(_UNGATED.search(s) for s in sources):
            continue
        try:
            gates[group] = regex.compile("|".join(f"(?:{s})" for s in sources), regex.IGNORECASE)
        except (regex.error, ValueError):  # say, a group name used twice
            continue
    return gates


# backreferences and recursion (\1 \g<..> (?P=..) (?&..) (?R) (?1)), conditionals on a
# group ((?(1)..)), global inline flags ((?i) (?V1)), control verbs (*SKIP)
_UNGATED = re.compile(r"\\[1-9g]|\(\?(?:P=|&|R\)|[+-]?\d|\()|\(\?[a-zA-Z0-9^-]+\)|\(\*")
