"""The rule kinds that look at more than one block: section, duplicate, byline, fringe,
cards.

Each is a pure function of a rule and a View (the document with the blocks removed so
far taken out) that yields Matches, on the document's own block indices.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import chain, islice, repeat

from .layout import View
from .model import Document, Match, Rule, RuleKind, Span
from .textnorm import SENTENCE_END, copy_key, key, size


def section_spans(rule: Rule, view: View, starts: list[tuple[int, str]],
                  ends: list[int]) -> Iterator[Span]:
    """From each trigger up to (not including) the next end marker.

    With no end phrases the section runs to the end of the document; with end phrases
    and none found after the trigger, nothing is removed (an unclosed section is not
    evidence enough). Each trigger gives its own section, judged on its own by the
    decide stage's size guards: when the section of an early trigger is too large, the
    one of a later trigger may still go. But a "heading" found more than MAX_TRIGGERS
    times is not a heading: then only the first counts, and a refusal is final.
    """
    starts = sorted(starts)
    ends = sorted(ends)
    for start, reason in starts if len(starts) <= MAX_TRIGGERS else starts[:1]:
        if rule.end:
            stop = next((e for e in ends if e > start), None)
            if stop is None:
                continue
        else:
            stop = len(view.doc.blocks)
        text = view.doc.blocks[start].text.strip()
        head = text if len(text) <= 60 else text[:59] + "…"
        why = f'section from block {start}, "{head}" ({reason})'
        yield Span(rule.id, start, stop, why)


MAX_TRIGGERS = 3  # a page has a few section headings, not dozens


def copy_groups(doc: Document, keys: tuple[str, ...], min_chars: int = 0) -> dict[str, tuple[int, ...]]:
    """The blocks printed more than once, by their copy key: worked out once per document;
    each round only asks which copies are left. Blocks shorter than `min_chars` are
    left out (no duplicate rule looks at them).

    The blocks' comparison keys (`keys`, from the match stage) with quote marks and
    spaces taken out are a coarser grouping than copy keys, found over the whole
    document at once; only blocks that share one get a copy key of their own."""
    blocks = doc.blocks
    coarse = "\n".join(keys).replace('"', "").replace("'", "").replace(" ", "").split("\n")
    if len(coarse) != len(blocks):  # a key held a line break after all
        coarse = [b.text for b in blocks]
        return _groups([copy_key(t) for t in coarse], range(len(coarse)))
    twice = {k for k, n in Counter(coarse).items() if n > 1 and k}
    if not twice:
        return {}
    maybe = [i for i, k in enumerate(coarse) if k in twice and len(blocks[i].text) >= min_chars]
    return _groups([copy_key(blocks[i].text) for i in maybe], maybe)


def copy_floor(rules) -> int | None:
    """The shortest block any duplicate rule among `rules` looks at; None with no such rule."""
    return min((r.min_chars for r in rules if r.kind == RuleKind.DUPLICATE), default=None)


def _groups(ks: list[str], indices) -> dict[str, tuple[int, ...]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, k in zip(indices, ks):
        if k:
            groups[k].append(i)
    return {k: tuple(v) for k, v in groups.items() if len(v) > 1}


def duplicate_matches(rule: Rule, view: View, groups: dict[str, tuple[int, ...]]) -> Iterator[Match]:
    """Blocks printed more than once: all copies (keep="none") or all but the first."""
    blocks = view.doc.blocks
    limit = rule.within_first or len(blocks)
    for k, group in groups.items():
        if len(k) < rule.min_chars:
            continue
        copies = [i for i in group if view.kept(i) and len(blocks[i].text) >= rule.min_chars
                  and view.position(i) < limit]
        if not 2 <= len(copies) <= rule.max_copies:
            continue  # a line repeated more often than that is a refrain, not a copy
        at = [view.position(i) for i in copies]
        if rule.max_gap and any(b - a > rule.max_gap for a, b in zip(at, at[1:])):
            continue
        if rule.gap_max_chars and not _short_between(view, copies, rule.gap_max_chars):
            continue  # body text between the copies: a pull quote, not a caption
        drop = copies if rule.keep == "none" else copies[1:]
        why = f"printed {len(copies)} times (blocks {', '.join(map(str, copies))})"
        for i in drop:
            yield Match(rule.id, i, why)


def _short_between(view: View, copies: list[int], limit: int) -> bool:
    """At least one block between each pair of copies, all short lines that are not sentences
    (bylines, widgets): a sentence between the copies means the body has begun."""
    blocks = view.doc.blocks
    for a, b in zip(copies, copies[1:]):
        gap = view.forward(a + 1, b)
        first = next(gap, None)
        if first is None or not _furniture(blocks[first].text, limit):
            return False
        if not all(_furniture(blocks[i].text, limit) for i in gap):
            return False
    return True


def _furniture(text: str, limit: int) -> bool:
    text = text.strip()
    return size(text) <= limit and not text.endswith(SENTENCE_END)


_NAME = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|[A-Z]\.)$")
_SPLIT = re.compile(r"[\s,;|/]+")


def byline_matches(rule: Rule, view: View) -> Iterator[Match]:
    """A short line of capitalised names near the top, optionally after "By"/"Von"/...

    The title (first block left) is never a byline, and a bare name (no "By") after a
    paragraph of prose is not one either: it credits a picture or a work, the body has begun.
    """
    blocks = view.doc.blocks
    window = list(islice(view.forward(), rule.within_first or None))
    prose = next((i for i in window if view.prose(i, rule.prose_chars)), len(blocks))
    for i in window[1:]:
        text = blocks[i].text
        if size(text) <= rule.max_chars and is_byline(text, rule) \
                and (i < prose or _prefix(text, rule)):
            yield Match(rule.id, i, f'byline "{text.strip()}"')


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




def fringe_matches(rule: Rule, view: View) -> list[Match]:
    """Runs of short lines that are not sentences, before the first prose block (menus,
    section lists) or after the last one (footers, link lists). List items are never
    taken: a list in the article has its bullets. The title (first block) stays.

    Where the body begins is judged on the blocks that are left (decide settles it),
    so that the output, cleaned again, loses nothing more.
    """
    chars = rule.prose_chars
    first = next((i for i in view.forward() if view.prose(i, chars)), None)
    if first is None:
        return []  # no body to tell the fringe from
    spans = []
    if rule.where in ("head", "both"):
        spans.append((islice(view.forward(0, first), 1, None), "before the first paragraph of prose"))
    if rule.where in ("tail", "both"):
        last = next(i for i in view.backward() if view.prose(i, chars))
        spans.append((view.forward(last + 1), "after the last paragraph of prose"))
    sizes, label = view.sizes.each, view.traits.label
    found: list[Match] = []
    for span, where in spans:
        run: list[int] = []
        for i in chain(span, (None,)):
            if i is not None and sizes[i] <= rule.max_chars and label[i]:
                run.append(i)
                continue
            if len(run) >= rule.min_run:
                why = f"{len(run)} short lines in a row {where}"
                # tuple.__new__ is what Match._make calls, without a Python frame per line
                found += map(tuple.__new__, repeat(Match), zip(repeat(rule.id), run, repeat(why)))
            run = []
    return found


def card_matches(rule: Rule, view: View) -> Iterator[Match]:
    """A run of teaser cards that ends the text, after the last paragraph of prose: each
    card a separator line ("-") and then 2 to `max_card_blocks` short blocks (a headline,
    with no full stop, and its blurb), at least `min_run` cards, all opened by the same
    separator.

    No per-block rule can take these: a blurb is a sentence. What gives them away is the
    shape: a list in the article has one line an item (or prose in it), and a separator
    between the article's sections has prose after it.
    """
    last = next((i for i in view.backward() if view.prose(i, rule.prose_chars)), None)
    if last is None:
        return  # no body to tell the cards from
    tail = list(view.forward(last + 1))
    run = _card_run(rule, [view.keys[i] for i in tail], [view.sizes.each[i] for i in tail])
    if run:
        why = f"{run[0]} teaser cards in a row, to the end of the text"
        yield from (Match(rule.id, i, why) for i in tail[run[1]:])


def _card_run(rule: Rule, ks: list[str], sizes: list[int]) -> tuple[int, int] | None:
    """(cards, where the first one starts) for the cards that end `ks`, read from the end;
    None if fewer than `min_run`."""
    cards, start, pending, opener = 0, len(ks), 0, None
    for at in range(len(ks) - 1, -1, -1):
        if ks[at] in rule.separators:
            if not 2 <= pending <= rule.max_card_blocks or opener not in (None, ks[at]) \
                    or ks[at + 1].endswith("."):
                break  # not a card: one line (a list item), or no headline (a full stop)
            cards, start, pending, opener = cards + 1, at, 0, ks[at]
        elif sizes[at] <= rule.max_chars and pending < rule.max_card_blocks:
            pending += 1
        else:
            break
    return (cards, start) if cards >= rule.min_run else None


def body_began(rule: Rule, view: View, block: int) -> bool:
    """Whether `rule.after_prose` paragraphs of prose (as `fringe_matches` counts them) are
    left before `block`: a section trigger after two of them follows the start of the
    body, where a comment counter under the headline does not."""
    found = 0
    for i in view.forward(0, block):
        found += view.prose(i, rule.prose_chars)
        if found >= rule.after_prose:
            return True
    return False


def title_matches(rule: Rule, view: View) -> Iterator[Match]:
    """The page's <title> printed as the first block, as whole-page text has it: the
    headline, a separator and the site's name ("Headline - Site", "Headline | Site"),
    right above the headline itself. The copy with the name goes; the headline stays,
    and is the title (decide says so, whatever mark ends it).

    Blocks are compared by key, without quotation marks (quote repair may put back the
    mark that told them apart); the name is at most `max_words` words, no sentence, no
    figure, and written as names are: no word in lower case but a `connectors` word or a
    domain. A subtitle ("Super Bowl LVIII - Chiefs Beat 49ers") fails the last two.
    """
    window = list(islice(view.forward(), 2))
    if len(window) < 2 or view.sizes.each[window[0]] > rule.max_chars:
        return
    first, headline = window
    k, head = copy_key(view.keys[first]), copy_key(view.keys[headline])
    if len(head) < rule.min_chars or not k.startswith(head):
        return
    for sep in rule.separators:
        if k.startswith(f"{head} {sep} "):
            name = k[len(head) + len(sep) + 2:]
            words = view.doc.blocks[first].text.split()[-len(name.split()):] if name else []
            if _site_name(words, rule):
                yield Match(rule.id, first, f'the headline (block {headline}) and a name, "{name}"')
            return


def _site_name(words: list[str], rule: Rule) -> bool:
    """A site's name: "Fox Business", "The Coastal Ledger", "nj.com"; not a sentence
    ("and the mayor is pleased.") or a phrase ("in five charts")."""
    if not 0 < len(words) <= rule.max_words:
        return False
    text = " ".join(words)
    if text.endswith(SENTENCE_END) or any(m in text for m in (". ", "! ", "? ")) \
            or any(c.isdigit() for c in text):
        return False
    named = [w for w in words if w.casefold() not in rule.connectors]
    return bool(named) and all(not w[0].islower() or "." in w.strip(".") for w in named)
