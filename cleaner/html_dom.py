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

from .model import PAGE_TAGS, Rule, RuleKind, Step

_SPLIT = re.compile(r"[^a-z0-9]+")
_HOLDS_BODY = "descendant::*[self::article or self::main or self::h1]"
_PROSE_PARAGRAPHS = "count(.//p[string-length(normalize-space(.)) >= 120])"


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


class Pruned(NamedTuple):
    dropped: tuple[Step, ...]
    refused: tuple[str, ...]  # guard reports: rules that would have taken too much


def prune(root: etree._Element, dom: DomRules, inactive: frozenset[str] = frozenset()) -> Pruned:
    """Drop matching elements from `root` (in place); return what was dropped and why.

    A rule whose elements together hold more than its max_share of the page's text drops
    nothing at all (a selector that matches everything must not eat the page piecemeal).
    """
    found = _candidates(root, dom, inactive)
    if not found:
        return Pruned((), ())
    sizes = _text_sizes(root)
    body = root.find("body")
    total = sizes.get(body if body is not None else root, 0) or 1
    open_ = {el: hit for el, hit in found.items() if not _guarded(el, sizes[el], hit[0], total)}
    chosen: dict[str, list] = defaultdict(list)
    for el, (rule, why) in open_.items():
        if any(a in open_ for a in el.iterancestors()):
            continue  # inside another match: dropped with it, or kept with it
        chosen[rule.id].append((el, rule, why, sizes[el]))
    steps: list[Step] = []
    refused: list[str] = []
    for rule_id, items in chosen.items():
        share = sum(size for *_, size in items) / total
        rule = items[0][1]
        if share > rule.max_share:
            refused.append(f"rule '{rule_id}' would drop {len(items)} elements holding {share:.0%} "
                           f"of the page's text, over its max_share {rule.max_share:.0%}; kept them")
            continue
        for el, _, why, _ in items:
            text = " ".join(_text(el).split())
            steps.append(Step("remove", rule_id, -1, text, f"<{el.tag}> {why}"))
            _drop(el)
    return Pruned(tuple(steps), tuple(refused))


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


def _guarded(el, size: int, rule: Rule, total: int) -> bool:
    """Never drop the page's container, its main heading, or more text than the rule allows;
    and leave empty elements (ad slots waiting for a script) alone: they hold no text to
    remove, and dropping them only changes the layout the extractor judges."""
    if not size or size > rule.max_chars or size / total > rule.max_share or el.tag in PAGE_TAGS:
        return True
    if el.xpath(_HOLDS_BODY):
        return True
    # class="story-body has-ads": a word of the class says "ads", the paragraphs say body
    return bool(rule.max_paragraphs) and el.xpath(_PROSE_PARAGRAPHS) > rule.max_paragraphs


def _text_sizes(root) -> dict:
    """Characters of text inside every element, in one pass from the leaves up (iterative:
    pages nest deeper than Python's recursion limit)."""
    sizes: dict = {}
    for _, el in etree.iterwalk(root, events=("end",)):
        n = len(el.text or "") if isinstance(el.tag, str) else 0
        for child in el:
            n += sizes.get(child, 0) + len(child.tail or "")
        sizes[el] = n
    return sizes


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
