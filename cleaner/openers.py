"""Which word a block must open with for an anchored pattern ('^...') to match it.

Nearly every pattern in the rule packs is anchored at the start of the block, so the
cheapest prefilter of all is the block's first word: one look-up per block. The set of
words a pattern can open with is derived from the pattern itself, like the required
words of literals.py, so rule authors never declare it. When it cannot be derived
(the pattern may open with any word: '^[\\w.-]+ ...'), the pattern falls back to the
required-word prefilter.
"""

from __future__ import annotations

import re._constants as sre_c  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]

from .literals import REPEATS, edge, nonword, unfactor

DIGITS = "#"  # stands for any first word made of digits only: '^\d{1,2}:\d{2}'
MAX_OPENERS = 512  # more than that is not a prefilter worth keeping

_STARTS = (sre_c.AT_BEGINNING, sre_c.AT_BEGINNING_STRING)
_ZERO_WIDTH_ATS = (sre_c.AT_BOUNDARY, *_STARTS)


_WALL = (sre_c.FAILURE, ())  # nothing is known past it: reaching it opens with any word


class _Any(Exception):
    """The pattern may open with any word."""


def first_words(pattern: str) -> frozenset[str] | None:
    """The first words (casefolded; DIGITS for a number) of every block that the anchored
    `pattern` matches, or None when the pattern is not anchored or may open with any word.

    The first word of a block is its first run of word characters, whatever
    non-word characters stand before it.

    >>> sorted(first_words(r"^[\\[(]?(?:related|see also)\\b"))
    ['related', 'see']
    >>> sorted(first_words(r"^(?:\\d+|one) comments?$"))
    ['#', 'one']
    >>> first_words(r"^[\\w.-]+ photos?$") is None
    True
    """
    try:
        items = unfactor(list(sre_parse.parse(pattern, sre_c.SRE_FLAG_IGNORECASE)))
    except Exception:
        return None
    if not items or items[0][0] is not sre_c.AT or items[0][1] not in _STARTS:
        return None
    try:
        found = _opening(items[1:])
    except _Any:
        return None
    return frozenset(found) if len(found) <= MAX_OPENERS else None


def _opening(items: list) -> set[str]:
    """First words of what `items` match, when only non-word characters came before."""
    for i, (op, av) in enumerate(items):
        rest = items[i + 1:]
        if op is sre_c.AT and av in _ZERO_WIDTH_ATS or op in (sre_c.ASSERT, sre_c.ASSERT_NOT):
            continue  # zero width, or only narrows what matches
        if _consumes_nonword(op, av):
            continue
        if op is sre_c.LITERAL:
            return _words_at(items, i)
        if op is sre_c.SUBPATTERN:
            return _opening(list(av[-1]) + rest)
        if op is sre_c.BRANCH:
            return set().union(*(_opening(list(b) + rest) for b in av[1]))
        if _is_digit(op, av) or (op in REPEATS and av[0] >= 1 and _digit_run(av[2])):
            return _number(items, i)
        if op in REPEATS and av[0] >= 1 and av[1] > 1:
            # repeated: the first time round opens the block, provided it cannot pass
            # without a word (then the next time round would)
            return _opening(list(av[2]) + [_WALL] + rest)
        if op in REPEATS and av[1] == 1:  # optional, once: with it or without it
            return _opening(list(av[2]) + rest) | (_opening(rest) if av[0] == 0 else set())
        if op in REPEATS and av[0] == 0 and _digit_run(av[2]):
            return _number(items, i) | _opening(rest)
        raise _Any
    raise _Any  # matched no word at all: any block may open so


def _words_at(items: list, i: int, prefix: str = "") -> set[str]:
    """The whole words spelled from items[i] on: letters, a class of letters ('[oa]'),
    an optional letter ('s?'); what follows the word must be a word edge."""
    while i < len(items) and items[i][0] is sre_c.LITERAL and not nonword(*items[i]):
        prefix += chr(items[i][1])
        i += 1
    op, av = items[i] if i < len(items) else (None, None)
    if op is sre_c.IN and av and all(o is sre_c.LITERAL and not nonword(o, a) for o, a in av):
        return set().union(*(_words_at(items, i + 1, prefix + chr(a)) for _, a in av))
    if op in REPEATS and av[:2] == (0, 1) and len(av[2]) == 1 and av[2][0][0] is sre_c.LITERAL \
            and not nonword(*av[2][0]):
        return _words_at(items, i + 1, prefix + chr(av[2][0][1])) | _words_at(items, i + 1, prefix)
    if not edge(items, i, 1, False):
        raise _Any  # '^relat' opens "related" too: the word is not whole
    # blocks are compared casefolded: a spelling that casefolds otherwise ('ß') is never
    # seen, and its casefolded form costs nothing to look up
    return {prefix.casefold()}


def _number(items: list, i: int) -> set[str]:
    if not edge(items, i + 1, 1, False):
        raise _Any  # '^\d+th' opens with "12th", not a number
    return {DIGITS}


def _consumes_nonword(op, av) -> bool:
    if op in (sre_c.LITERAL, sre_c.IN, sre_c.CATEGORY):
        return nonword(op, av)
    if op in REPEATS:
        return all(_consumes_nonword(o, a) or (o is sre_c.AT and a in _ZERO_WIDTH_ATS)
                   for o, a in av[2])
    return False


def _is_digit(op, av) -> bool:
    if op is sre_c.CATEGORY:
        return av == sre_c.CATEGORY_DIGIT
    if op is sre_c.IN:
        return bool(av) and all(
            (o is sre_c.CATEGORY and a == sre_c.CATEGORY_DIGIT)
            or (o is sre_c.RANGE and 48 <= a[0] <= a[1] <= 57)
            or (o is sre_c.LITERAL and 48 <= a <= 57) for o, a in av)
    return False


def _digit_run(sub) -> bool:
    sub = list(sub)
    return len(sub) == 1 and _is_digit(*sub[0])
