"""The match stage's fast path: the trigger index's hits, with the per-line work cut down.

`match.block_hits` is the reference: it reads as the index is built, one small function
per kind of trigger. This module gives the same hits (the same set, each with the same
reason) for less Python work per line:

- a line longer than every rule's `max_chars` gets no work at all: no hit can come of it;
- the pattern work a first word (or a word, or a literal) calls for is planned once, when
  the rules are compiled: the patterns as (search, target, size limit, required words);
- a pattern is dropped for a line by its size limit and required words before its
  group's gate is searched, and the gate is not searched when none is left;
- the loops are flat: no generator and no call per pattern tried.

Whatever times out (a gate, a pattern) sends the whole document back to the reference,
which then warns exactly as it always does: the fast path never changes a result.
`compile_rules(ruleset, fast=False)` switches it off; tests compare the two.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import NamedTuple

from .openers import DIGITS
from .textnorm import EDGE, size

# (search, target, max_chars, quick words, reason) of one pattern
Planned = tuple[Callable, object, int, tuple[str, ...], str]


class Group(NamedTuple):
    """Patterns to run on a line together: the gate (one alternation of them all, None
    when there is none) and each pattern's plan, in pattern order."""

    gate: Callable | None
    members: tuple[tuple[int, Planned], ...]
    floor: int = 0  # no member needs required words, and none takes a line longer than this


class Hit(NamedTuple):
    target: object  # compile.Target
    block: int
    reason: str


class ScanPlan(NamedTuple):
    openers: dict[str, Group]
    digits: Group | None
    words: dict[str, Group]  # a keyword -> its patterns (phrases stay in the index)
    groups: dict[tuple[int, ...], Group]  # by pattern numbers, as the index lists them
    unfiltered: Group
    max_chars: int
    timeout: float


def plan(index, timeout: float) -> ScanPlan | None:
    """The pattern groups of a TriggerIndex (compile.py), each planned once. None when a
    literal holds a line break: found across two lines, it is not one line's."""
    if any("\n" in sub for sub, _ in index.by_substring):
        return None
    pats = index.patterns
    planned = [(p.compiled.search, p.target, p.target.max_chars, p.quick, f"pattern {p.number}")
               for p in pats]

    def group(numbers: tuple[int, ...]) -> Group:
        gate = index.gates.get(numbers)
        members = tuple((n, planned[n]) for n in numbers)
        plain = not any(p[3] for _, p in members)
        return Group(gate.search if gate is not None and len(numbers) > 1 else None, members,
                     min(p[2] for _, p in members) if plain and members else -1)

    return ScanPlan(
        openers={w: group(g) for w, g in index.openers.items() if w != DIGITS},
        digits=group(index.openers[DIGITS]) if DIGITS in index.openers else None,
        words={w: group(e.patterns) for w, e in index.words.items() if e.patterns},
        groups={g: group(g) for _, g in index.by_substring},
        unfiltered=group(index.unfiltered)._replace(gate=None),  # one by one, as ever
        max_chars=index.max_chars,
        timeout=timeout,
    )


_PUNCT_TO_SPACE = bytes(
    32 if (c < 128 and not chr(c).isalnum() and c not in (10, 95)) else c for c in range(256)
)
# the non-ASCII marks that stand for spaces too, found in one pass over the UTF-8 bytes
_UNICODE_PUNCT = re.compile(b"|".join(re.escape(c.encode()) for c in "…•·©®™¦§¶†‡‹›«»„“”‘’"))

def substring_lines(index, joined: str,
                     starts: list[int]) -> Iterator[tuple[int, set[tuple[int, ...]]]]:
    """(line, groups of patterns to run) for patterns filtered by a literal that is not a word."""
    found: dict[int, set[tuple[int, ...]]] = defaultdict(set)
    for sub, numbers in index.by_substring:
        at = joined.find(sub)
        while at >= 0:
            found[bisect_right(starts, at) - 1].add(numbers)
            at = joined.find(sub, at + 1)
    yield from found.items()


def keyword_lines(index, joined: str, starts: list[int]) -> Iterator[tuple[int, set[str]]]:
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


def starts_with(text: str, phrase: str) -> bool:
    n = len(phrase)
    return text.startswith(phrase) and (len(text) == n or not text[n].isalnum())


def contains_whole(text: str, phrase: str) -> bool:
    n, at = len(phrase), text.find(phrase)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + n] if at + n < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(phrase, at + 1)
    return False


class Slow(Exception):
    """A gate or a pattern timed out: the reference path takes the document over."""


def run_groups(groups: list[Group], k: str, n: int, timeout: float) -> list[tuple[int, Planned]]:
    """The patterns of `groups` that match `k` (of size `n`), in pattern order."""
    chosen: dict[int, Planned] = {}
    for gate, members, floor in groups:
        left = members if n <= floor else [
            (m, p) for m, p in members if n <= p[2] and (not p[3] or any(w in k for w in p[3]))]
        if not left:
            continue
        if gate is not None:
            try:
                if not gate(k, timeout=timeout):
                    continue
            except TimeoutError:
                raise Slow from None
        chosen.update(left)
    out = []
    for m in sorted(chosen) if len(chosen) > 1 else chosen:
        p = chosen[m]
        try:
            if p[0](k, timeout=timeout) is not None:
                out.append((m, p))
        except TimeoutError:
            raise Slow from None
    return out


