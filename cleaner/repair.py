"""Stage 5, repair: whitespace and quotation marks on the kept blocks, each edit a Step.

Quote repair restores an opening mark that a scraper dropped: a paragraph whose first
quotation mark is a closing one, and which has exactly one more closing mark than
opening marks, gets the opening mark of that closing mark's style at its start. The
style is the paragraph's own, so that a document quoting both ways ("..." and “...”)
is repaired in each; the document only says which styles are in use at all (“ closes
a quote only in German text, ‚ ‘ only where ‚ opens one). It only ever inserts;
apostrophes (it's, the '90s) are never quote marks here, so never touched.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .model import Block, BlockKind, Step
from .textnorm import LIST_MARK, normalize_space


class Style(NamedTuple):
    name: str
    opening: str
    closing: str


STYLES = (  # on a tie the first wins: „ present means “ is German, not English
    Style("german", "\u201e", "\u201c"),  # „ “
    Style("curly", "\u201c", "\u201d"),  # “ ”
    Style("german-single", "\u201a", "\u2018"),  # ‚ ‘
    Style("guillemets", "\u00ab", "\u00bb"),  # « »
    Style("straight", '"', '"'),
)
CURLY = STYLES[1]
# Each opens with its mark and looks behind it, so that the regex engine jumps from mark
# to mark instead of trying a lookbehind at every character of the document.
_CURLY_NOT_CLOSING = re.compile(r"\u201d(?:(?<=^\u201d)|(?<=\s\u201d)|(?=\w))", re.M)
# a straight quote opens after a space or an opening bracket, and closes before one
_STRAIGHT_OPEN = re.compile(r'"(?:(?<=^")|(?<=[\s(\[{—–-]"))(?=\S)')
_STRAIGHT_CLOSE = re.compile(r'"(?<=\S")(?=$|[\s.,;:!?)\]}—–-])')


class Repaired(NamedTuple):
    texts: tuple[str, ...]
    steps: tuple[Step, ...]


def repair(blocks: list[Block], smart_quotes: bool = False) -> Repaired:
    texts = [normalize_space(b.text) for b in blocks]
    steps: list[Step] = []
    if smart_quotes:
        texts = [_curl(b, t, steps) for b, t in zip(blocks, texts)]
    styles = document_styles(texts)
    if styles:
        texts = [_reopen(b, t, styles, steps) for b, t in zip(blocks, texts)]
    return Repaired(tuple(texts), tuple(steps))


def document_style(texts: list[str]) -> Style | None:
    """The quotation style the document itself uses most, by its opening marks."""
    styles = document_styles(texts)
    return styles[0] if styles else None


def document_styles(texts: list[str]) -> tuple[Style, ...]:
    """The quotation styles the document uses, most used first, by their opening marks."""
    joined = "\n".join(texts)
    counts = {s.name: _openings(joined, s) for s in STYLES}
    if counts["german"]:  # in German text “ is the closing mark, not an opening one
        counts["curly"] = max(0, counts["curly"] - counts["german"])
    used = sorted((s for s in STYLES if counts[s.name]), key=lambda s: -counts[s.name])
    # English closing marks that all stand where quotes close tell the style without an
    # opening mark (Swedish-style text, which opens with ” too, does not pass)
    if CURLY not in used and CURLY.closing in joined and not _CURLY_NOT_CLOSING.search(joined):
        used.append(CURLY)
    return tuple(used)


def _openings(text: str, style: Style) -> int:
    if style.name == "straight" and '"' in text:
        return len(_STRAIGHT_OPEN.findall(text))
    return text.count(style.opening)


def _marks(text: str, style: Style) -> list[tuple[int, str]] | None:
    """(offset, "open"|"close") for each mark of the style; None if one is ambiguous."""
    if style.name != "straight":
        found = re.finditer(f"[{style.opening}{style.closing}]", text)
        return [(m.start(), "open" if m.group() == style.opening else "close") for m in found]
    opens = {m.start() for m in _STRAIGHT_OPEN.finditer(text)}
    closes = {m.start() for m in _STRAIGHT_CLOSE.finditer(text)}
    if opens & closes or len(opens | closes) != text.count('"'):
        return None
    return sorted([(i, "open") for i in opens] + [(i, "close") for i in closes])


def _reopen(block: Block, text: str, styles: tuple[Style, ...], steps: list[Step]) -> str:
    """`text` with an opening mark put back, if its first quotation mark, of whichever of
    the document's styles, is a closing one (at one offset, “ in German text say, the
    style the document uses more wins)."""
    found = []
    for n, style in enumerate(styles):
        if style.opening in text or style.closing in text:
            marks = _marks(text, style)  # None: straight quotes that cannot be told apart
            found.append((marks[0][0] if marks else text.find('"'), n, marks))
    if not found:
        return text
    _, n, marks = min(found, key=lambda f: f[:2])
    if not marks or marks[0][1] != "close":
        return text
    return _insert_opening(block, text, styles[n], marks, steps)


def _insert_opening(block: Block, text: str, style: Style, marks, steps: list[Step]) -> str:
    closes = sum(1 for _, kind in marks if kind == "close")
    if closes != len(marks) - closes + 1:
        return text  # not the one-missing-opener shape: leave it alone
    at = 0
    if block.kind == BlockKind.LIST_ITEM and (m := LIST_MARK.match(text)):
        at = m.end()
    mark = style.opening + (" " if _spaced(style, text, marks[0][0]) else "")
    steps.append(Step("repair", "quote-opening", block.index, text,
                      f"first {style.name} quotation mark closes a quote that never opened",
                      at, mark))
    return text[:at] + mark + text[at:]


def _spaced(style: Style, text: str, closing_at: int) -> bool:
    # French guillemets take a space inside them: open the way this paragraph closes
    return style.name == "guillemets" and text[closing_at - 1:closing_at] == " "


def _curl(block: Block, text: str, steps: list[Step]) -> str:
    marks = _marks(text, STYLES[-1]) if '"' in text else None
    if not marks:
        return text
    out = list(text)
    for offset, kind in marks:
        curly = CURLY.opening if kind == "open" else CURLY.closing
        steps.append(Step("repair", "smart-quotes", block.index, text,
                          "straight quotation mark made curly", offset, curly, '"'))
        out[offset] = curly
    return "".join(out)
