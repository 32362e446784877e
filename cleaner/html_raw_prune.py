"""trafilatura's raw-tree prunes (infinite-scroll boxes, Elementor share bars, comment
sections), done in Python with the same outcome as its XPaths, ten times faster.

Before cleaning a page, trafilatura deletes three kinds of containers, found by XPaths
in trafilatura.xpaths (RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH). libxml2
evaluates their predicates on every element of the page, and their re:test() calls back
into Python on every div: a millisecond a page, a tenth of all our time. Here lxml walks
only the six container tags, in C, and Python tests their class and id.

The conditions below mirror those XPaths as trafilatura 2.3.1 writes them, and serve
only while the XPaths are still those: `prune_raw` checks a digest of their source and
falls back to the XPaths themselves when it differs (any other trafilatura version).
tests/test_html_extract.py checks both ways give the same tree.
"""

from __future__ import annotations

import functools
import hashlib
import re
from typing import NamedTuple

from lxml import etree

_MIRRORED = "b84e5fa047ed"  # the first digits of the XPaths' sha1 that the mirror is written from
_CONTAINERS = ("div", "section", "aside")
_COMMENT_CONTAINERS = ("div", "list", "section", "details", "ol", "ul")


class _Mirror(NamedTuple):
    scroll_box: re.Pattern      # infinite scroll, or a Zox News "post add" box...
    appended_article: re.Pattern  # ...of which these always hold an appended article
    share_bar: str              # class substring
    comment_id: re.Pattern      # for any comment container
    comment_list_id: re.Pattern  # for an <ol>/<ul>
    comment_class: re.Pattern


def prune_raw(tree: etree._Element, comments: bool) -> etree._Element:
    """What trafilatura_sequence does to the raw tree with comments off: delete (keeping
    their tails) infinite-scroll boxes that hold no <h1>, share bars, then, if
    `comments`, comment containers (not on a forum thread, whose comments are posts)."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    mirror = _mirror()
    if mirror is None:
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        return prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH) if comments else tree
    # each XPath is evaluated on the tree the previous one left
    for find in (_scroll_boxes, _share_bars, _comment_containers)[:3 if comments else 2]:
        _delete_all(find(tree, mirror))
    return tree


def _scroll_boxes(tree, m: _Mirror) -> list:
    return [el for el in tree.iterdescendants(*_CONTAINERS)
            if _either(el, m.scroll_box)
            and (el.find(".//h1") is None or _either(el, m.appended_article))]


def _share_bars(tree, m: _Mirror) -> list:
    return [el for el in tree.iterdescendants(*_CONTAINERS) if m.share_bar in (el.get("class") or "")]


def _comment_containers(tree, m: _Mirror) -> list:
    found = []
    for el in tree.iterdescendants(*_COMMENT_CONTAINERS):
        id_, by_class = el.get("id") or "", m.comment_class.search(el.get("class") or "")
        if not (by_class or m.comment_id.search(id_)):
            continue
        if el.tag in ("ol", "ul") and not (by_class or m.comment_list_id.search(id_)):
            continue  # a list is a comment list by a comment-list name only
        found.append(el)
    return found


def _either(el, pattern: re.Pattern) -> bool:
    """XPath's re:test(@id, p) or re:test(@class, p): a missing attribute is ''."""
    return bool(pattern.search(el.get("id") or "") or pattern.search(el.get("class") or ""))


def _delete_all(elements: list) -> None:
    from trafilatura.xml import delete_element

    for el in elements:  # nested ones too, as trafilatura does: harmless, already detached
        delete_element(el)


@functools.cache
def _mirror() -> _Mirror | None:
    from trafilatura import xpaths

    mirrored = (*xpaths.RAW_TREE_PRUNE_XPATH, *xpaths.REMOVE_COMMENTS_AND_LISTS_XPATH)
    source = "\n".join(x.path for x in mirrored)
    if hashlib.sha1(source.encode()).hexdigest()[:len(_MIRRORED)] != _MIRRORED:
        return None
    ids, classes = xpaths._COMMENTS_ID, xpaths._COMMENTS_CLASS
    return _Mirror(
        scroll_box=re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll"),
        appended_article=re.compile("mvp-post-add-(?:box|wrap)"),
        share_bar="elementor-share-buttons",
        comment_id=re.compile(f"^(?:{ids}|disqus_thread|dsq-comments)"),
        comment_list_id=re.compile(f"^(?:{ids})"),
        comment_class=re.compile(classes),
    )
