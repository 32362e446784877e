"""The rule kinds, one module each: a kind is code, its rules are data in `rules/`.

Each module builds one `Kind` (see base.py): its rule-file fields and their defaults,
how its rules are parsed and checked, what the compiled index must recognise for it,
and the pure function that places its matches. `KINDS` is the registry the stages read:
a new kind is a new module and one line here (and a value in model.RuleKind).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..model import Rule, RuleKind
from . import (
    block,
    byline,
    cards,
    classifier,
    duplicate,
    element,
    fringe,
    head,
    promo,
    section,
    title,
    tools,
)
from .base import Field, Kind, Placing
from .duplicate import copy_floor, copy_groups
from .section import body_began

KINDS: Mapping[RuleKind, Kind] = {k.kind: k for k in (
    block.KIND, section.KIND, duplicate.KIND, byline.KIND, element.KIND, fringe.KIND,
    cards.KIND, title.KIND, tools.KIND, head.KIND, promo.KIND, classifier.KIND,
)}

# defaults of the fields that differ between kinds, for a kind that does not set them
BASE_DEFAULTS: Mapping[str, Any] = {"max_chars": 200, "min_run": 4, "min_chars": 30,
                                    "max_words": 6}


def kind_of(rule: Rule) -> Kind:
    return KINDS[rule.kind]


def kind_defaults(kind: RuleKind) -> dict[str, Any]:
    """The defaults of the kind-dependent fields, for a rule of `kind`."""
    return {**BASE_DEFAULTS, **KINDS[kind].defaults}


__all__ = ["KINDS", "Field", "Kind", "Placing", "body_began", "copy_floor", "copy_groups",
           "kind_defaults", "kind_of"]
