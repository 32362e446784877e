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
from .kinds import (
    byline_matches,
    duplicate_matches,
    fringe_matches,
    prose_before,
    section_matches,
)
from .model import Document, Match, Rule, RuleKind
from .textnorm import EDGE, keys, size

_PUNCT_TO_SPACE = bytes(
    32 if (c < 128 and not chr(c).isalnum() and c not in (10, 95)) else c for c in range(256)
)
_UNICODE_PUNCT = tuple(c.encode() for c in "…•·©®™¦§¶†‡‹›«»„“”‘’")


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
    inactive = compiled.inactive(site)
    warnings: list[str] = []
    hits = tuple(h for h in block_hits(compiled.index, doc, warnings) if h.target.rule not in inactive)
    return Recognised(hits, inactive, tuple(warnings))


def place(compiled: CompiledRules, doc: Document, hits: tuple[Hit, ...],
          inactive: frozenset[str], only_positional: bool = False,
          memo: dict[str, str] | None = None) -> tuple[Match, ...]:
    """Matches of every rule on `doc`, given its block hits: position guards, sections,
    duplicates and bylines, all of which depend on which blocks are there.
    `only_positional`: leave out block rules without position guards, whose matches
    cannot change when other blocks go."""
    offsets = _offsets(doc)
    by_rule: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_rule[hit.target.rule].append(hit)
    matches: list[Match] = []
    for rule in compiled.ruleset.rules:
        if rule.id in inactive or (only_positional and not positional(rule)):
            continue
        matches.extend(_kind_matches(rule, doc, by_rule.get(rule.id, []), offsets, memo))
    return tuple(matches)


def positional(rule: Rule) -> bool:
    return rule.kind != RuleKind.BLOCK or bool(rule.within_first or rule.after_share)


def match(compiled: CompiledRules, doc: Document, site: str | None = None) -> Matched:
    """recognise + place, in one call (for a document whose blocks all stay)."""
    found = recognise(compiled, doc, site)
    return Matched(place(compiled, doc, found.hits, found.inactive), found.warnings)


def _kind_matches(rule: Rule, doc: Document, hits: list[Hit], offsets: list[float],
                  memo: dict[str, str] | None = None) -> Iterator[Match]:
    if rule.kind == RuleKind.BLOCK:
        for hit in hits:
            if _placed(rule, hit.block, offsets):
                yield Match(rule.id, hit.block, hit.reason)
    elif rule.kind == RuleKind.SECTION:
        starts = [h for h in hits if h.target.role == "start" and _placed(rule, h.block, offsets)]
        if rule.after_prose and starts:
            before = prose_before(rule, doc)
            starts = [h for h in starts if before[h.block] >= rule.after_prose]
        ends = [h.block for h in hits if h.target.role == "end"]
        yield from section_matches(rule, doc, [(h.block, h.reason) for h in starts], ends)
    elif rule.kind == RuleKind.DUPLICATE:
        yield from duplicate_matches(rule, doc, {} if memo is None else memo)
    elif rule.kind == RuleKind.BYLINE:
        yield from byline_matches(rule, doc)
    elif rule.kind == RuleKind.FRINGE:
        yield from fringe_matches(rule, doc)


def _placed(rule: Rule, block: int, offsets: list[float]) -> bool:
    """Position guards: among the first N blocks, or after a share of the text."""
    if rule.within_first and block >= rule.within_first:
        return False
    return not rule.after_share or offsets[block] >= rule.after_share


def _offsets(doc: Document) -> list[float]:
    """For each block, the share of the document's characters that come before it."""
    sizes = [size(b.text) for b in doc.blocks]
    total = sum(sizes) or 1
    return [n / total for n in accumulate(sizes[:-1], initial=0)] if sizes else []


