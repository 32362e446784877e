"""HTML, the document-wide guard on element drops: an element rule may not cost a page
the prose that the extraction finds.

Element rules name elements by what they are (a tag, a class word, a selector). On pages
nobody tuned for, the same names hold content: a forum's posts sit in `class="comment"`,
a documentation page's text in `<aside>`, a product's description in a "related" box.
The page is extracted whole, and a rule takes out the extracted blocks that stand in its
elements (see .overlay); when any of those blocks reads as prose, the extractor took
that element for the page's content, and the rule is undone for the page, with a guard
step that says so. Menus, share bars and ad slots, most of what element rules name,
hold no prose.
"""

from __future__ import annotations

from ..model import Step
from .prose import PROSE_WORDS, is_prose

__all__ = ["PROSE_WORDS", "costly_rules", "guard_steps", "is_prose"]


def costly_rules(covered: dict[str, list[str]]) -> dict[str, list[str]]:
    """rule id -> the prose among the extracted blocks that stand in the rule's elements,
    for the rules where there is any (`covered`: rule id -> those blocks)."""
    cost = {rule: [text for text in blocks if is_prose(text)] for rule, blocks in covered.items()}
    return {rule: prose for rule, prose in cost.items() if prose}


def guard_steps(cost: dict[str, list[str]]) -> tuple[Step, ...]:
    """One guard step per undone rule, naming what it would have cost."""
    return tuple(
        Step("guard", rule, -1, paras[0],
             f"element rule '{rule}' undone on this page: its elements held {len(paras)} "
             f"paragraph(s) of prose ({sum(len(p.split()) for p in paras)} words) that the "
             "extraction has")
        for rule, paras in cost.items())
