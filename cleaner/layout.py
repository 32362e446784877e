"""Where each block stands once some blocks are gone, without rebuilding the document.

The decide stage settles removals in rounds, and every positional guard (among the
first N blocks, after a share of the text, N blocks from its copy, the section's share)
judges the blocks that are left. A View answers those questions from sums computed
once per document and the sorted list of blocks removed so far: a block's position
among the blocks left is its index less the removed blocks before it. A round then
costs what the rules look at, not the length of the document.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import accumulate, filterfalse
from typing import NamedTuple

from .model import BlockKind, Document
from .textnorm import SENTENCE_END, size
from .textnorm import keys as textnorm_keys


class Sizes(NamedTuple):
    """The characters each block counts for the guards, and their running sums."""

    each: tuple[int, ...]
    before: tuple[int, ...]  # before[i]: the characters of blocks 0..i-1; one longer


def measure(doc: Document) -> Sizes:
    """size() of every block. It discounts opening quotation marks, which are few: take
    the lengths, then find the marks over the whole document at once."""
    texts = [b.text for b in doc.blocks]
    each = list(map(len, texts))
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a block holds a line break: one by one
        each = list(map(size, texts))
    else:
        line = previous = 0
        for m in _OPENING.finditer(joined):
            line += joined.count("\n", previous, m.start())
            previous = m.start()
            each[line] -= 1
    return Sizes(tuple(each), tuple(accumulate(each, initial=0)))


_OPENING = re.compile('["\u201c\u00ab\u201e\u201a]')  # the marks size() does not count


class Traits(NamedTuple):
    """What each block looks like, worked out once per document for the positional kinds.

    sentence: it holds a sentence (". " inside, or a sentence mark at its end);
    label: it could be a link label, once short enough: not a list item (a list in the
    article has its bullets), no sentence mark at its end, not a row of figures (a table
    of standings or results is data, however short its rows)."""

    sentence: tuple[bool, ...]
    label: tuple[bool, ...]


def traits(doc: Document) -> Traits:
    blocks = doc.blocks
    ends = [b.text.rstrip().endswith(SENTENCE_END) for b in blocks]
    sentence = tuple([e or ". " in b.text or "! " in b.text or "? " in b.text
                      for e, b in zip(ends, blocks)])
    label = tuple([not e and b.kind != BlockKind.LIST_ITEM and not _TWO_NUMBERS.search(b.text)
                   for e, b in zip(ends, blocks)])
    return Traits(sentence, label)


_TWO_NUMBERS = re.compile(r"\d\D+\d")


class View(NamedTuple):
    """The document with the blocks in `gone` (sorted original indices) taken out.

    Indices in and out are the document's own; `position` gives the place among the
    blocks left, which is what positional guards count."""

    doc: Document
    sizes: Sizes
    traits: Traits
    keys: tuple[str, ...]  # each block's comparison form (textnorm.key)
    gone: tuple[int, ...] = ()
    gone_before: tuple[int, ...] = (0,)  # gone_before[k]: characters of gone[:k]
    gone_set: frozenset[int] = frozenset()

    def without(self, removed: set[int] | dict[int, object]) -> View:
        gone = tuple(sorted(removed))
        each = self.sizes.each
        return self._replace(gone=gone, gone_set=frozenset(gone),
                             gone_before=tuple(accumulate((each[i] for i in gone), initial=0)))

    def kept(self, i: int) -> bool:
        return i not in self.gone_set

    def position(self, i: int) -> int:
        return i - bisect_left(self.gone, i)

    def chars(self, start: int = 0, stop: int | None = None) -> int:
        """Characters of the blocks left in [start, stop)."""
        stop = len(self.doc.blocks) if stop is None else stop
        g0, g1 = bisect_left(self.gone, start), bisect_left(self.gone, stop)
        before = self.sizes.before
        return before[stop] - before[start] - (self.gone_before[g1] - self.gone_before[g0])

    def count(self, start: int, stop: int) -> int:
        """Blocks left in [start, stop)."""
        return stop - start - (bisect_left(self.gone, stop) - bisect_left(self.gone, start))

    def total(self) -> int:
        """Characters left, never 0 (shares divide by it)."""
        return self.chars() or 1

    def prose(self, i: int, chars: int) -> bool:
        """A paragraph of prose: at least `chars` characters, with a sentence in it."""
        return self.sizes.each[i] >= chars and self.traits.sentence[i]

    def share_before(self, i: int) -> float:
        return self.chars(0, i) / self.total()

    def forward(self, start: int = 0, stop: int | None = None) -> Iterator[int]:
        """Indices of the blocks left in [start, stop), in order."""
        stop = len(self.doc.blocks) if stop is None else stop
        # filterfalse and range iterate in C: kinds walk the blocks left in every round
        if not self.gone:
            return iter(range(start, stop))
        return filterfalse(self.gone_set.__contains__, range(start, stop))

    def backward(self, stop: int | None = None) -> Iterator[int]:
        """Indices of the blocks left below `stop`, last first."""
        stop = len(self.doc.blocks) if stop is None else stop
        if not self.gone:
            return iter(range(stop - 1, -1, -1))
        return filterfalse(self.gone_set.__contains__, range(stop - 1, -1, -1))


def view_of(doc: Document, keys: tuple[str, ...] | None = None) -> View:
    """The whole document; `keys` (textnorm.keys of the blocks) when already worked out."""
    if keys is None or len(keys) != len(doc.blocks):
        keys = tuple(textnorm_keys([b.text for b in doc.blocks])) if doc.blocks else ()
    return View(doc, measure(doc), traits(doc), keys)
