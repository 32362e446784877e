"""HTML, after extraction: which extracted blocks lie wholly inside an element that an
element rule names.

The page is extracted once, whole, as trafilatura's defaults would extract it; element
rules then remove blocks, not elements. A block goes when all its text stands inside
one element a rule planned to drop: the menu line, the share bar, the related list that
the extractor took in. The extractor never sees a pruned page, so a drop cannot move it
onto another part of the page, and what the rules remove is a part of what trafilatura
alone returns, block by block, each with the element that explains it.

Where a block is in the page is found by its text: the page's text in document order
(each run labelled with the planned drop it stands in, if any) is searched for the
block's letters and digits from where the previous block was found. Comparing only
letters and digits, case-folded, ignores what the extractor changes (white space, the
" | " between table cells, quotes it normalises).
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

import regex
from lxml import etree

_NOT_WORD = regex.compile(r"[\W_]+")
_SKIP = frozenset(("head", "script", "style", "noscript", "template"))


class Page(NamedTuple):
    """The page's text as keys, in document order, with the drop each run stands in."""

    text: str
    starts: list[int]  # where each run begins in `text`
    labels: list[int]  # index of the planned drop the run stands in, -1 for none


def key(text: str) -> str:
    return _NOT_WORD.sub("", text).casefold()


def page_text(root: etree._Element, dropped: dict[etree._Element, int]) -> Page:
    parts: list[str] = []
    starts: list[int] = []
    labels: list[int] = []
    size = 0
    inside: list[int] = [-1]
    skipping = 0

    def add(text: str | None) -> None:
        nonlocal size
        k = key(text) if text and not skipping else ""
        if k:
            parts.append(k)
            starts.append(size)
            labels.append(inside[-1])
            size += len(k)

    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):  # comments and processing instructions
            if event == "end":
                add(el.tail)
            continue
        if event == "start":
            if el in dropped and inside[-1] == -1:
                inside.append(dropped[el])
            else:
                inside.append(inside[-1])
            skipping += el.tag in _SKIP
            add(el.text)
        else:
            skipping -= el.tag in _SKIP
            inside.pop()
            add(el.tail)
    return Page("".join(parts), starts, labels)


def placed(page: Page, blocks: list[str]) -> list[int]:
    """For each block, the planned drop that holds all of its text, or -1.

    Blocks come in document order, so each is looked for from where the one before it
    ended. A short block can stand in several places (a heading that the menu and the
    breadcrumb repeat): the block is taken to be the last of them before where the next
    block is found, the one next to its neighbour in the extraction."""
    keys = [key(text) for text in blocks]
    out: list[int] = []
    cursor = 0
    for i, k in enumerate(keys):
        at = _where(page.text, k, cursor, keys[i + 1] if i + 1 < len(keys) else "")
        if at < 0:
            out.append(-1)
            continue
        if at >= cursor:
            cursor = at + len(k)
        out.append(_holder(page, at, at + len(k)))
    return out


def _where(text: str, k: str, cursor: int, following: str) -> int:
    if not k:
        return -1
    at = text.find(k, cursor)
    if at < 0:
        return text.find(k)  # out of order: the extractor moved it
    nxt = text.find(following, at + len(k)) if following else -1
    if nxt < 0:
        return at
    last = text.rfind(k, at, nxt)
    return last if last >= 0 else at


def _holder(page: Page, start: int, end: int) -> int:
    first = bisect.bisect_right(page.starts, start) - 1
    last = bisect.bisect_left(page.starts, end) - 1
    labels = set(page.labels[first:last + 1])
    return labels.pop() if len(labels) == 1 else -1
