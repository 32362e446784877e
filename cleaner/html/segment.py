"""Stage 2 for HTML: parse, extract the main content with trafilatura, turn its block
structure into blocks, take out the blocks that stand inside elements the element rules
name, and make a Document of the rest (title first, as in text).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from lxml import etree
from lxml import html as lxml_html

from ..model import Block, BlockKind, Document, InputKind, InputTooLarge, Meta, Step
from . import guard, overlay
from .dom import DomRules, plan
from .meta import page_meta

_SPACE = re.compile(r"\s+")
_KINDS = {"head": BlockKind.HEADING, "item": BlockKind.LIST_ITEM, "quote": BlockKind.QUOTE}
_SKIP = {"graphic", "ref", "note"}
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 13))  # as trafilatura.utils deletes
_ELEMENTS = etree.XPath("count(descendant-or-self::*)")


class Segmented(NamedTuple):
    doc: Document
    dropped: tuple[Step, ...]  # extracted blocks that element rules removed
    refused: tuple[str, ...] = ()  # element rules the share guard stopped
    guarded: tuple[Step, ...] = ()  # element rules the prose guard undid for this page


def parse(html: str, utf8: bytes | None = None) -> etree._Element | None:
    """Parse as trafilatura's loader does (same parser options, same repairs, same
    fragment handling), so extraction sees the tree it expects; but faster:

    - the parser gives every element lxml.html's HtmlElement class by a lookup done in C
      (lxml.html's own lookup calls Python for every element object lxml creates, and
      trafilatura and our rules create some thousands a page); trafilatura uses no
      form or input element methods, so the tree behaves the same;
    - libxml2 reads UTF-8 bytes (`utf8`, when given, is `html` in UTF-8 already), and
      the control characters trafilatura deletes with a regex over the whole page are
      looked for in the bytes first (they are rare).
    """
    beginning = html[:50].lower()
    try:
        data = _utf8(html, beginning, utf8)
    except UnicodeEncodeError:  # a str with lone surrogates: let trafilatura decide what it is
        return _load_html(html)
    try:
        tree = lxml_html.fromstring(data, parser=_parser())
    except Exception:  # lxml's errors on a hopeless page; trafilatura logs them and gives up too
        return None
    # trafilatura's test for "is this HTML at all": a page that does not name html
    # must at least parse into two elements
    if tree is not None and "html" not in beginning and len(tree) < 2:
        return None
    return tree


def parse_log():
    """What libxml2 reported on the last parse (content it dropped, among others)."""
    return _parser().error_log


@functools.cache
def _parser() -> etree.HTMLParser:
    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                              remove_comments=True, remove_pis=True)  # trafilatura's options
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))
    return parser


def _utf8(html: str, beginning: str, data: bytes | None) -> bytes:
    """The page as UTF-8, with trafilatura's repairs (utils.repair_faulty_html)."""
    from .trafilatura_private import repair_faulty_html

    data = html.encode("utf-8") if data is None else data
    # control characters are single bytes in UTF-8: deleting them from the bytes is cheap
    if len(data.translate(None, _CONTROL)) != len(data) or b"\xef\xbf\xbe" in data \
            or b"\xef\xbf\xbf" in data or _faulty_html(html):
        return repair_faulty_html(html, beginning).encode("utf-8")
    if "doctype" in beginning:  # a doctype with a slash in its first line
        first, _, rest = data.partition(b"\n")
        data = _doctype().sub(b"", first, count=1) + b"\n" + rest
    return data


@functools.cache
def _doctype() -> re.Pattern:
    """trafilatura's DOCTYPE_TAG, for bytes (its pattern is ASCII)."""
    from .trafilatura_private import DOCTYPE_TAG

    return re.compile(DOCTYPE_TAG.pattern.encode("ascii"), DOCTYPE_TAG.flags & ~re.UNICODE)


def _load_html(html: str) -> etree._Element | None:
    from trafilatura import load_html

    try:
        return load_html(html)
    except (ValueError, etree.LxmlError):
        return None


def _faulty_html(html: str) -> bool:
    """A self-closed <html/> in the first lines (as trafilatura looks for it)."""
    return any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


def check_size(root: etree._Element, limit: int) -> None:
    if _ELEMENTS(root) > limit:  # counted in C: iterating in Python costs 0.2 ms a page
        raise InputTooLarge(f"page has more than {limit:,} elements "
                            "(max_elements, --max-elements)")


def canonical_url(root: etree._Element) -> str | None:
    found = root.xpath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')
    return str(found[0]).strip() if found else None


def segment_html(root: etree._Element | None, url: str | None, dom: DomRules,
                 inactive: frozenset[str] = frozenset()) -> Segmented:
    if root is None:
        return Segmented(Document((), InputKind.HTML, Meta(url=url)), ())
    meta = page_meta(root, url)  # from the whole tree: meta tags and JSON-LD
    body, dropped, refused, guarded = _extraction(root, url, dom, inactive)
    if body is None:
        return Segmented(Document((), InputKind.HTML, meta), dropped, refused, guarded)
    texts = ([(meta.title, BlockKind.HEADING)] if meta.title else []) + body
    blocks = tuple(Block(i, t, k) for i, (t, k) in enumerate(texts))
    return Segmented(Document(blocks, InputKind.HTML, meta), dropped, refused, guarded)


def _extraction(root, url, dom: DomRules, inactive: frozenset[str]):
    """The main content as blocks, minus the blocks that lie wholly inside an element an
    element rule names (see .overlay), minus the drops of any rule that would cost the
    page prose (see .guard). The page is extracted once, whole: a drop can take blocks
    out of what the extractor returns, never move the extractor onto other content."""
    planned = plan(root, dom, inactive)
    full = _extract(root, url)
    if full is None:
        return None, (), planned.refused, ()
    blocks = _blocks(full)
    if not planned.drops or not blocks:
        return blocks, (), planned.refused, ()
    page = overlay.page_text(root, {el: i for i, (el, _) in enumerate(planned.drops)})
    where = overlay.placed(page, [text for text, _ in blocks])
    steps = [step for _, step in planned.drops]
    covered: dict[str, list[str]] = {}
    for (text, _), d in zip(blocks, where):
        if d >= 0:
            covered.setdefault(steps[d].rule, []).append(text)
    cost = guard.costly_rules(covered)
    gone = [i for i, d in enumerate(where) if d >= 0 and steps[d].rule not in cost]
    dropped = tuple(steps[where[i]]._replace(text=blocks[i][0]) for i in gone)
    taken = set(gone)
    kept = [b for i, b in enumerate(blocks) if i not in taken]
    return kept, dropped, planned.refused, guard.guard_steps(cost)


def _extract(root, url):
    # trafilatura's defaults, fallbacks included, on the whole parsed tree.
    # Metadata comes from .meta, which skips the readers we do not use.
    from .extract import extract

    return extract(root, url)


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
    """The element's text, split where trafilatura marked a line break (<lb/>) and where
    its text has one: the baseline rescue hands over a page of <div>s as one <p> whose
    lines are the page's text runs, and one block for them all would glue the menu to
    the article (and no block rule could ever match a line of it)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("")
        else:
            parts[-1] += "".join(child.itertext())
        parts[-1] += child.tail or ""
    return [c for c in (_clean(line) for p in parts for line in p.split("\n")) if c]


def _add(text: str | None, kind: BlockKind, out: list) -> None:
    if text:
        out.append((text, kind))


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    return _SPACE.sub(" ", text).strip() or None
