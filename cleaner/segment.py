"""Stage 2, segment: text -> a Document of Blocks. Every non-empty line is one block.

Scraped text and extractor output put one paragraph on one line (trafilatura) or
separate paragraphs with blank lines (most others); a line is the unit both share.
"""

from __future__ import annotations

import re

from .model import Block, BlockKind, Document, InputKind, Meta
from .textnorm import normalize_space

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□➢➤►\-\*–—]|\d{1,3}[.)])\s+\S")


def segment_text(text: str, meta: Meta | None = None) -> Document:
    blocks = []
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line.isspace():
            kind = BlockKind.LIST_ITEM if _BULLET.match(line) else BlockKind.PARAGRAPH
            # stored as it will be printed (no-break spaces plain, no edge spaces), so that
            # every length a guard measures is the same when the output is cleaned again
            blocks.append(Block(len(blocks), normalize_space(line), kind, number))
    return Document(tuple(blocks), InputKind.TEXT, meta or Meta())
