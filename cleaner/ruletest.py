"""Run every rule's own examples: texts it must remove and texts it must keep.

An example is a small document (one block per line). The rule runs alone on it with
its position guards relaxed (an example has no "top" or "end" of a real page), so the
examples test what the rule recognises; the guards are tested by the samples.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from .compile import compile_rules
from .match import match
from .model import Rule, RuleKind, RuleSet
from .segment import segment_text


class Failure(NamedTuple):
    rule: str
    origin: str
    expected: str  # "remove" or "keep"
    example: str
    removed: tuple[str, ...]

    def __str__(self) -> str:
        if self.expected == "remove":
            return f"{self.origin}: rule '{self.rule}' should remove {self.example!r} but removes nothing"
        return (f"{self.origin}: rule '{self.rule}' should keep {self.example!r} "
                f"but removes {list(self.removed)!r}")


def relaxed(rule: Rule) -> Rule:
    share = 1.0 if rule.kind == RuleKind.ELEMENT else rule.max_share  # a snippet is all "page"
    return replace(rule, within_first=0, after_share=0.0, after_prose=0, sites=(),
                   max_share=share)


def removed_by(rule: Rule, example: str) -> tuple[str, ...]:
    """The blocks (or, for element rules, elements) of `example` that `rule`, alone, removes."""
    if rule.kind == RuleKind.ELEMENT:
        return _dropped_elements(relaxed(rule), example)
    compiled = compile_rules(RuleSet((relaxed(rule),)))
    doc = segment_text(example)
    hits = {m.block for m in match(compiled, doc).matches}
    return tuple(doc.blocks[i].text for i in sorted(hits))


def _dropped_elements(rule: Rule, snippet: str) -> tuple[str, ...]:
    from lxml import html as lxml_html

    from .html import compile_dom, prune

    root = lxml_html.document_fromstring(f"<html><body>{snippet}</body></html>")
    return tuple(s.text or f"<empty {s.reason}>" for s in prune(root, compile_dom((rule,))).dropped)


def check_examples(ruleset: RuleSet) -> list[Failure]:
    failures = []
    for rule in ruleset.rules:
        for text in rule.examples.remove:
            if not removed_by(rule, text):
                failures.append(Failure(rule.id, rule.origin, "remove", text, ()))
        for text in rule.examples.keep:
            if gone := removed_by(rule, text):
                failures.append(Failure(rule.id, rule.origin, "keep", text, gone))
    return failures
