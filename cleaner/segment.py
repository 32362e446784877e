"""Stage 2, segment: text -> a Document of Blocks. Every non-empty line is one block.

Scraped text and extractor output put one paragraph on one line (trafilatura) or
separate paragraphs with blank lines (most others); a line is the unit both share.
"""

from __future__ import annotations

from .model import Block, BlockKind, Document, InputKind, Meta
from .textnorm import LIST_MARK, normalize_space


def segment_text(text: str, meta: Meta | None = None) -> Document:
    blocks = []
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line.isspace():
            # stored as it will be printed (no-break spaces plain, no edge spaces), so that
            # every length a guard measures is the same when the output is cleaned again
            text = normalize_space(line)
            listed = LIST_MARK.match(text) and len(text) > LIST_MARK.match(text).end()
            kind = BlockKind.LIST_ITEM if listed else BlockKind.PARAGRAPH
            blocks.append(Block(len(blocks), text, kind, number))
    return Document(tuple(blocks), InputKind.TEXT, meta or Meta())
