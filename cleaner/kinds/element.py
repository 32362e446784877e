"""element (HTML input): an element of the page, whose extracted blocks are dropped. Its
matcher is the HTML side's (html.dom.compile_dom and plan, html.overlay); here are its
schema and checks."""

from __future__ import annotations

from ..loader_checks import check_selector
from ..model import PAGE_TAGS, Rule, RuleKind
from .base import Field, Kind, plain


def _parse(entry: dict, values: dict, ctx) -> dict:
    for sel in values.get("selectors", ()):
        check_selector(sel, ctx)
    return plain(entry, values, ctx) | {
        "tokens": tuple(t.lower() for t in values.get("tokens", ())),
        "tags": tuple(t.lower() for t in values.get("tags", ())),
        "keep_containing": tuple(t.lower() for t in values.get("keep_containing", ()))}


def _check(rule: Rule, ctx) -> None:
    if not (rule.selectors or rule.tokens or rule.tags):
        raise ctx.fail("an element rule needs selectors, tokens or tags", "selectors")
    if any(t in PAGE_TAGS for t in rule.tags):
        raise ctx.fail(f"tags may not include {', '.join(sorted(PAGE_TAGS))}: "
                       "they hold the whole page", "tags")


KIND = Kind(
    RuleKind.ELEMENT,
    fields={"selectors": Field.STRINGS, "tokens": Field.STRINGS, "tags": Field.STRINGS,
            "max_chars": Field.INT, "max_share": Field.SHARE, "max_paragraphs": Field.INT,
            "keep_containing": Field.STRINGS},
    defaults={"max_chars": 3000},
    parse=_parse,
    check=_check,
)
