"""Which words a regex pattern cannot match without: the prefilter of pattern rules.

A pattern only runs on blocks that contain one of its required words, found through
the keyword index. The words are derived from the pattern itself with the standard
library's regex parser, so rule authors never have to declare them.
"""

from __future__ import annotations

import re
import re._constants as sre_c  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]

WORD = re.compile(r"\w+")


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
    words = _required(unfactor(list(parsed)), False, False)
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
                run_left = edge(items, i - 1, -1, left)
            run.append(chr(av))
            continue
        if run:
            candidates += _run_words("".join(run), run_left, edge(items, i, 1, right))
            run = []
        sub = _nested(op, av, edge(items, i - 1, -1, left), edge(items, i + 1, 1, right))
        if sub:
            candidates.append(sub)
    if run:
        candidates += _run_words("".join(run), run_left, right)
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def unfactor(items: list) -> list:
    """Undo the parser's prefix factoring: it turns (?:related|read more) into "re" followed
    by (?:lated|ad more), which hides both words; put the shared letters back in front
    of every alternative."""
    out: list = []
    for op, av in items:
        if op is sre_c.BRANCH:
            run = []
            while out and out[-1][0] is sre_c.LITERAL:
                run.insert(0, out.pop())
            branches = [unfactor(run + list(b)) for b in av[1]]
            out.append((op, (av[0], branches)))
        elif op is sre_c.SUBPATTERN:
            out.append((op, (*av[:-1], unfactor(list(av[-1])))))
        else:
            out.append((op, av))
    return out


def _run_words(text: str, left: bool, right: bool) -> list[set[str]]:
    text = text.casefold()
    words = [
        m.group() for m in WORD.finditer(text)
        if (m.start() > 0 or left) and (m.end() < len(text) or right) and len(m.group()) >= 3
    ]
    return [{max(words, key=len)}] if words else []


def edge(items: list, i: int, step: int, default: bool) -> bool:
    """Whether position i (walking in direction `step`) is certainly not a word character."""
    while 0 <= i < len(items):
        op, av = items[i]
        if op is sre_c.AT:
            return av in _EDGE_ATS
        if op in REPEATS and av[0] == 0:
            # an optional item: the side of it that touches us must be non-word, and, as
            # it may be absent, so must whatever stands beyond it
            if not _side_nonword(list(av[2]), step):
                return False
            i += step
            continue
        return _side_nonword([items[i]], step)
    return default


def _side_nonword(items: list, side: int) -> bool:
    """Whether the first (side=1) or last (side=-1) character `items` match is non-word."""
    if not items:
        return False
    op, av = items[0] if side == 1 else items[-1]
    if op is sre_c.SUBPATTERN:
        return _side_nonword(list(av[-1]), side)
    if op is sre_c.BRANCH:
        return all(_side_nonword(list(b), side) for b in av[1])
    if op in REPEATS:
        return av[0] >= 1 and _side_nonword(list(av[2]), side)
    return nonword(op, av)


def nonword(op, av) -> bool:
    """Whether a parsed literal or class holds no word character (as `re` counts them)."""
    if op is sre_c.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is sre_c.IN:
        return all(nonword(o, a) for o, a in av)
    if op is sre_c.CATEGORY:
        return av in (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_NOT_WORD)
    return False


REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)
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


def required_substrings(pattern: str) -> tuple[str, ...] | None:
    """Literal strings (any characters), one of which every match contains: the fallback
    prefilter for patterns with no whole word, such as '^(?:©|\\(c\\))'."""
    try:
        parsed = sre_parse.parse(pattern, sre_c.SRE_FLAG_IGNORECASE)
    except Exception:
        return None
    found = _substrings(list(parsed))
    return tuple(sorted(found)) if found else None


def _substrings(items: list) -> set[str] | None:
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre_c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run).casefold()})
            run = []
        sub = None
        if op is sre_c.SUBPATTERN:
            sub = _substrings(list(av[-1]))
        elif op is sre_c.BRANCH:
            sets = [_substrings(list(b)) for b in av[1]]
            sub = set().union(*sets) if all(sets) else None
        elif op in REPEATS and av[0] >= 1:
            sub = _substrings(list(av[2]))
        if sub:
            candidates.append(sub)
    if run:
        candidates.append({"".join(run).casefold()})
    return max(candidates, key=lambda c: min(map(len, c)), default=None)
