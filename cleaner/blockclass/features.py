"""Shallow features of each block, in the manner of jusText and boilerpipe.

A block of whole-page text carries no markup: what tells a menu from a paragraph is
its length, how many of its words are a language's function words (stopwords: "the",
"of", "und", "les"), whether it holds a sentence, whether it looks like a link label,
and how many of its words are the names of page tools ("share", "print", "email").

>>> f = features(["Home | News | Sport", "The mayor said the vote would come next week."],
...              Vocabulary(stopwords=frozenset({"the", "would"})))
>>> f[0].marks, f[0].sentence, f[1].stopwords, f[1].sentence
(2, False, 3, True)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from ..textnorm import SENTENCE_END

WORD = re.compile(r"\w+")
# the marks that join link labels in a one-line menu: "Home | News", "Home › News"
_MARKS = re.compile(r"\s[|·•›»/]\s")
_ANY_MARK = re.compile(r"[|·•›»/]")
_SENTENCE_INSIDE = (". ", "! ", "? ")
_TWO_NUMBERS = re.compile(r"\d\D+\d")


class Vocabulary(NamedTuple):
    """The words the features count: one language's stopwords, the page-tool words, and
    the marks of a notice ("©"). All compared case-folded."""

    stopwords: frozenset[str] = frozenset()
    tools: frozenset[str] = frozenset()
    notices: tuple[str, ...] = ()


class Features(NamedTuple):
    chars: int
    words: int
    stopwords: int  # how many of its words are stopwords
    sentence: bool  # ends with a sentence mark, or holds one followed by a space
    label: bool  # the shape of a link label: a few words, the first capitalised, no end mark
    tools: int  # how many of its words name a page tool
    marks: int  # separators between labels on one line ("Home | News | Sport": 2)
    table: bool  # a row of a table: "| a | b |", or figures ("2024 | 1,420,000 | 63")
    notice: bool  # a copyright sign or "all rights reserved"

    @property
    def density(self) -> float:
        """The share of its words that are stopwords (0 for a block without words)."""
        return self.stopwords / self.words if self.words else 0.0


def features(texts: Sequence[str], vocabulary: Vocabulary, label_words: int = 5) -> list[Features]:
    """The features of each text (a block, as printed)."""
    return [_one(t, vocabulary, label_words) for t in texts]


@lru_cache(maxsize=1 << 16)
def _one(text: str, vocab: Vocabulary, label_words: int) -> Features:
    """Memoised (bounded), as textnorm.size is: decide asks again for the same blocks in
    every round. A pure function of its arguments, so no document's result depends on
    another's."""
    text = text.strip()
    folded = text.casefold()
    words = words_of(text)
    ends = text.endswith(SENTENCE_END)
    sentence = ends or any(m in text for m in _SENTENCE_INSIDE)
    first = WORD.search(text)
    label = 0 < len(words) <= label_words and not ends and "," not in text \
        and not (first and first.group()[0].islower())
    return Features(
        chars=len(text),
        words=len(words),
        stopwords=sum(map(vocab.stopwords.__contains__, words)),
        sentence=sentence,
        label=label,
        tools=sum(map(vocab.tools.__contains__, words)) if vocab.tools else 0,
        marks=_marks(text) if _ANY_MARK.search(text) else 0,
        table=text[:1] == "|" or text[-1:] == "|" or bool(_TWO_NUMBERS.search(text)),
        notice=any(n in folded for n in vocab.notices),
    )


def _marks(text: str) -> int:
    """Separators between labels, when every label is written as one (not in lower case:
    "organic cotton | linen | hemp" lists materials, it is no menu)."""
    labels = _MARKS.split(text)
    if len(labels) < 2 or any(label.strip()[:1].islower() for label in labels):
        return 0
    return len(labels) - 1


def best_stoplist(texts: Iterable[str], stoplists: Sequence[frozenset[str]],
                  min_share: float) -> frozenset[str]:
    """The stoplist that covers most of the words of the document: a cheap language guess.
    None of them covering `min_share` of the words (a language we have no list for):
    the empty list, and then no block looks like prose to the classifier."""
    counts = Counter(chain.from_iterable(map(words_of, texts)))
    total = sum(counts.values())
    if not total or not stoplists:
        return frozenset()
    # a document holds a few hundred of the lists' words: meet them as sets once (the
    # words of no list at all, most of them, are left out in C), then add each word's
    # count to the lists that hold it (most words are in one list, not in all of them)
    stoplists = tuple(stoplists)
    lists_of = _lists_of(stoplists)
    covered = [0] * len(stoplists)
    for word in lists_of.keys() & counts.keys():
        n = counts[word]
        for j in lists_of[word]:
            covered[j] += n
    best = max(range(len(stoplists)), key=covered.__getitem__)
    return stoplists[best] if covered[best] / total >= min_share else frozenset()


@lru_cache(maxsize=1 << 16)
def words_of(text: str) -> tuple[str, ...]:
    """The words of a block, case-folded. Memoised (bounded) like `_one`: the language
    guess counts them, and then the features of the same blocks count them again."""
    return tuple(WORD.findall(text.casefold()))


@lru_cache(maxsize=8)
def _lists_of(stoplists: tuple[frozenset[str], ...]) -> dict[str, tuple[int, ...]]:
    """For each word of the lists, the indices of the lists that hold it (a rule's lists
    are built once: a bounded memo of a pure function, as `_one` is)."""
    held: dict[str, list[int]] = {}
    for j, s in enumerate(stoplists):
        for word in s:
            held.setdefault(word, []).append(j)
    return {word: tuple(js) for word, js in held.items()}

