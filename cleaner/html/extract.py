"""HTML, extraction: the main content, by trafilatura's public API with its defaults.

`bare_extraction` on the parsed tree runs trafilatura's whole cascade: the
main extractor, its comparison with the readability and jusText fallbacks, the
baseline rescue and the recall retry. Its fast mode skips the fallbacks, and on pages
nobody tuned for they are what finds the article (wcxb-dev: the fast cascade lost
pages whose text the defaults found whole), so the base is the defaults.

Comments are left out, as everywhere in cleaner: trafilatura then prunes the elements
that look like a comment section before it extracts. On a forum thread or a Q&A page
those elements are the posts, and the pruning leaves a few lines of a page. So when the
extraction without comments is short (under THREAD_WORDS words), the page is extracted
again with trafilatura's own default (comments extracted apart, not pruned), and that
body is taken when it is at least THREAD_GAIN times as long: the pruning, not the
page, made the first one short. The comments themselves stay out either way.
"""

from __future__ import annotations

from lxml import etree

THREAD_WORDS = 200  # an extraction this short may be a thread whose posts were pruned
THREAD_GAIN = 2  # ...and was, when extracting without the pruning finds this many times more


def extract(tree: etree._Element, url: str | None) -> etree._Element | None:
    """The main content as trafilatura's XML body (<p>, <head>, <list>...), or None if
    there is none. `tree` is left as it is (bare_extraction works on a copy)."""
    body = _body(tree, url, comments=False)
    words = _words(body)
    if words >= THREAD_WORDS:
        return body
    posts = _body(tree, url, comments=True)
    return posts if _words(posts) >= THREAD_GAIN * max(words, 1) else body


def _body(tree: etree._Element, url: str | None, comments: bool) -> etree._Element | None:
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(tree, url=url, with_metadata=False, include_comments=comments,
                              include_tables=True, include_images=False)
    except ValueError:  # bare_extraction's "no content"
        return None
    return None if doc is None else doc.body


def _words(body: etree._Element | None) -> int:
    return 0 if body is None else len(" ".join(body.itertext()).split())
