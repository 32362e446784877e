"""Context-free classes: what each block is on its own, before its neighbours speak.

GOOD is body: a paragraph, or a sentence of prose, with many stopwords; NEARGOOD may
be body (a shorter paragraph, a sentence); SHORT cannot tell on its own (a subheading, a
menu entry, a one-line paragraph) and is settled by its neighbours in `revise`; BAD is
noise on its own: a copyright notice, a line of page tools, labels joined by separators.
A long block with fewer stopwords than `min_list_density` and no sentence (a tag cloud,
a flattened link list) is BAD too; the built-in rule sets that to 0 (never): on whole-page
text without links, such blocks are as often the body's list items, headings and tables.

>>> t = Thresholds()
>>> [c.kind.value for c in classify(features(["Home | News | Sport | Weather"], Vocabulary()), t)]
['bad']
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import NamedTuple

from ..model import Thresholds
from .features import Features, Vocabulary, features  # noqa: F401 (doctest)


class Kind(str, Enum):
    GOOD = "good"
    NEARGOOD = "neargood"
    SHORT = "short"
    BAD = "bad"


SEPARATED = "labels joined by separators"


class Class(NamedTuple):
    kind: Kind
    reason: str  # why, for a BAD block: what the removal step will say


def classify(feats: Sequence[Features], t: Thresholds) -> list[Class]:
    return [_class(f, t) for f in feats]


def prose(f: Features, t: Thresholds) -> bool:
    """A block with sentence prose in it: the classifier never removes one."""
    return f.sentence and f.words >= t.prose_words


def _class(f: Features, t: Thresholds) -> Class:
    bad = _bad(f, t)
    if bad:
        return Class(Kind.BAD, bad)
    if f.density >= t.stopwords_high and (f.chars >= t.length_high or prose(f, t)):
        return Class(Kind.GOOD, "")  # a long paragraph, or a sentence of prose
    if f.chars < t.length_low:
        return Class(Kind.NEARGOOD if prose(f, t) else Kind.SHORT, "")
    if f.density >= t.stopwords_low or prose(f, t):
        return Class(Kind.NEARGOOD, "")
    if f.sentence or f.density >= t.min_list_density:
        return Class(Kind.SHORT, "")  # let the neighbours say
    return Class(Kind.BAD, f"{f.words} words, {f.density:.0%} stopwords, no sentence")


def _bad(f: Features, t: Thresholds) -> str:
    if prose(f, t):
        return ""
    if f.notice and f.chars <= t.max_notice_chars:
        return "a copyright notice"
    if f.words and f.words <= t.max_tool_words and f.tools / f.words >= t.tool_share \
            and not f.sentence:
        return f"page tools ({f.tools} of {f.words} words)"
    if f.marks >= 2 and not f.sentence and not f.table \
            and f.words <= (f.marks + 1) * t.max_mark_words:
        return f"{f.marks + 1} {SEPARATED}"
    return ""
