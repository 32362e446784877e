"""The metric of WCXB (the Web Content Extraction Benchmark), as its README states it.

- tokens: the lower-cased `\\w+` runs of a text, as a multiset;
- per page: precision = shared tokens / predicted tokens, recall = shared / true tokens,
  F1 their harmonic mean; an empty prediction scores 0 (1 if the truth is empty too);
- over pages: each figure is the mean of the per-page figures.

Snippets: a `with` snippet is found when its token sequence stands, in order and
contiguous, in the prediction's token sequence (so punctuation and line breaks between the
words do not matter); likewise a `without` snippet.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

import regex

_WORD = regex.compile(r"\w+")


class PageScore(NamedTuple):
    f1: float
    precision: float
    recall: float


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def page_score(truth: str, pred: str) -> PageScore:
    t, p = Counter(tokens(truth)), Counter(tokens(pred))
    nt, np_ = sum(t.values()), sum(p.values())
    if nt == 0 or np_ == 0:
        same = float(nt == np_)
        return PageScore(same, same, same)
    shared = sum((t & p).values())
    if shared == 0:
        return PageScore(0.0, 0.0, 0.0)
    precision, recall = shared / np_, shared / nt
    return PageScore(2 * precision * recall / (precision + recall), precision, recall)


class Haystack:
    """A prediction's token sequence, joined so that snippet look-ups are substring tests
    on word boundaries."""

    def __init__(self, text: str):
        self._joined = " " + " ".join(tokens(text)) + " "

    def has(self, snippet: str) -> bool:
        words = tokens(snippet)
        return bool(words) and f" {' '.join(words)} " in self._joined


def found(snippets: list[str], text: str) -> list[bool]:
    """For each snippet, whether it stands in the text."""
    hay = Haystack(text)
    return [hay.has(s) for s in snippets]
