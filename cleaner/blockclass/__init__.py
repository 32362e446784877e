"""The block classifier: which blocks of whole-page text are menus, footers, link lists
and tag clouds, from shallow features and the blocks around them (jusText's method,
on text without markup).

Read it in its shape: features, classify, revise. Pure functions of the blocks' texts
and the rule's thresholds; the result names, for each block, why it goes ("" if it stays).

>>> from cleaner.model import Thresholds
>>> body = ("The council met on Tuesday to discuss the budget for the next year, and "
...         "the mayor said that the city could not wait any longer for the money it needs.")
>>> t = Thresholds(stoplists=(frozenset("the to for and that it a of on any".split()),),
...                notices=("©",))
>>> for why in verdicts(["Title", body, "Share | Print | Email", "About us", "© 2025 Ledger"], t):
...     print(repr(why))
''
''
'3 labels joined by separators'
'short block between noise; link-like'
'a copyright notice'
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Thresholds
from .classify import classify
from .features import Vocabulary, best_stoplist, features
from .revise import revise


def verdicts(texts: Sequence[str], t: Thresholds) -> list[str]:
    """For each text (a block, in document order), the reason it goes, or "" if it stays.
    The first block is the title and stays, as with every kind that judges shapes.
    A document in a language none of the stoplists covers loses nothing: without
    stopwords the classifier cannot tell prose from a list."""
    stopwords = best_stoplist(texts, t.stoplists, t.min_language_share)
    if not stopwords:
        return [""] * len(texts)
    feats = features(texts, Vocabulary(stopwords, t.tools, t.notices), t.label_words)
    return ["", *revise(feats, classify(feats, t), t)[1:]]


__all__ = ["verdicts"]