_FIRST_WORD = re.compile(r"^[^\w\n]*(\w*)", re.MULTILINE)


def opener_lines(sp: ScanPlan, joined: str) -> list[tuple[int, list[Group]]]:
    """(line, the groups its first word calls for)."""
    openers, digits = sp.openers, sp.digits
    out = []
    for j, w in enumerate(_FIRST_WORD.findall(joined)):
        g = openers.get(w)
        if digits is not None and w.isdigit():
            out.append((j, [g, digits] if g is not None else [digits]))
        elif g is not None:
            out.append((j, [g]))
    return out


def sizes_of(ks: tuple[str, ...]) -> list[int]:
    return list(map(size, ks))


def fast_hits(sp: ScanPlan, index, doc, ks: tuple[str, ...]) -> list[Hit]:
    """match.block_hits' hits, by the plan (see the module's docstring); raises Slow.

    What a line's key calls for is worked out once per distinct key: whole-page text
    repeats its menus, share bars and labels, and a key's hits do not depend on where it
    stands (the one thing that looks at the line itself, the quotation mark that keeps a
    whole-line phrase, is the first phase, done line by line)."""
    if not doc.blocks:
        return []
    limit = sp.max_chars
    sizes = sizes_of(ks)
    hits = _full_hits(index.full, doc, ks, sizes, limit)
    lines_of: dict[str, list[int]] = {}
    for j, k in enumerate(ks):
        if sizes[j] <= limit:  # no rule takes a longer line: nothing to look for in it
            lines_of.setdefault(k, []).append(j)
    uks = tuple(lines_of)
    where = list(lines_of.values())
    for phase in _phases(sp, index, uks, [sizes[js[0]] for js in where]):
        found = [Hit(t, j, why) for u, t, why in phase for j in where[u]]
        found.sort(key=_block)
        hits += found
    return hits


def _block(hit: Hit) -> int:
    return hit.block


def _phases(sp: ScanPlan, index, ks: tuple[str, ...], sizes: list[int]):
    """The hits of each phase after the whole-line phrases, as (line, target, reason)."""
    if not ks:
        return
    timeout = sp.timeout
    joined = "\n".join(ks)
    if sp.openers or sp.digits:
        yield [(j, p[1], p[4]) for j, groups in opener_lines(sp, joined)
               for _, p in run_groups(groups, ks[j], sizes[j], timeout)]
    if not (index.words or index.by_substring or index.unfiltered):
        return
    starts = list(accumulate((len(k) + 1 for k in ks[:-1]), initial=0))
    yield [h for j, words in keyword_lines(index, joined, starts)
           for h in _word_hits(sp, index, j, ks[j], sizes[j], words)]
    yield [(j, p[1], p[4]) for j, numbers in substring_lines(index, joined, starts)
           for _, p in run_groups([sp.groups[g] for g in numbers], ks[j], sizes[j], timeout)]
    if sp.unfiltered.members:
        yield [(j, p[1], p[4]) for j, k in enumerate(ks)
               for _, p in run_groups([sp.unfiltered], k, sizes[j], timeout)]


def _full_hits(full: dict, doc, ks, sizes: list[int], limit: int) -> list[Hit]:
    hits = []
    for j, k in enumerate(ks):
        if sizes[j] > limit:
            continue
        fk = k.strip(EDGE)
        if fk in full and not quoted(doc.blocks[j].text):
            hits += [Hit(t, j, f'phrase "{fk}"') for t in full[fk] if sizes[j] <= t.max_chars]
    return hits


def _word_hits(sp: ScanPlan, index, j: int, k: str, n: int, words: set[str]) -> list:
    fk = k.strip(EDGE)
    hits, groups = [], []
    for w in words:
        entry = index.words[w]
        hits += [(j, t, f'starts with "{phrase}"') for phrase, t in entry.start
                 if n <= t.max_chars and starts_with(fk, phrase)]
        hits += [(j, t, f'contains "{phrase}"') for phrase, t in entry.contains
                 if n <= t.max_chars and contains_whole(k, phrase)]
        if w in sp.words:
            groups.append(sp.words[w])
    if groups:
        hits += [(j, p[1], p[4]) for _, p in run_groups(groups, k, n, sp.timeout)]
    return hits


def quoted(text: str) -> bool:
    """A line in quotation marks is somebody speaking: “Close.” is dialogue, not a button."""
    return text.lstrip()[:1] in _OPENING_QUOTES


_OPENING_QUOTES = frozenset("\u201c\u201e\u00ab\u00bb\u2018\u201a\"'")
