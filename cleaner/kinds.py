"""The rule kinds that look at more than one block: section, duplicate, byline, fringe.

Each is a pure function of a rule and a document that yields Matches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from .model import BlockKind, Document, Match, Rule
from .textnorm import SENTENCE_END, key, size


def section_matches(
    rule: Rule, doc: Document, starts: list[tuple[int, str]], ends: list[int]
) -> Iterator[Match]:
    """Every block from a trigger up to (not including) the next end marker.

    With no end phrases the section runs to the end of the document; with end phrases
    and none found after the trigger, nothing is removed (an unclosed section is not
    evidence enough). Each trigger gives its own section, judged on its own by the
    decide stage's size guards: when the section of an early trigger is too large, the
    one of a later trigger may still go. But a "heading" found more than MAX_TRIGGERS
    times is not a heading: then only the first counts, and a refusal is final.
    """
    starts = sorted(starts)
    for start, reason in starts if len(starts) <= MAX_TRIGGERS else starts[:1]:
        if rule.end:
            stop = next((e for e in sorted(ends) if e > start), None)
            if stop is None:
                continue
        else:
            stop = len(doc.blocks)
        text = doc.blocks[start].text.strip()
        why = f'section from block {start}, "{text[:60]}" ({reason[:60]})'
        for i in range(start, stop):
            yield Match(rule.id, i, why)


MAX_TRIGGERS = 3  # a page has a few section headings, not dozens


def duplicate_matches(rule: Rule, doc: Document, memo: dict) -> Iterator[Match]:
    """Blocks printed more than once: all copies (keep="none") or all but the first.
    `memo` maps a block's text to its comparison key, across calls on one document."""
    groups: dict[str, list[int]] = defaultdict(list)
    limit = rule.within_first or len(doc.blocks)
    for block in doc.blocks[:limit]:
        if len(block.text) >= rule.min_chars:
            k = memo.get(block.text)
            if k is None:  # copies to the letter, but for spacing, case and quote marks
                # (quote repair may put back the very mark that told two copies apart)
                k = memo[block.text] = " ".join(_QUOTES.sub("", block.text).split()).casefold()
            if len(k) >= rule.min_chars:
                groups[k].append(block.index)
    for copies in groups.values():
        if not 2 <= len(copies) <= rule.max_copies:
            continue  # a line repeated more often than that is a refrain, not a copy
        if rule.max_gap and any(b - a > rule.max_gap for a, b in zip(copies, copies[1:])):
            continue
        if rule.gap_max_chars and not _short_between(doc, copies, rule.gap_max_chars):
            continue  # body text between the copies: a pull quote, not a caption
        drop = copies if rule.keep == "none" else copies[1:]
        why = f"printed {len(copies)} times (blocks {', '.join(map(str, copies))})"
        for i in drop:
            yield Match(rule.id, i, why)


_QUOTES = re.compile("[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a]")


def _short_between(doc: Document, copies: list[int], limit: int) -> bool:
    """At least one block between each pair of copies, all short lines that are not sentences
    (bylines, widgets): a sentence between the copies means the body has begun."""
    gaps = [doc.blocks[a + 1:b] for a, b in zip(copies, copies[1:])]
    return all(gap and all(_furniture(x.text, limit) for x in gap) for gap in gaps)


def _furniture(text: str, limit: int) -> bool:
    text = text.strip()
    return size(text) <= limit and not text.endswith(SENTENCE_END)


_NAME = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|[A-Z]\.)$")
_SPLIT = re.compile(r"[\s,;|/]+")


