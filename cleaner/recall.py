"""Stage 4, decide, for HTML: the document-wide recall guard on text rules.

On an HTML page the blocks are what the extractor took for the page's content. A text
rule that removes a large part of that content's prose contradicts the extractor on
the one thing it is good at: on pages nobody tuned for, a "Comments" heading over a
forum's posts, a "More on ..." heading over a documentation page's own sections, are
where a section rule starts. When one rule would take `MAX_PROSE_SHARE` or more of
the words in the page's prose blocks, that rule is undone for the page and a guard
step says so; the other rules still apply.
"""

from __future__ import annotations

from collections import defaultdict

from .html.prose import is_prose
from .model import Document, Step

MAX_PROSE_SHARE = 0.3  # a rule may not take this share of the words in prose blocks
MIN_PROSE_WORDS = 40  # ...when they are this many at least: a short promo is no article


def costly_text_rules(doc: Document, removed: tuple[Step, ...]) -> tuple[Step, ...]:
    """A guard step for each text rule that takes at least MAX_PROSE_SHARE of the words of
    the document's prose blocks (and MIN_PROSE_WORDS); its `rule` is the rule to undo."""
    prose = {b.index: len(b.text.split()) for b in doc.blocks if is_prose(b.text)}
    total = sum(prose.values())
    if not total:
        return ()
    taken: dict[str, int] = defaultdict(int)
    for step in removed:
        taken[step.rule] += prose.get(step.block, 0)
    return tuple(
        Step("guard", rule, -1, "",
             f"text rule '{rule}' undone on this page: it would remove {words} words of "
             f"prose, {words / total:.0%} of the page's prose, that the extractor took "
             "for its content")
        for rule, words in sorted(taken.items())
        if words >= MIN_PROSE_WORDS and words / total >= MAX_PROSE_SHARE)
