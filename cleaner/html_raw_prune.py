"""trafilatura's raw-tree prunes (infinite-scroll boxes, Elementor share bars, comment
sections), done in Python with the same outcome as its XPaths, four times faster.

Before cleaning a page, trafilatura deletes three kinds of containers, found by XPaths
in trafilatura.xpaths (RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH). libxml2
evaluates their predicates on every element of the page, and their re:test() calls back
into Python on every div: a millisecond a page. Here lxml walks only the container
tags, in C, once for all three, and Python tests their class and id.

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
_CONTAINERS = frozenset(("div", "section", "aside"))
_COMMENT_CONTAINERS = frozenset(("div", "list", "section", "details", "ol", "ul"))
_TAGS = tuple(sorted(_CONTAINERS | _COMMENT_CONTAINERS))


class _Mirror(NamedTuple):
    scroll_box: re.Pattern      # infinite scroll, or a Zox News "post add" box...
    appended_article: re.Pattern  # ...of which these always hold an appended article
    share_bar: str              # class substring
    comment_id: re.Pattern      # for any comment container
    comment_list_id: re.Pattern  # for an <ol>/<ul>
    comment_class: re.Pattern


def prune_raw(tree: etree._Element, comments: bool) -> etree._Element:
    """What trafilatura_sequence does to the raw tree with comments off: delete (keeping
    their tails) infinite-scroll boxes (one that holds an <h1> only if it is an
    appended-article box), share bars, then, if `comments`, comment containers (not on
    a forum thread, whose comments are the posts)."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    mirror = _mirror()
    if mirror is None:
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        return prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH) if comments else tree
    # One walk finds the matches of all three. trafilatura evaluates each XPath on the
    # tree the one before left, so it never sees what an earlier one deleted; found here
    # beforehand, such an element is deleted from a subtree already cut off: no change.
    # The <h1> test of a scroll box is made before any deletion, as trafilatura makes it.
    found: tuple[list, list, list] = ([], [], [])
    for el in tree.iterdescendants(*_TAGS):
        id_, class_ = el.get("id") or "", el.get("class") or ""
        if el.tag in _CONTAINERS:
            if _scroll_box(el, id_, class_, mirror):
                found[0].append(el)
            if mirror.share_bar in class_:
                found[1].append(el)
        if comments and el.tag in _COMMENT_CONTAINERS and _comment_container(el, id_, class_, mirror):
            found[2].append(el)
    for matches in found:  # in trafilatura's order: boxes, bars, comments
        _delete_all(matches)
    return tree


def _scroll_box(el, id_: str, class_: str, m: _Mirror) -> bool:
    if not (m.scroll_box.search(id_) or m.scroll_box.search(class_)):
        return False
    appended = m.appended_article.search(id_) or m.appended_article.search(class_)
    return el.find(".//h1") is None or bool(appended)


def _comment_container(el, id_: str, class_: str, m: _Mirror) -> bool:
    by_class = m.comment_class.search(class_)
    if not (by_class or m.comment_id.search(id_)):
        return False
    # a list is a comment list by a comment-list name only
    return el.tag not in ("ol", "ul") or bool(by_class or m.comment_list_id.search(id_))


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
