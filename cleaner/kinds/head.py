"""head: the furniture above the body, in the head of the document only.

Breadcrumbs ("Home › News › Politics", "Home / Sport"), a section label ("Politics"),
a reporter's role line ("Political correspondent"), post metadata ("Published 3 March
2025 · 12 comments", "Updated 2 hours ago"). Each is a short line made only of words of
the rule's vocabularies, figures and marks, or a trail of short segments between
`separators`; and each is taken only between the first block (the title) and the first
paragraph of prose, among the first `within_first` blocks. Below the body's start the
same words are the article's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice

import regex

from ..model import Match, Rule, RuleKind
from ..textnorm import SENTENCE_END, key
from .base import Field, Kind, Placing, plain
from .tools import folded_words, tokens


def _parse(entry: dict, values: dict, ctx) -> dict:
    return plain(entry, values, ctx) | {
        "words": folded_words(values, ctx, '"home", "news"'),
        "separators": tuple(dict.fromkeys(s.strip() for s in values.get("separators", ()))),
        "prefixes": tuple(dict.fromkeys(p.strip().casefold() for p in values.get("prefixes", ())))}


def furniture_words(key: str, token: regex.Pattern) -> bool:
    """`key` is made only of the rule's words, figures and marks, with a word of two
    letters or more among them ("Updated 2 hours ago", "Staff writer", "12.03.2025 · News")."""
    at, strong = 0, False
    for m in token.finditer(key):
        if m.start() != at:
            return False
        at = m.end()
        strong = strong or (m.lastgroup == "word" and sum(c.isalpha() for c in m.group()) > 1)
    return at == len(key) and strong


class Shapes:
    """A rule's vocabulary and marks, compiled once per rule (`shapes`): the token pattern
    of its words, the splits at its separators and before its byline prefixes. Compared
    by identity, so that a memo keyed on it hashes nothing long."""

    __slots__ = ("token", "trail", "parts", "bare", "max_words")

    def __init__(self, words: tuple[str, ...], separators: tuple[str, ...],
                 prefixes: tuple[str, ...], max_words: int) -> None:
        self.token = tokens(words)
        self.max_words = max_words
        marks = "|".join(rf"\s{re.escape(s)}\s" for s in separators)
        self.trail = re.compile(marks) if separators else None
        byline = "|".join(rf"\b{re.escape(p)}\s" for p in prefixes)
        ok = bool(separators and prefixes)
        self.parts = re.compile(rf"{marks}|(?i:(?<!\w)(?={byline}))") if ok else None
        self.bare = re.compile(rf"^(?i:{byline})") if ok else None


@lru_cache(maxsize=32)  # one per rule, not per document
def shapes(words: tuple[str, ...], separators: tuple[str, ...], prefixes: tuple[str, ...],
           max_words: int) -> Shapes:
    return Shapes(words, separators, prefixes, max_words)


def breadcrumbs(key: str, at: Shapes) -> bool:
    """A trail: 3 or more short segments between separators, or 2 led by one of the
    words ("Home / Sport"); no segment a sentence or holding a figure (a table row,
    "| Queen | 90x90 |", is data)."""
    if at.trail is None:
        return False
    parts = at.trail.split(key)
    if len(parts) < 2 or any(not p.strip() or len(p.split()) > at.max_words
                             or p.strip().endswith(SENTENCE_END) or _FIGURE.search(p)
                             for p in parts):
        return False
    return len(parts) >= 3 or furniture_words(parts[0].strip(), at.token)


_FIGURE = re.compile(r"\d")


def metadata_with_names(text: str, at: Shapes) -> bool:
    """Post metadata that names its author: "Posted 9 March 2025 by Hazel Okafor · 6 min
    read", "109 Comments | Jill Winger | Last Updated: March 11, 2019". The line falls
    into segments at the `separators` and before a byline word of `prefixes` ("by",
    "von"); each segment is furniture words or a name (1 to `max_words` capitalised
    words, no figure), at most two are names, and one of the furniture holds a figure
    (a date, a time, a count): a name and a section label alone are not metadata."""
    if at.parts is None:
        return False
    parts = [p.strip(" :,") for p in at.parts.split(text)]
    names = dated = 0
    for part in filter(None, parts):
        bare = at.bare.sub("", part + " ").strip()
        if bare == part and furniture_words(key(part), at.token):
            dated += bool(_FIGURE.search(part))
        elif _name(bare, at.max_words) and (bare != part or len(bare.split()) > 1):
            names += 1  # after "by", or of two words or more
        else:
            return False
    return 0 < names <= 2 and dated > 0


def _name(text: str, max_words: int) -> bool:
    """A person's name as bylines print it: capitalised words, a short particle between
    ("Ana de la Cruz", "Jan van Dijk"), no figure."""
    words = text.split()
    return 0 < len(words) <= max_words and not _FIGURE.search(text) \
        and words[0][0].isupper() and words[-1][0].isupper() \
        and all(w[0].isupper() or (len(w) <= 3 and w.isalpha()) for w in words)


def head_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    view = at.view
    first = next((i for i in view.forward() if view.prose(i, rule.prose_chars)), None)
    if first is None:
        return  # no body to tell the head from
    shaped = shapes(rule.words, rule.separators, rule.prefixes, rule.max_words)
    window = islice(view.forward(0, first), 1, rule.within_first or None)
    for i in window:
        if view.sizes.each[i] > rule.max_chars:
            continue
        if why := furniture(view.keys[i], view.doc.blocks[i].text, shaped):
            yield Match(rule.id, i, why)


@lru_cache(maxsize=1 << 16)
def furniture(k: str, text: str, at: Shapes) -> str:
    """What head furniture the block (its key and its text) is, or "". Memoised (bounded),
    as blockclass.features is: decide asks again for the same blocks in every round, and
    the answer is a pure function of the block and the rule's compiled shapes."""
    if furniture_words(k, at.token):
        return "a line of head furniture words above the body"
    if breadcrumbs(k, at):
        return "a breadcrumb trail above the body"
    if metadata_with_names(text, at):
        return "post metadata with its author's name above the body"
    return ""


KIND = Kind(
    RuleKind.HEAD,
    fields={"words": Field.STRINGS, "separators": Field.STRINGS, "within_first": Field.INT,
            "max_chars": Field.INT, "max_words": Field.INT, "prose_chars": Field.INT,
            "prefixes": Field.STRINGS},
    defaults={"max_chars": 80, "max_words": 4},
    parse=_parse,
    place=head_matches,
)
