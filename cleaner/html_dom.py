"""HTML, before extraction: parse once, then drop the elements that element rules name.

Newsletter boxes, share bars, related lists, cookie banners and the like are easiest to
recognise as elements (their class, id or tag says what they are) and hardest once
flattened to text. Each drop is recorded as a Step, like a text removal.

The tree is this stage's own (parsed here, per document), so pruning it in place
changes nothing anyone else holds.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from lxml import etree

from .model import Rule, RuleKind, Step

_SPLIT = re.compile(r"[^a-z0-9]+")
_KEEP_TAGS = {"html", "body", "main", "article"}
_HOLDS_BODY = "descendant::*[self::article or self::main or self::h1]"


class DomRules(NamedTuple):
    """Element rules compiled for one pass over a tree."""

    by_tag: dict[str, tuple[Rule, ...]]
    by_token: dict[str, tuple[Rule, ...]]
    selectors: tuple[tuple[Rule, str], ...]  # (rule, the XPath of its selectors)


def compile_dom(rules: tuple[Rule, ...]) -> DomRules:
    from cssselect import GenericTranslator

    by_tag: dict[str, list[Rule]] = defaultdict(list)
    by_token: dict[str, list[Rule]] = defaultdict(list)
    selectors = []
    for rule in rules:
        if rule.kind != RuleKind.ELEMENT:
            continue
        for tag in rule.tags:
            by_tag[tag].append(rule)
        for token in rule.tokens:
            by_token[token].append(rule)
        if rule.selectors:
            xpath = " | ".join(GenericTranslator().css_to_xpath(s) for s in rule.selectors)
            selectors.append((rule, xpath))
    return DomRules({k: tuple(v) for k, v in by_tag.items()},
                    {k: tuple(v) for k, v in by_token.items()}, tuple(selectors))


def prune(root: etree._Element, dom: DomRules, inactive: frozenset[str] = frozenset()) -> tuple[Step, ...]:
    """Drop matching elements from `root` (in place); return what was dropped and why."""
    found = _candidates(root, dom, inactive)
    if not found:
        return ()
    body = root.find("body")
    total = len(_text(body if body is not None else root)) or 1
    steps: list[Step] = []
    for el, (rule, why) in found.items():
        if el.getroottree().getroot() is not root:  # inside something already dropped
            continue
        text = _text(el)
        if _guarded(el, text, rule, total):
            continue
        steps.append(Step("remove", rule.id, -1, " ".join(text.split()), f"<{el.tag}> {why}"))
        _drop(el)
    return tuple(steps)


def _candidates(root, dom: DomRules, inactive) -> dict:
    found: dict = {}
    for el in root.iter(etree.Element):
        hit = _tag_or_token(el, dom)
        if hit and hit[0].id not in inactive:
            found[el] = hit
    for rule, xpath in dom.selectors:
        if rule.id not in inactive:
            for el in root.xpath(xpath):
                found.setdefault(el, (rule, "matches a selector"))
    # document order, so that an ancestor is dropped before its descendants are looked at
    order = {el: i for i, el in enumerate(root.iter())}
    return dict(sorted(found.items(), key=lambda kv: order.get(kv[0], 0)))


def _tag_or_token(el, dom: DomRules):
    rules = dom.by_tag.get(el.tag)
    if rules:
        return rules[0], f"tag <{el.tag}>"
    names = (el.get("class") or "") + " " + (el.get("id") or "")
    if names.isspace():
        return None
    parts = [p for p in _SPLIT.split(names.lower()) if p]
    # single words, and neighbours joined ("font" + "size" is "font-size")
    for token in parts + [a + "-" + b for a, b in zip(parts, parts[1:])]:
        rules = dom.by_token.get(token)
        if rules:
            return rules[0], f'class/id token "{token}"'
    return None


def _guarded(el, text: str, rule: Rule, total: int) -> bool:
    """Never drop the page's container, its main heading, or more text than the rule allows."""
    if el.tag in _KEEP_TAGS or el.xpath(_HOLDS_BODY):
        return True
    return len(text) > rule.max_chars or len(text) / total > rule.max_share


def _text(el) -> str:
    return "".join(el.itertext())


def _drop(el) -> None:
    """Remove `el` but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)
