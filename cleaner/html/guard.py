"""HTML, the document-wide guard on element drops: an element rule may not cost a page
the prose that the extraction without element rules finds.

Element rules drop elements before extraction, on what the element is (a tag, a class
word, a selector). On pages nobody tuned for, the same names hold content: a forum's
posts sit in `class="comment"`, a documentation page's text in `<aside>`, a product's
description in a "related" box. The extraction without any drop tells which of the
dropped text the extractor takes for the page's content; when a rule's elements held
paragraphs of it that read as prose, that rule is undone for the page, and a guard
step says so.

The second extraction is paid only when a dropped element holds prose at all (the
cheap pre-check, `has_prose`): menus, share bars and ad slots, most of what element
rules drop, hold none.
"""

from __future__ import annotations

import re
from collections import defaultdict

from ..model import Step
from .prose import PROSE_WORDS, is_prose

__all__ = ["PROSE_WORDS", "costly_rules", "guard_steps", "has_prose", "is_prose"]
_SPACE = re.compile(r"\s+")


def has_prose(drops: tuple[Step, ...]) -> bool:
    """Whether any dropped element's text could hold a paragraph of prose."""
    return any(is_prose(step.text) for step in drops)


def costly_rules(drops: tuple[Step, ...], paragraphs: list[str]) -> dict[str, list[str]]:
    """rule id -> the prose `paragraphs` (of the extraction without element drops) that
    lie inside an element the rule dropped."""
    keys = [(step.rule, _key(step.text)) for step in drops if is_prose(step.text)]
    cost: dict[str, list[str]] = defaultdict(list)
    for para in paragraphs:
        if not is_prose(para):
            continue
        k = _key(para)
        for rule, text in keys:
            if k in text:
                cost[rule].append(para)
                break
    return dict(cost)


def guard_steps(cost: dict[str, list[str]]) -> tuple[Step, ...]:
    """One guard step per undone rule, naming what it would have cost."""
    return tuple(
        Step("guard", rule, -1, paras[0],
             f"element rule '{rule}' undone on this page: its elements held {len(paras)} "
             f"paragraph(s) of prose ({sum(len(p.split()) for p in paras)} words) that the "
             "extraction without element rules has")
        for rule, paras in cost.items())


def _key(text: str) -> str:
    """Compared without white space: the extractor and the tree may space inline
    elements differently."""
    return _SPACE.sub("", text).casefold()
