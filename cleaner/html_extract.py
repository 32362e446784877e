"""HTML, extraction: trafilatura's cascade in fast mode, on a tree that is ours to change.

`bare_extraction(tree, fast=True)` gives the same body, but it cannot know that the
tree is ours: it copies the whole tree first, copies it again before cleaning, keeps a
third copy for comment and fallback stages that fast mode without comments never
runs, and renders a text we do not read. Here, the cascade of
trafilatura.core.trafilatura_sequence for our options (fast, no comments, balanced,
tables, no images, no links, no dedup, no language filter), written out with one copy:
the untouched tree that the baseline rescue and the recall retry need.

The cascade is trafilatura 2.3.1's; with another version, bare_extraction does the
work (the same body, slower). tests/test_html_extract.py checks that the body is
bare_extraction's, element for element, and fails when the installed trafilatura is
not the one written out here, so that an upgrade is looked at.
"""

from __future__ import annotations

import functools
from copy import copy

from lxml import etree

MIRRORED_VERSION = "2.3.1"  # the trafilatura whose trafilatura_sequence this writes out
_VISIBLE_TEXT = etree.XPath(".//text()[normalize-space()][not(parent::script or parent::style)]",
                            smart_strings=False)


def extract(tree: etree._Element, url: str | None) -> etree._Element | None:
    """The main content as trafilatura's XML body (<p>, <head>, <list>...), or None if
    there is none. Changes `tree`."""
    if not mirrors_installed_trafilatura():
        return _bare_extraction(tree, url)
    options = _options()
    try:
        body, text = _cascade(tree, url, options)
        if _short_of_page(tree, text):
            body, text = _recall(tree, url, options, body, text)
    except (TypeError, ValueError):  # what bare_extraction takes for "no content"
        return None
    return body if len(text) >= options.min_output_size else None


def _cascade(tree, url, options):
    """Stages 1 and 3 of the cascade: the main extractor on a cleaned copy of the page,
    then the baseline on the page itself if that found too little."""
    from trafilatura.baseline import baseline
    from trafilatura.core import _forum_thread_page
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content

    from .html_raw_prune import prune_raw

    # comments off: pruned, except on a forum thread, where the "comments" are the posts
    tree = prune_raw(tree, comments=not _forum_thread_page(tree))
    cleaned = convert_tags(tree_cleaning(copy(tree), options), options, url)
    body, text = extract_content(cleaned, options)
    if len(text) < options.min_extracted_size:
        b_body, b_text, b_len = baseline(tree)
        if b_len > len(text):
            body, text = b_body, b_text
    return body, text


def _short_of_page(tree, text: str) -> bool:
    """Stage 4's trigger: a short extraction that covers little of the page's text
    (trafilatura measures the page with html2txt, which copies and cleans it: a
    millisecond. Most short extractions are far from the trigger, and a bound on the
    page's text, a tenth of the cost, says so)."""
    from trafilatura.baseline import html2txt
    from trafilatura.core import ESCALATION_MAX_LENGTH, ESCALATION_PAGE_SHARE

    if not 0 < len(text) < ESCALATION_MAX_LENGTH:
        return False
    if len(text) >= ESCALATION_PAGE_SHARE * _page_text_bound(tree):
        return False
    return len(text) < ESCALATION_PAGE_SHARE * len(html2txt(tree))


def _page_text_bound(tree) -> float:
    """At least len(html2txt(tree)), cheaply.

    html2txt takes the body's text, less some elements (all scripts and styles among
    them), puts a space at both ends of the text and tail of every block element, and
    collapses whitespace. Leaving text out never lengthens a collapsed text, and each
    inserted space lengthens it by at most one. So the body's text without scripts
    and styles, collapsed, plus two per block element, is never less. Text nodes of
    ASCII whitespace alone are left out and the rest joined by spaces: that collapses
    to at least as long a text as the nodes themselves.
    """
    from trafilatura.baseline import _BLOCK_ELEMS

    body = tree.find(".//body")
    body = tree if body is None else body
    if body.tag in ("script", "style"):  # html2txt keeps the text of the body itself
        return float("inf")
    text = " ".join(" ".join(_VISIBLE_TEXT(body)).split())
    return len(text) + 2 * sum(1 for _ in body.iter(*_BLOCK_ELEMS))


def _recall(tree, url, options, body, text):
    """Stage 4: the main extractor again, in recall mode, kept if clearly longer; a
    failure keeps what we have."""
    from trafilatura.core import ESCALATION_ACCEPT_RATIO, _recall_retry

    retry = copy(options)  # the shared options keep their focus
    retry.focus = "recall"
    try:
        r_body, r_text = _recall_retry(tree, retry, url)
    except Exception:  # noqa: BLE001 - as trafilatura does (a timeout is a BaseException)
        return body, text
    if len(r_text) >= options.min_extracted_size and len(r_text) > ESCALATION_ACCEPT_RATIO * len(text):
        return r_body, r_text
    return body, text


@functools.cache
def mirrors_installed_trafilatura() -> bool:
    import trafilatura

    return trafilatura.__version__ == MIRRORED_VERSION


def _bare_extraction(tree, url):
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, url=url, fast=True, with_metadata=False, include_comments=False,
                          include_tables=True, include_images=False)
    return None if doc is None else doc.body


@functools.cache
def _options():
    """The options, built once: nothing in the cascade writes to them (the recall retry
    works on a copy). The url is passed apart; trafilatura reads it from the options
    only to log and to resolve links and images, which we leave out."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="python", fast=True, comments=False, tables=True,
                     images=False, links=False)
