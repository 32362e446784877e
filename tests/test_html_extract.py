"""The extraction base (cleaner.html.extract) is trafilatura's defaults, fallbacks included."""

import pytest
from lxml import etree

from cleaner.html import parse
from cleaner.html.extract import extract

WORDS = "The council met on Tuesday to discuss the new budget for the coming year. "
# a short article on a long page of text in plain <div>s: the fast cascade keeps the
# article's few words, the defaults' recall escalation (jusText among its candidates)
# finds the rest
BURIED = ("<html><body><article><p>" + WORDS * 4 + "</p></article>"
          + "".join(f"<div class='x{i}'><div>{WORDS * 3}</div></div>" for i in range(30))
          + "</body></html>")
PAGES = {
    "short, so the baseline rescues": "<html><body><div><span>Only a short line here.</span></div></body></html>",
    "text buried in divs, so the fallbacks run": BURIED,
    "a forum thread, whose comments are the posts":
        '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
        "</head><body><h1>Thread</h1><div class='comments'>"
        + "".join(f"<div class='comment'><p>Post {i}. {WORDS * 2}</p></div>" for i in range(5))
        + "</div></body></html>",
    "no text at all": "<html><body><div></div></body></html>",
}


def _text(body) -> str:
    return "" if body is None else " ".join(" ".join(body.itertext()).split())


def test_the_fallbacks_find_text_the_fast_cascade_misses():
    from trafilatura import bare_extraction

    fast = bare_extraction(parse(BURIED), fast=True, include_comments=False)
    ours = _text(extract(parse(BURIED), None))
    assert len(ours) > 10 * len(_text(fast.body))
    assert ours.count("coming year") >= 30 * 3


@pytest.mark.parametrize("html", PAGES.values(), ids=PAGES.keys())
def test_the_body_is_that_of_trafilaturas_defaults(html):
    import trafilatura

    ours = _text(extract(parse(html), None))
    theirs = trafilatura.extract(html, include_comments=False) or ""
    assert ours == " ".join(theirs.split())


def test_the_forum_posts_are_kept():
    ours = _text(extract(parse(PAGES["a forum thread, whose comments are the posts"]), None))
    assert all(f"Post {i}." in ours for i in range(5))


def test_the_tree_is_left_as_it_was():
    tree = parse(BURIED)
    before = etree.tostring(tree)
    extract(tree, None)
    assert etree.tostring(tree) == before


def test_no_content_is_none():
    assert extract(parse(PAGES["no text at all"]), None) is None


POST = "I had the same problem after the last update, and reinstalling the driver fixed it. "
# no forum markup but the comment section's: trafilatura without comments prunes it
THREAD = ("<html><body><h1>Driver crash after the update</h1>"
          "<p>My screen goes black after the update.</p><div id='comments' class='comments'>"
          + "".join(f"<div class='comment'><p>Post {i}. {POST * 2}</p></div>" for i in range(5))
          + "</div></body></html>")


def test_a_thread_whose_posts_the_comment_pruning_took_is_extracted_again():
    import trafilatura

    pruned = trafilatura.extract(THREAD, include_comments=False) or ""
    assert "Post 0." not in pruned  # what the first extraction sees
    ours = _text(extract(parse(THREAD), None))
    assert all(f"Post {i}." in ours for i in range(5))


def test_a_long_extraction_is_not_extracted_again(monkeypatch):
    from cleaner.html import extract as module

    calls = []
    real = module._body
    monkeypatch.setattr(module, "_body", lambda t, u, comments: calls.append(comments)
                        or real(t, u, comments))
    extract(parse(BURIED), None)
    assert calls == [False]
