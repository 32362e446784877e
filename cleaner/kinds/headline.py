"""The document's headline among the head lines of whole-page text: content, which the
fringe kind's head runs spare."""

from __future__ import annotations

import re

from ..layout import View


def headline(view: View, first: int, min_words: int, separators: tuple[str, ...],
             max_chars: int) -> int | None:
    """The headline among the head lines before block `first` (the first prose).

    A candidate has `min_words` words or more, is no sentence, no list item and no path
    or tool line (none of the `separators` between its words), and stands alone: lines
    of that shape one after another are a list of other articles' headlines. Whole-page
    text opens with the page's title, so the candidate that repeats most of the first
    line's words is the headline; when none does and the first line reads as a title
    itself (see `_title_line`), that line is the headline and nothing else is; else the
    candidate with the most words. 0 words: no headline is looked for.
    """
    if min_words <= 0:
        return None
    shape = (min_words, separators, max_chars)
    head = list(view.forward(0, first))
    shaped = [_headline_shaped(shape, view, i) for i in head] + [False]
    alone = [i for k, i in enumerate(head) if k and shaped[k] and not shaped[k - 1]
             and not shaped[k + 1]]
    if not alone:
        return None
    title = _words(view.doc.blocks[head[0]].text)
    words = {i: _words(view.doc.blocks[i].text) for i in alone}
    shares = {i: _share(words[i], set(title)) for i in alone}
    best = max(alone, key=lambda i: (shares[i], len(words[i])))
    if shares[best] >= 0.6:
        return best
    if _title_line(shape, view, head[0], title):
        return None
    return max(alone, key=lambda i: len(words[i]))


def _title_line(shape: tuple, view: View, i: int, words: list[str]) -> bool:
    """The first line reads as the page's title: no sentence, and a title tag's shape
    (a separator between the headline and the site's name) or a headline's length (two
    words more than a candidate needs, so that "Skip to main content" is not one)."""
    min_words, separators, _ = shape
    if view.traits.sentence[i]:
        return False
    return len(words) >= min_words + 2 or _separated(view, i, separators)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _share(words: list[str], title: set[str]) -> float:
    """The share of `words` that the title holds."""
    return sum(w in title for w in words) / len(words) if words else 0.0


_WORD = re.compile(r"\w+")


def _headline_shaped(shape: tuple, view: View, i: int) -> bool:
    min_words, separators, max_chars = shape
    text = view.doc.blocks[i].text
    if not view.traits.label[i] or len(text.split()) < min_words \
            or view.sizes.each[i] > max_chars:
        return False
    return not _separated(view, i, separators)


def _separated(view: View, i: int, separators: tuple[str, ...]) -> bool:
    """One of the `separators` stands between two words of block `i` (a path, a tool line)."""
    k = f" {view.keys[i]} "
    return any(f" {s} " in k for s in separators)
