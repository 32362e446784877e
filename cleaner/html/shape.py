"""HTML, between parsing and extraction: what the parser lost, and the tree's shape
made safe for the extractor's quadratic path.

trafilatura's paragraph handling costs the square of the inline elements inside one
<p> (10,000 of them: seconds; 290,000: past any patience), inside C calls that no
timer interrupts. A paragraph's count of inline elements is cheap to measure, so the
heaviest paragraphs are flattened (made one text node, their text kept, in place)
until the total cost is that of an ordinary page. An ordinary page is far
below the budget and left as it is.

libxml2 drops content silently past its limits (elements nested more than 255 deep,
a text node over 10 MB); its error log says so, and so must the result.
"""

from __future__ import annotations

from lxml import etree

BUDGET = 1_000_000  # the sum over paragraphs of (inline elements)², about 0.4 s of work
_IN_PARAGRAPHS = etree.XPath("count(//p//*)")
_INSIDE = etree.XPath("count(.//*)")
_LOSSES = {
    "Excessive depth": "the page nests elements deeper than the HTML parser's limit of 255 "
                       "levels; the parser stopped there and the rest of the page was dropped",
    "Buffer size limit": "the page has a text node over the HTML parser's 10 MB limit; "
                         "the parser dropped the page from there on",
    "huge text node": "the page has a text node over the HTML parser's 10 MB limit; "
                      "the parser dropped the page from there on",
}


def parser_losses(error_log) -> tuple[str, ...]:
    """"lost: ..." warnings for the content libxml2 says it dropped."""
    found = []
    for entry in error_log:
        for marker, why in _LOSSES.items():
            if marker in entry.message and f"lost: {why}" not in found:
                found.append(f"lost: {why}")
    return tuple(found)


def flatten_heavy_paragraphs(root: etree._Element, budget: int = BUDGET) -> tuple[str, ...]:
    """Flatten the paragraphs that cost most, until the rest costs at
    most `budget`; a warning if any was flattened. Changes `root`; no text is lost."""
    total = int(_IN_PARAGRAPHS(root))
    if total * total <= budget:  # the common case: one XPath count in C
        return ()
    sizes = sorted(((int(_INSIDE(p)), p) for p in root.iter("p")), key=lambda s: -s[0])
    cost = sum(n * n for n, _ in sizes)
    flattened = inline = 0
    for n, p in sizes:
        if cost <= budget:
            break
        _flatten(p)
        cost -= n * n
        flattened, inline = flattened + 1, inline + n
    if not flattened:
        return ()
    return (f"shape: flattened {flattened} paragraph(s) holding {inline:,} inline elements "
            "(the extractor is quadratic in them); their text is kept, their links and "
            "formatting are not",)


def _flatten(p: etree._Element) -> None:
    """`p` as one text node: its text and its descendants' in order, a line break where
    a <br> was. (Stripping the tags would leave one text node per former element, and
    the cost is in the text nodes as much as in the elements.)"""
    for br in p.iter("br"):
        br.tail = "\n" + (br.tail or "")
    text = "".join(p.itertext())
    p.clear(keep_tail=True)
    p.text = text