def byline_matches(rule: Rule, doc: Document) -> Iterator[Match]:
    """A short line of capitalised names near the top, optionally after "By"/"Von"/...

    The title (first block) is never a byline, and a bare name (no "By") after a paragraph
    of prose is not one either: it credits a picture or a work, the body has begun.
    """
    limit = rule.within_first or len(doc.blocks)
    prose = next((b.index for b in doc.blocks if _prose(b.text, rule.prose_chars)), limit)
    for block in doc.blocks[1:limit]:
        if size(block.text) <= rule.max_chars and is_byline(block.text, rule) \
                and (block.index < prose or _prefix(block.text, rule)):
            yield Match(rule.id, block.index, f'byline "{block.text.strip()}"')


def _prefix(text: str, rule: Rule) -> str | None:
    folded = key(text)
    return next((p for p in rule.prefixes if folded.startswith(p + " ")), None)


def is_byline(text: str, rule: Rule) -> bool:
    prefix = _prefix(text, rule)
    body = text.strip()[len(prefix) + 1:] if prefix else text.strip()
    words = [w for w in _SPLIT.split(body) if w]
    if not words or len(words) > rule.max_words:
        return False
    names = [w for w in words if w.casefold() not in rule.connectors]
    if not names or not all(_NAME.match(w) for w in names):
        return False
    if prefix:
        return True  # "By X" may be one word ("By Reuters") and in capitals ("BY JANE DOE")
    # a bare name is a first and a last name, written as names are: "Kevin Baron", not
    # "LOOK WHAT YOU MADE ME DO" (a heading in capitals)
    if len(names) < 2 or not all(_TITLE_CASE.match(w) for w in names):
        return False
    # ...and starts with a given name: "Defensive Line" is a subheading
    return not rule.first_names or names[0].casefold() in rule.first_names


_TITLE_CASE = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž](?=[\w'’.-]*[a-zß-öø-ÿā-ž])[\w'’.-]*|[A-Z]\.)$")




def fringe_matches(rule: Rule, doc: Document) -> Iterator[Match]:
    """Runs of short lines that are not sentences, before the first prose block (menus,
    section lists) or after the last one (footers, link lists). List items are never
    taken: a list in the article has its bullets. The title (first block) stays.

    Where the body begins is judged on the blocks that are left (decide settles it),
    so that the output, cleaned again, loses nothing more.
    """
    blocks = doc.blocks
    prose = [b.index for b in blocks if _prose(b.text, rule.prose_chars)]
    if not prose:
        return  # no body to tell the fringe from
    spans = []
    if rule.where in ("head", "both"):
        spans.append((1, prose[0], "before the first paragraph of prose"))
    if rule.where in ("tail", "both"):
        spans.append((prose[-1] + 1, len(blocks), "after the last paragraph of prose"))
    for start, stop, where in spans:
        run: list[int] = []
        for i in range(start, stop + 1):
            if i < stop and _menu_line(blocks[i], rule.max_chars):
                run.append(i)
                continue
            if len(run) >= rule.min_run:
                why = f"{len(run)} short lines in a row {where}"
                yield from (Match(rule.id, j, why) for j in run)
            run = []


def prose_before(rule: Rule, doc: Document) -> list[int]:
    """For each block, how many paragraphs of prose (as `fringe_matches` counts them) come
    before it: a section trigger after two of them follows the start of the body, where a
    comment counter under the headline does not."""
    counts, n = [], 0
    for b in doc.blocks:
        counts.append(n)
        n += _prose(b.text, rule.prose_chars)
    return counts


def _prose(text: str, chars: int) -> bool:
    return size(text) >= chars and _has_sentence(text)


def _menu_line(block, limit: int) -> bool:
    """A link label: short, not a sentence, not a list item, not a row of figures (a
    table of standings or results is data, however short its rows)."""
    text = block.text.strip()
    return (size(text) <= limit and block.kind != BlockKind.LIST_ITEM
            and not text.endswith(SENTENCE_END) and not _TWO_NUMBERS.search(text))


_TWO_NUMBERS = re.compile(r"\d\D+\d")


def _has_sentence(text: str) -> bool:
    return any(mark in text for mark in (". ", "! ", "? ")) or text.rstrip().endswith(SENTENCE_END)
