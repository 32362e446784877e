"""Stage 3, match: compiled rules + Document -> Matches. Text is never touched here.

A Match says "rule R recognised block B, because ...". Whether the block really goes
is decided in the next stage, which applies the document-wide guards.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

from .compile import PATTERN_TIMEOUT, CompiledRules, Target, TriggerIndex
from .model import Document, Match, Rule, RuleKind
from .textnorm import EDGE, keys
from .kinds import byline_matches, duplicate_matches, section_matches


class Hit(NamedTuple):
    target: Target
    block: int
    reason: str


class Matched(NamedTuple):
    matches: tuple[Match, ...]
    warnings: tuple[str, ...]


class Recognised(NamedTuple):
    """What each rule recognises block by block: the expensive part, done once per document.
    Where a block stands is judged later, by `place`, on whatever blocks are left."""

    hits: tuple[Hit, ...]
    inactive: frozenset[str]
    warnings: tuple[str, ...]


def recognise(compiled: CompiledRules, doc: Document, site: str | None = None) -> Recognised:
    inactive = compiled.active(site)
    warnings: list[str] = []
    hits = tuple(h for h in block_hits(compiled.index, doc, warnings) if h.target.rule not in inactive)
    return Recognised(hits, inactive, tuple(warnings))


def place(compiled: CompiledRules, doc: Document, hits: tuple[Hit, ...],
          inactive: frozenset[str]) -> tuple[Match, ...]:
    """Matches of every rule on `doc`, given its block hits: position guards, sections,
    duplicates and bylines, all of which depend on which blocks are there."""
    offsets = _offsets(doc)
    by_rule: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_rule[hit.target.rule].append(hit)
    matches: list[Match] = []
    for rule in compiled.ruleset.rules:
        if rule.id not in inactive:
            matches.extend(_kind_matches(rule, doc, by_rule.get(rule.id, []), offsets))
    return tuple(matches)


def match(compiled: CompiledRules, doc: Document, site: str | None = None) -> Matched:
    """recognise + place, in one call (for a document whose blocks all stay)."""
    found = recognise(compiled, doc, site)
    return Matched(place(compiled, doc, found.hits, found.inactive), found.warnings)


def _kind_matches(rule: Rule, doc: Document, hits: list[Hit], offsets: list[float]) -> Iterator[Match]:
    if rule.kind == RuleKind.BLOCK:
        for hit in hits:
            if _placed(rule, hit.block, offsets):
                yield Match(rule.id, hit.block, hit.reason)
    elif rule.kind == RuleKind.SECTION:
        starts = [h for h in hits if h.target.role == "start" and _placed(rule, h.block, offsets)]
        ends = [h.block for h in hits if h.target.role == "end"]
        yield from section_matches(rule, doc, [(h.block, h.reason) for h in starts], ends)
    elif rule.kind == RuleKind.DUPLICATE:
        yield from duplicate_matches(rule, doc)
    elif rule.kind == RuleKind.BYLINE:
        yield from byline_matches(rule, doc)


def _placed(rule: Rule, block: int, offsets: list[float]) -> bool:
    """Position guards: among the first N blocks, or after a share of the text."""
    if rule.within_first and block >= rule.within_first:
        return False
    return not rule.after_share or offsets[block] >= rule.after_share


def _offsets(doc: Document) -> list[float]:
    """For each block, the share of the document's characters that come before it."""
    total = sum(len(b.text) for b in doc.blocks) or 1
    out, seen = [], 0
    for b in doc.blocks:
        out.append(seen / total)
        seen += len(b.text)
    return out


def block_hits(index: TriggerIndex, doc: Document, warnings: list[str]) -> Iterator[Hit]:
    limit = index.max_chars
    short = [b.index for b in doc.blocks if len(b.text) <= 3 * limit]  # cheap reject
    if not short:
        return
    ks = keys([doc.blocks[i].text for i in short])
    fks = [k.strip(EDGE) for k in ks]
    full = index.full
    for j, fk in enumerate(fks):
        if fk in full:
            for t in full[fk]:
                if len(ks[j]) <= t.max_chars:
                    yield Hit(t, short[j], f'phrase "{fk}"')
    for j, words in _keyword_lines(index, ks):
        yield from _word_hits(index, short[j], ks[j], fks[j], words, warnings)
    if index.unfiltered:
        for j, k in enumerate(ks):
            for n in index.unfiltered:
                yield from _pattern_hits(index, n, short[j], k, warnings)


def _keyword_lines(index: TriggerIndex, ks: list[str]) -> Iterator[tuple[int, set[str]]]:
    """(line, the index words it contains), for the lines that contain any: one regex pass."""
    if index.keywords is None:
        return
    joined = "\n".join(ks)
    starts = list(accumulate((len(k) + 1 for k in ks[:-1]), initial=0))
    found: dict[int, set[str]] = defaultdict(set)
    for m in index.keywords.finditer(joined):
        found[bisect_right(starts, m.start()) - 1].add(m.group())
    yield from found.items()


def _word_hits(index: TriggerIndex, i: int, k: str, fk: str, words: set[str],
               warnings: list[str]) -> Iterator[Hit]:
    size = len(k)
    patterns: set[int] = set()
    for w in words:
        entry = index.words[w]
        for phrase, t in entry.start:
            if size <= t.max_chars and _starts(fk, phrase):
                yield Hit(t, i, f'starts with "{phrase}"')
        for phrase, t in entry.contains:
            if size <= t.max_chars and _contains(k, phrase):
                yield Hit(t, i, f'contains "{phrase}"')
        patterns.update(entry.patterns)
    for n in sorted(patterns):
        yield from _pattern_hits(index, n, i, k, warnings)


def _pattern_hits(index: TriggerIndex, n: int, i: int, k: str,
                  warnings: list[str]) -> Iterator[Hit]:
    p = index.patterns[n]
    if len(k) <= p.target.max_chars and _pattern_hit(p, k, warnings):
        yield Hit(p.target, i, f"pattern {p.source!r}")


def _starts(text: str, phrase: str) -> bool:
    n = len(phrase)
    return text.startswith(phrase) and (len(text) == n or not text[n].isalnum())


def _contains(text: str, phrase: str) -> bool:
    n, at = len(phrase), text.find(phrase)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + n] if at + n < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(phrase, at + 1)
    return False


def _pattern_hit(p, text: str, warnings: list[str]) -> bool:
    if any(p.source in w and "timed out" in w for w in warnings):
        return False  # once slow, slow again: do not pay the time limit on every block
    try:
        return p.compiled.search(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        warnings.append(
            f"rule '{p.target.rule}': pattern {p.source!r} timed out after {PATTERN_TIMEOUT}s "
            "on a block; skipped for the rest of this document"
        )
        return False
