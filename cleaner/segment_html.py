"""Stage 2 for HTML: parse, prune with element rules, extract the main content with
trafilatura, and turn its block structure into a Document (title first, as in text).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import etree

from .html_dom import DomRules, prune
from .html_meta import page_meta
from .model import Block, BlockKind, Document, InputKind, InputTooLarge, Meta, Step

_SPACE = re.compile(r"\s+")
_KINDS = {"head": BlockKind.HEADING, "item": BlockKind.LIST_ITEM, "quote": BlockKind.QUOTE}
_SKIP = {"graphic", "ref", "note"}


class Segmented(NamedTuple):
    doc: Document
    dropped: tuple[Step, ...]  # elements removed before extraction
    refused: tuple[str, ...] = ()  # element rules the share guard stopped


def parse(html: str) -> etree._Element | None:
    """Parse like trafilatura does (its own loader), so extraction sees the tree it expects."""
    from trafilatura.core import load_html

    try:
        return load_html(html)
    except (ValueError, etree.LxmlError):
        return None


def check_size(root: etree._Element, limit: int) -> None:
    count = 0
    for _ in root.iter():
        count += 1
        if count > limit:
            raise InputTooLarge(f"page has more than {limit:,} elements "
                                "(max_elements, --max-elements)")


def canonical_url(root: etree._Element) -> str | None:
    found = root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    return str(found[0]).strip() if found else None


def segment_html(root: etree._Element | None, url: str | None, dom: DomRules,
                 inactive: frozenset[str] = frozenset()) -> Segmented:
    if root is None:
        return Segmented(Document((), InputKind.HTML, Meta(url=url)), ())
    meta = page_meta(root, url)  # before pruning: meta tags and JSON-LD are all there
    dropped, refused = prune(root, dom, inactive)
    extracted = _extract(root, url)
    if extracted is None:
        return Segmented(Document((), InputKind.HTML, meta), dropped, refused)
    texts = ([(meta.title, BlockKind.HEADING)] if meta.title else []) + list(_blocks(extracted.body))
    blocks = tuple(Block(i, t, k) for i, (t, k) in enumerate(texts))
    return Segmented(Document(blocks, InputKind.HTML, meta), dropped, refused)


def _extract(root, url):
    from trafilatura import bare_extraction

    # fast=True: no readability/justext fallback; our element rules did the pruning.
    # Metadata comes from html_meta, which skips the readers we do not use.
    return bare_extraction(root, url=url, fast=True, with_metadata=False,
                           include_comments=False, include_tables=True, include_images=False)


def _blocks(body) -> list[tuple[str, BlockKind]]:
    out: list[tuple[str, BlockKind]] = []
    if body is None:
        return out
    for el in body:
        _walk(el, BlockKind.PARAGRAPH, out)
    return out


def _walk(el, inherited: BlockKind, out: list) -> None:
    if el.tag in _SKIP:
        return
    kind = _KINDS.get(el.tag, inherited)
    if el.tag in ("list", "table") or (el.tag == "quote" and len(el) and el[0].tag == "p"):
        for child in el:
            _walk(child, kind, out)
        return
    if el.tag == "row":
        cells = [_clean("".join(c.itertext())) for c in el]
        _add(" | ".join(c for c in cells if c), kind, out)
        return
    for line in _lines(el):
        _add(line, kind, out)


def _lines(el) -> list[str]:
    """The element's text, split where trafilatura marked a line break (<lb/>)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("")
        else:
            parts[-1] += "".join(child.itertext())
        parts[-1] += child.tail or ""
    return [c for c in (_clean(p) for p in parts) if c]


def _add(text: str | None, kind: BlockKind, out: list) -> None:
    if text:
        out.append((text, kind))


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    return _SPACE.sub(" ", text).strip() or None