def block_hits(index: TriggerIndex, doc: Document, warnings: list[str]) -> Iterator[Hit]:
    limit = index.max_chars
    short = [b.index for b in doc.blocks if len(b.text) <= 3 * limit]  # cheap reject
    if not short:
        return
    ks = keys([doc.blocks[i].text for i in short])
    fks = [k.strip(EDGE) for k in ks]
    full = index.full
    for j, fk in enumerate(fks):
        if fk in full and not _quoted(doc.blocks[short[j]].text):
            for t in full[fk]:
                if size(ks[j]) <= t.max_chars:
                    yield Hit(t, short[j], f'phrase "{fk}"')
    joined = "\n".join(ks)
    starts = list(accumulate((len(k) + 1 for k in ks[:-1]), initial=0))
    for j, words in _keyword_lines(index, joined, starts):
        yield from _word_hits(index, short[j], ks[j], fks[j], words, warnings)
    for j, numbers in _substring_lines(index, joined, starts):
        for n in sorted(numbers):
            yield from _pattern_hits(index, n, short[j], ks[j], warnings)
    if index.unfiltered:
        for j, k in enumerate(ks):
            for n in index.unfiltered:
                yield from _pattern_hits(index, n, short[j], k, warnings)


def _substring_lines(index: TriggerIndex, joined: str, starts: list[int]) -> Iterator[tuple[int, set[int]]]:
    """(line, patterns to run) for patterns filtered by a literal that is not a word."""
    found: dict[int, set[int]] = defaultdict(set)
    for sub, numbers in index.by_substring:
        at = joined.find(sub)
        while at >= 0:
            found[bisect_right(starts, at) - 1].update(numbers)
            at = joined.find(sub, at + 1)
    yield from found.items()


def _quoted(text: str) -> bool:
    """A line in quotation marks is somebody speaking: “Close.” is dialogue, not a button."""
    return text.lstrip()[:1] in _OPENING_QUOTES


_OPENING_QUOTES = frozenset("\u201c\u201e\u00ab\u00bb\u2018\u201a\"'")


def _keyword_lines(index: TriggerIndex, joined: str, starts: list[int]) -> Iterator[tuple[int, set[str]]]:
    """(line, the index words it contains), for the lines that contain any.

    Works on UTF-8 bytes: punctuation becomes spaces through a 256-entry byte table
    (str.translate costs per character on non-ASCII text, which is nearly every page),
    and each line's words meet the index's words in one set intersection.
    """
    if not index.words:
        return
    wanted = index.wordbytes
    data = joined.encode("utf-8", "surrogatepass").translate(_PUNCT_TO_SPACE)
    for symbol in _UNICODE_PUNCT:
        if symbol in data:
            data = data.replace(symbol, b" ")
    for j, line in enumerate(data.split(b"\n")):
        found = wanted.keys() & line.split()
        if found:
            yield j, {wanted[w] for w in found}


def _word_hits(index: TriggerIndex, i: int, k: str, fk: str, words: set[str],
               warnings: list[str]) -> Iterator[Hit]:
    n = size(k)
    patterns: set[int] = set()
    for w in words:
        entry = index.words[w]
        for phrase, t in entry.start:
            if n <= t.max_chars and _starts(fk, phrase):
                yield Hit(t, i, f'starts with "{phrase}"')
        for phrase, t in entry.contains:
            if n <= t.max_chars and _contains(k, phrase):
                yield Hit(t, i, f'contains "{phrase}"')
        patterns.update(entry.patterns)
    for n in sorted(patterns):
        yield from _pattern_hits(index, n, i, k, warnings)


def _pattern_hits(index: TriggerIndex, n: int, i: int, k: str,
                  warnings: list[str]) -> Iterator[Hit]:
    p = index.patterns[n]
    if size(k) <= p.target.max_chars and _pattern_hit(p, k, warnings):
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
    if warnings and any(w.startswith(f"rule '{p.target.rule}': pattern {p.source!r} timed out")
                        for w in warnings):
        return False  # once slow, slow again: do not pay the time limit on every block
    try:
        return p.compiled.search(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        warnings.append(
            f"rule '{p.target.rule}': pattern {p.source!r} timed out after {PATTERN_TIMEOUT}s "
            "on a block; skipped for the rest of this document"
        )
        return False
