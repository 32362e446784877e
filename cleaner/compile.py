"""A RuleSet compiled once into indexes that make matching cheap.

Matching a block against hundreds of phrases must not cost hundreds of comparisons:
- whole-block phrases are one dict lookup of the block's key;
- every other phrase and pattern hangs off a word: a start or contains phrase off its
  first word, a pattern off the words it cannot match without (see literals.py). One
  trie-shaped regex finds those words in the whole document in one pass, and only the
  blocks containing one are looked at further;
- blocks longer than every rule's `max_chars` are not looked at at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .html_dom import DomRules, compile_dom
from .literals import WORD, required_literals
from .model import Anchor, Rule, RuleKind, RuleSet, Trigger
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


class WordEntry(NamedTuple):
    """What to check in a block that contains this word."""

    start: tuple[tuple[str, Target], ...] = ()
    contains: tuple[tuple[str, Target], ...] = ()
    patterns: tuple[int, ...] = ()


@dataclass(frozen=True)
class TriggerIndex:
    full: dict[str, tuple[Target, ...]] = field(default_factory=dict)
    words: dict[str, WordEntry] = field(default_factory=dict)
    keywords: re.Pattern | None = None  # finds any word of `words`, as a trie
    patterns: tuple[CompiledPattern, ...] = ()
    unfiltered: tuple[int, ...] = ()  # patterns with no word to filter on: run on every block
    max_chars: int = 0


@dataclass(frozen=True)
class CompiledRules:
    ruleset: RuleSet
    index: TriggerIndex
    rules: dict[str, Rule]
    scoped: tuple[Rule, ...]  # rules limited to some sites
    dom: DomRules  # element rules, for HTML before extraction

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
        dom=compile_dom(ruleset.rules),
    )


def _build_index(targets: list[tuple[Trigger, Target]]) -> TriggerIndex:
    full: dict[str, list[Target]] = defaultdict(list)
    by_word: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    patterns: list[CompiledPattern] = []
    unfiltered: list[int] = []
    for trigger, target in targets:
        for phrase in trigger.phrases:
            if trigger.anchor == Anchor.FULL:
                full[phrase].append(target)
            elif (words := WORD.findall(phrase)):
                by_word[words[0]][trigger.anchor.value].append((phrase, target))
        for source in trigger.patterns:
            literals = required_literals(source)
            n = len(patterns)
            patterns.append(CompiledPattern(
                target, source, regex.compile(source, regex.IGNORECASE), literals))
            for word in literals or ():
                by_word[word]["patterns"].append(n)
            if literals is None:
                unfiltered.append(n)
    words = {w: WordEntry(*(tuple(e[k]) for k in ("start", "contains", "patterns")))
             for w, e in by_word.items()}
    return TriggerIndex(
        full={k: tuple(v) for k, v in full.items()},
        words=words,
        keywords=re.compile(r"\b" + trie_pattern(words) + r"\b") if words else None,
        patterns=tuple(patterns),
        unfiltered=tuple(unfiltered),
        max_chars=max((t.max_chars for _, t in targets), default=0),
    )


def trie_pattern(words) -> str:
    """One regex for many words, factored as a trie: it tests a character per level
    instead of every word at every position (an alternation of 200 words ran at a
    third of this speed)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict) -> str:
    ends = "" in node
    alts = [re.escape(ch) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")"
    return body + ("?" if ends else "")
