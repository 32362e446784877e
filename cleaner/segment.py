"""Stage 2, segment: text -> a Document of Blocks. Every non-empty line is one block.

Scraped text and extractor output put one paragraph on one line (trafilatura) or
separate paragraphs with blank lines (most others); a line is the unit both share.
"""

from __future__ import annotations

from itertools import repeat

from .model import Block, BlockKind, Document, InputKind, Meta
from .textnorm import BULLETS, LIST_MARK

_NO_BREAK = ("\u00a0", "\u202f", "\u2007")
_LIST_START = frozenset(BULLETS + "0123456789")


def segment_text(text: str, meta: Meta | None = None) -> Document:
    """One block per line that is not blank, stored as it will be printed: no-break
    spaces plain, no edge spaces, so that every length a guard measures is the same when
    the output is cleaned again. The work runs over the whole text where it can."""
    if not text.isascii():
        for space in _NO_BREAK:
            if space in text:
                text = text.replace(space, " ")
    stripped = [line.strip() for line in text.splitlines()]
    numbers = [n for n, line in enumerate(stripped, 1) if line]
    texts = [stripped[n - 1] for n in numbers]
    kinds = [BlockKind.PARAGRAPH] * len(texts)
    for j, line in enumerate(texts):
        if (line[0] in _LIST_START or line[0].isdecimal()) \
                and (m := LIST_MARK.match(line)) and len(line) > m.end():
            kinds[j] = BlockKind.LIST_ITEM
    # tuple.__new__ is what Block._make calls, without a Python frame per block
    blocks = map(tuple.__new__, repeat(Block), zip(range(len(texts)), texts, kinds, numbers))
    return Document(tuple(blocks), InputKind.TEXT, meta or Meta())
