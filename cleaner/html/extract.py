"""HTML, extraction: the main content, by trafilatura's public API with its defaults.

`bare_extraction` on our (already pruned) tree runs trafilatura's whole cascade: the
main extractor, its comparison with the readability and jusText fallbacks, the
baseline rescue and the recall retry. Its fast mode skips the fallbacks, and on pages
nobody tuned for they are what finds the article (wcxb-dev: the fast cascade lost
pages whose text the defaults found whole), so the base is the defaults. Comments are
left out, as everywhere in cleaner; on a forum thread trafilatura keeps the posts
anyway, since there they are the content.
"""

from __future__ import annotations

from lxml import etree


def extract(tree: etree._Element, url: str | None) -> etree._Element | None:
    """The main content as trafilatura's XML body (<p>, <head>, <list>...), or None if
    there is none. `tree` is left as it is (bare_extraction works on a copy)."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                              include_tables=True, include_images=False)
    except ValueError:  # bare_extraction's "no content"
        return None
    return None if doc is None else doc.body
