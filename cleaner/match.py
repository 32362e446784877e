"""Stage 3, match: compiled rules + Document -> Matches. Text is never touched here.

A Match says "rule R recognised block B, because ...". Whether the block really goes
is decided in the next stage, which applies the document-wide guards.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import NamedTuple

from .compile import PATTERN_TIMEOUT, WORD, CompiledRules, Target, TriggerIndex
from .model import Document, Match, Rule, RuleKind
from .textnorm import EDGE, key
from .kinds import byline_matches, duplicate_matches, section_matches


class Hit(NamedTuple):
    target: Target
    block: int
    reason: str


class Matched(NamedTuple):
    matches: tuple[Match, ...]
    warnings: tuple[str, ...]


def match(compiled: CompiledRules, doc: Document, site: str | None = None) -> Matched:
    inactive = compiled.active(site)
    warnings: list[str] = []
    hits = [h for h in block_hits(compiled.index, doc, warnings) if h.target.rule not in inactive]
    offsets = _offsets(doc)
    by_rule: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        by_rule[hit.target.rule].append(hit)
    matches: list[Match] = []
    for rule in compiled.ruleset.rules:
        if rule.id in inactive:
            continue
        matches.extend(_kind_matches(rule, doc, by_rule.get(rule.id, []), offsets))
    return Matched(tuple(matches), tuple(warnings))


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
    for block in doc.blocks:
        if len(block.text) > 3 * limit:  # cheap reject before normalising
            continue
        k = key(block.text)
        if len(k) <= limit:
            yield from _hits(index, block.index, k, warnings)


def _hits(index: TriggerIndex, i: int, k: str, warnings: list[str]) -> Iterator[Hit]:
    size = len(k)
    fk = k.strip(EDGE)
    for t in index.full.get(fk, ()):
        if size <= t.max_chars:
            yield Hit(t, i, f'phrase "{fk}"')
    words = WORD.findall(fk)
    if not words:
        return
    for phrase, t in index.start.get(words[0], ()):
        if size <= t.max_chars and _starts(fk, phrase):
            yield Hit(t, i, f'starts with "{phrase}"')
    candidates: set[int] = set(index.unfiltered)
    for w in set(words):
        for phrase, t in index.contains.get(w, ()):
            if size <= t.max_chars and _contains(k, phrase):
                yield Hit(t, i, f'contains "{phrase}"')
        candidates.update(index.by_literal_word.get(w, ()))
    for n in sorted(candidates):
        p = index.patterns[n]
        if size <= p.target.max_chars and _pattern_hit(p, k, warnings):
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
    try:
        return p.compiled.search(text, timeout=PATTERN_TIMEOUT) is not None
    except TimeoutError:
        warnings.append(
            f"rule '{p.target.rule}': pattern {p.source!r} timed out after {PATTERN_TIMEOUT}s "
            "on a block; treated as no match"
        )
        return False
