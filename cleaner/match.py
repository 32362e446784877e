"""Stage 3, match: compiled rules + Document -> Matches. Text is never touched here.

A Match says "rule R recognised block B, because ...". Whether the block really goes
is decided in the next stage, which applies the document-wide guards.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from itertools import accumulate
from typing import NamedTuple

from .compile import PATTERN_TIMEOUT, CompiledRules, Target, TriggerIndex
from .kinds import Placing, copy_groups, kind_of
from .layout import View, view_of
from .model import Document, Match, Rule, Span
from .openers import DIGITS
from .textnorm import EDGE, keys, size

_PUNCT_TO_SPACE = bytes(
    32 if (c < 128 and not chr(c).isalnum() and c not in (10, 95)) else c for c in range(256)
)
# the non-ASCII marks that stand for spaces too, found in one pass over the UTF-8 bytes
_UNICODE_PUNCT = re.compile(b"|".join(re.escape(c.encode()) for c in "…•·©®™¦§¶†‡‹›«»„“”‘’"))


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
    keys: tuple[str, ...] = ()  # each block's comparison key (textnorm.key)


def recognise(compiled: CompiledRules, doc: Document, site: str | None = None) -> Recognised:
    inactive = compiled.inactive(site)
    warnings: list[str] = []
    ks = tuple(keys([b.text for b in doc.blocks])) if doc.blocks else ()
    hits = tuple(h for h in block_hits(compiled.index, doc, ks, warnings)
                 if h.target.rule not in inactive)
    return Recognised(hits, inactive, tuple(warnings), ks)


def place(compiled: CompiledRules, view: View, by_rule: dict[str, list[Hit]],
          inactive: frozenset[str], copies: dict[str, tuple[int, ...]],
          only_positional: bool = False, late: bool = True,
          only_late: bool = False) -> tuple[list[Match], list[Span]]:
    """Matches of every rule on the blocks left in `view`, given the block hits of each
    rule: position guards, sections, duplicates and bylines, all of which depend on
    which blocks are there. Sections are proposed whole, as Spans, for the size guards.
    `only_positional`: leave out block rules without position guards, whose matches
    cannot change when other blocks go. `late`: include the kinds that judge what the
    others left (the title kind); decide runs them once the rest has settled, at first
    alone (`only_late`: the others have nothing more to take from a settled view)."""
    matches: list[Match] = []
    spans: list[Span] = []
    gone = view.gone_set
    for rule, moves, is_late in compiled.placed:
        if rule.id in inactive or (only_positional and not moves) \
                or (not late and is_late) or (only_late and not is_late):
            continue
        kind = kind_of(rule)
        hits = by_rule.get(rule.id, [])
        if gone and hits:
            hits = [h for h in hits if h.block not in gone]
        found = kind.place(rule, Placing(view, hits, copies))
        if kind.sections:
            spans.extend(found)
        else:
            matches.extend(found)
    return matches, spans


def by_rule(hits: tuple[Hit, ...]) -> dict[str, list[Hit]]:
    grouped: dict[str, list[Hit]] = defaultdict(list)
    for hit in hits:
        grouped[hit.target.rule].append(hit)
    return grouped


def late_kind(rule: Rule) -> bool:
    return kind_of(rule).late


def match(compiled: CompiledRules, doc: Document, site: str | None = None) -> Matched:
    """recognise + place, in one call, before any guard (for a rule's examples): every
    block some rule would take, a section's blocks included."""
    found = recognise(compiled, doc, site)
    view = view_of(doc, found.keys)
    matches, spans = place(compiled, view, by_rule(found.hits), found.inactive,
                           copy_groups(doc, found.keys))
    for span in spans:
        matches += [Match(span.rule, i, span.reason) for i in view.forward(span.start, span.stop)]
    return Matched(tuple(matches), found.warnings)


def block_hits(index: TriggerIndex, doc: Document, ks: tuple[str, ...],
               warnings: list[str]) -> Iterator[Hit]:
    if not doc.blocks:
        return
    full = index.full
    for j, k in enumerate(ks):
        fk = k.strip(EDGE)
        if fk in full and not _quoted(doc.blocks[j].text):
            for t in full[fk]:
                if size(k) <= t.max_chars:
                    yield Hit(t, j, f'phrase "{fk}"')
    joined = "\n".join(ks)
    slow: set[tuple[int, ...]] = set()  # gates that timed out in this document
    if index.openers:
        yield from _opener_hits(index, ks, joined, warnings, slow)
    if not (index.words or index.by_substring or index.unfiltered):
        return
    starts = list(accumulate((len(k) + 1 for k in ks[:-1]), initial=0))
    for j, words in _keyword_lines(index, joined, starts):
        yield from _word_hits(index, j, ks[j], ks[j].strip(EDGE), words, warnings, slow)
    for j, groups in _substring_lines(index, joined, starts):
        numbers = {n for g in groups for n in _through(index, g, ks[j], slow)}
        for n in sorted(numbers):
            yield from _pattern_hits(index, n, j, ks[j], warnings)
    for j, k in enumerate(ks) if index.unfiltered else ():
        for n in index.unfiltered:
            yield from _pattern_hits(index, n, j, k, warnings)


_FIRST_WORD = re.compile(r"^[^\w\n]*(\w*)", re.MULTILINE)


def _opener_hits(index: TriggerIndex, ks: list[str], joined: str,
                 warnings: list[str], slow: set[tuple[int, ...]]) -> Iterator[Hit]:
    """Anchored patterns, run only on the blocks that open with a word they can open with."""
    openers = index.openers
    digits = openers.get(DIGITS, ())
    firsts = _FIRST_WORD.findall(joined)  # one per line: keys hold no line break
    candidates = [j for j, w in enumerate(firsts) if w in openers or (digits and w.isdigit())]
    for j in candidates:
        w, k = firsts[j], ks[j]
        numbers = _through(index, openers.get(w, ()), k, slow) + (
            _through(index, digits, k, slow) if w.isdigit() else ())
        for n in sorted(set(numbers)) if len(numbers) > 1 else numbers:
            yield from _pattern_hits(index, n, j, k, warnings)


def _through(index: TriggerIndex, group: tuple[int, ...], k: str,
             slow: set[tuple[int, ...]]) -> tuple[int, ...]:
    """The patterns of `group` worth running on `k`: none if the group's gate finds nothing.
    A gate that timed out (in `slow`) is not tried again in the document."""
    gate = index.gates.get(group)
    if gate is None or size(k) > index.max_chars or group in slow:
        return group
    try:
        return group if gate.search(k, timeout=PATTERN_TIMEOUT) else ()
    except TimeoutError:
        slow.add(group)
        return group  # one by one, so the pattern that is slow is named


def _substring_lines(index: TriggerIndex, joined: str,
                     starts: list[int]) -> Iterator[tuple[int, set[tuple[int, ...]]]]:
    """(line, groups of patterns to run) for patterns filtered by a literal that is not a word."""
    found: dict[int, set[tuple[int, ...]]] = defaultdict(set)
    for sub, numbers in index.by_substring:
        at = joined.find(sub)
        while at >= 0:
            found[bisect_right(starts, at) - 1].add(numbers)
            at = joined.find(sub, at + 1)
    yield from found.items()


def _quoted(text: str) -> bool:
    """A line in quotation marks is somebody speaking: “Close.” is dialogue, not a button."""
    return text.lstrip()[:1] in _OPENING_QUOTES


_OPENING_QUOTES = frozenset("\u201c\u201e\u00ab\u00bb\u2018\u201a\"'")


def _keyword_lines(index: TriggerIndex, joined: str, starts: list[int]) -> Iterator[tuple[int, set[str]]]:
    """(line, the index words it contains), for the lines that contain any.

    Works on UTF-8 bytes: punctuation becomes spaces through a 256-entry byte table
    (str.translate costs per character on non-ASCII text, which is nearly every page).
    The document's words meet the index's words in one set intersection; only the few
    words found are then looked for line by line.
    """
    if not index.words:
        return
    wanted = index.wordbytes
    data = joined.encode("utf-8", "surrogatepass").translate(_PUNCT_TO_SPACE)
    if not joined.isascii():
        data = _UNICODE_PUNCT.sub(b" ", data)
    found = wanted.keys() & set(data.split())
    if not found:
        return
    at_word = sorted((at, w) for w in found for at in _occurrences(data, w))
    lines: dict[int, set[str]] = defaultdict(set)
    line = previous = 0
    for at, w in at_word:
        line += data.count(b"\n", previous, at)
        previous = at
        lines[line].add(wanted[w])
    yield from lines.items()


def _occurrences(data: bytes, word: bytes) -> Iterator[int]:
    """Where `word` stands whole in `data` (words are separated by white space there)."""
    n, at = len(word), data.find(word)
    while at >= 0:
        if (at == 0 or data[at - 1] in _SPACE_BYTES) and (
                at + n == len(data) or data[at + n] in _SPACE_BYTES):
            yield at
        at = data.find(word, at + n)


_SPACE_BYTES = frozenset(b" \t\n\r\x0b\x0c")


def _word_hits(index: TriggerIndex, i: int, k: str, fk: str, words: set[str],
               warnings: list[str], slow: set[tuple[int, ...]]) -> Iterator[Hit]:
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
        if entry.patterns:
            patterns.update(_through(index, entry.patterns, k, slow))
    for n in sorted(patterns):
        yield from _pattern_hits(index, n, i, k, warnings)


def _pattern_hits(index: TriggerIndex, n: int, i: int, k: str,
                  warnings: list[str]) -> Iterator[Hit]:
    p = index.patterns[n]
    if size(k) > p.target.max_chars or (p.quick and not any(w in k for w in p.quick)):
        return  # too long for the rule, or a word it cannot match without is not there
    if _pattern_hit(p, k, warnings):
        # the number, not the regex: the rule id is the handle, `cleaner rules show` the rest
        yield Hit(p.target, i, f"pattern {p.number}")


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
