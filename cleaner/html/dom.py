"""HTML, before extraction: parse once, then drop the elements that element rules name.

Newsletter boxes, share bars, related lists, cookie banners and the like are easiest to
recognise as elements (their class, id or tag says what they are) and hardest once
flattened to text. Each drop is recorded as a Step, like a text removal.

The tree is this stage's own (parsed here, per document), so pruning it in place
changes nothing anyone else holds.

Speed: a class or id string is split into words once a page, and lxml measures the
text of the elements a rule names, in C; no other element's text is measured.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import NamedTuple

from lxml import etree

from ..model import PAGE_TAGS, Rule, RuleKind, Step
from .prose import is_prose

_SPLIT = re.compile(r"[^a-z0-9]+")
_BODY_TAGS = ("article", "main", "h1")
_PROSE_PARAGRAPHS = etree.XPath("count(.//p[string-length(normalize-space(.)) >= 120])")
_TEXT = etree.XPath("string()")  # the element's text, its tail left out (in C, unlike itertext)
_TEXT_SIZE = etree.XPath("string-length()")
_LINK_DENSE = 0.5  # furniture (menus, share bars, teaser lists) is mostly link text
_TOKEN = 'class/id token'


class DomRules(NamedTuple):
    """Element rules compiled for one pass over a tree."""

    by_tag: dict[str, tuple[Rule, ...]]
    by_token: dict[str, tuple[Rule, ...]]
    selectors: tuple[tuple[Rule, str], ...]  # (rule, the XPath of its selectors)
    pair_starts: frozenset[str]  # first words of the two-word tokens ("share" of "share-bar")


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
                    {k: tuple(v) for k, v in by_token.items()},
                    tuple(selectors),
                    frozenset(t.split("-")[0] for t in by_token if "-" in t))


class Pruned(NamedTuple):
    dropped: tuple[Step, ...]
    refused: tuple[str, ...]  # guard reports: rules that would have taken too much


class Plan(NamedTuple):
    """The drops `prune` would make, not made yet: the element guard reads their text
    before anything is gone."""

    drops: tuple[tuple[etree._Element, Step], ...]
    refused: tuple[str, ...]


def prune(root: etree._Element, dom: DomRules, inactive: frozenset[str] = frozenset()) -> Pruned:
    """Drop matching elements from `root` (in place); return what was dropped and why."""
    return apply(plan(root, dom, inactive))


def plan(root: etree._Element, dom: DomRules, inactive: frozenset[str] = frozenset()) -> Plan:
    """The elements to drop from `root` and why; `root` is not changed.

    A rule whose elements together hold more than its max_share of the page's text drops
    nothing at all (a selector that matches everything must not eat the page piecemeal).
    """
    found = _candidates(root, dom, inactive)
    if not found:
        return Plan((), ())
    body = root.find("body")
    total = _visible_size(body if body is not None else root) or 1
    drops: list = []
    refused: list[str] = []
    for rule_id, items in _outermost_open(found, total).items():
        share = sum(size for *_, size in items) / total
        rule = items[0][1]
        if share > rule.max_share:
            refused.append(f"rule '{rule_id}' would drop {len(items)} elements holding {share:.0%} "
                           f"of the page's text, over its max_share {rule.max_share:.0%}; kept them")
            continue
        for el, _, why, _ in items:
            text = " ".join(_TEXT(el).split())
            drops.append((el, Step("remove", rule_id, -1, text, f"<{el.tag}> {why}")))
    return Plan(tuple(drops), tuple(refused))


def apply(planned: Plan, without: frozenset[str] = frozenset()) -> Pruned:
    """Make the planned drops (in place), except those of the rules in `without`."""
    steps = []
    for el, step in planned.drops:
        if step.rule not in without:
            steps.append(step)
            _drop(el)
    return Pruned(tuple(steps), planned.refused)


def _outermost_open(found: list, total: int) -> dict[str, list]:
    """The matches no guard keeps, minus those inside another such match (dropped with
    it, or kept with it), by rule. `found` is in document order, so every element's
    ancestors are settled before it."""
    open_: set = set()
    chosen: dict[str, list] = defaultdict(list)
    for el, (rule, why) in found:
        if any(a in open_ for a in el.iterancestors()):
            continue
        size = _size(el, rule)
        if not _guarded(el, size, rule, total) and not _content_by_its_text(el, why, size):
            open_.add(el)
            chosen[rule.id].append((el, rule, why, size))
    return chosen


def _candidates(root, dom: DomRules, inactive) -> list:
    """(element, (rule, why)) for every element some active rule names, in document order."""
    by_selector: dict = {}
    for rule, xpath in dom.selectors:
        if rule.id not in inactive:
            for el in _xpath(xpath)(root):
                by_selector.setdefault(el, (rule, "matches a selector"))
    seen: dict = {}  # class and id strings repeat within a page: read each once
    found = []
    for el in root.iter(etree.Element):
        hit = _tag_or_token(el, dom, seen)
        if not hit or hit[0].id in inactive:
            hit = by_selector.get(el)
        if hit:
            found.append((el, hit))
    return found


@functools.lru_cache(maxsize=256)
def _xpath(source: str) -> etree.XPath:
    """Compiled once per process; DomRules keeps the source, so a Cleaner pickles."""
    return etree.XPath(source)


def _tag_or_token(el, dom: DomRules, seen: dict):
    rules = dom.by_tag.get(el.tag)
    if rules:
        return rules[0], f"tag <{el.tag}>"
    names = (el.get("class") or "") + " " + (el.get("id") or "")
    try:
        return seen[names]
    except KeyError:
        seen[names] = hit = _token(names, dom)
        return hit


def _token(names: str, dom: DomRules):
    parts = _SPLIT.split(names.lower())
    if dom.by_token.keys().isdisjoint(parts) and dom.pair_starts.isdisjoint(parts):
        return None  # most names: no word of any rule
    parts = [p for p in parts if p]
    # single words, then neighbours joined ("font" + "size" is "font-size")
    for token in parts + [a + "-" + b for a, b in zip(parts, parts[1:])]:
        rules = dom.by_token.get(token)
        if rules:
            return rules[0], f'{_TOKEN} "{token}"'
    return None


def _size(el, rule: Rule) -> int:
    """Characters of text inside `el`; 0 for the page's own containers, which no rule
    may drop whatever their size (no need to measure them)."""
    return 0 if el.tag in PAGE_TAGS else _visible_size(el)


def _visible_size(el) -> int:
    """Characters of the text a reader sees: scripts and styles left out, or a page whose
    scripts hold most of its characters lets a rule take all of its prose."""
    return int(_TEXT_SIZE(el)) - sum(int(_TEXT_SIZE(s)) for s in el.iter("script", "style"))


def _guarded(el, size: int, rule: Rule, total: int) -> bool:
    """Never drop the page's container, its main heading, or more text than the rule allows;
    and leave empty elements (ad slots waiting for a script) alone: they hold no text to
    remove, and dropping them only changes the layout the extractor judges."""
    if not size or size > rule.max_chars or size / total > rule.max_share or el.tag in PAGE_TAGS:
        return True
    if next(el.iterdescendants(*_BODY_TAGS), None) is not None:  # (in C: an XPath call costs more)
        return True
    if rule.keep_containing and next(el.iterdescendants(*rule.keep_containing), None) is not None:
        return True  # a <figure> that holds a <table> is the table, not a picture
    # class="story-body has-ads": a word of the class says "ads", the paragraphs say body
    return bool(rule.max_paragraphs) and _PROSE_PARAGRAPHS(el) > rule.max_paragraphs


def _content_by_its_text(el, why: str, size: int) -> bool:
    """A class or id word alone is weak evidence: WordPress sets `has-large-font-size` on
    any paragraph in large type, and "menu", "caption" or "comments" name containers of
    restaurant menus, photo essays and forum posts. An element named by a word alone is
    dropped only if its text looks like furniture: mostly links, or no sentence of prose."""
    if not why.startswith(_TOKEN):
        return False  # a tag or a selector says what the element is
    links = sum(int(_TEXT_SIZE(a)) for a in el.iter("a"))
    if links >= _LINK_DENSE * size:
        return False
    return is_prose(" ".join(_TEXT(el).split()))


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
