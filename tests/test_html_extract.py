"""Our fast-mode cascade (html_extract) gives bare_extraction's body, element for element.

It is trafilatura's own sequence written out with fewer copies; if a trafilatura
upgrade changes the sequence, these tests say so before the samples drift.
"""

import gzip

import pytest
from conftest import SAMPLES, shared_path
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from cleaner.html_extract import _page_text_bound, extract
from cleaner.segment_html import parse

WORDS = "The council met on Tuesday to discuss the new budget for the coming year. "
PAGES = {
    "short, so the baseline rescues": "<html><body><div><span>Only a short line here.</span></div></body></html>",
    "a short article on a long page, so the recall retry runs":
        "<html><body><article><p>" + WORDS * 4 + "</p></article>"
        + "".join(f"<div class='x{i}'><div>{WORDS * 3}</div></div>" for i in range(30)) + "</body></html>",
    "a forum thread, whose comments are the posts":
        '<html><head><script type="application/ld+json">{"@type": "DiscussionForumPosting"}</script>'
        "</head><body><h1>Thread</h1><div class='comments'>"
        + "".join(f"<div class='comment'><p>{WORDS * 2}</p></div>" for _ in range(5))
        + "</div></body></html>",
    "comments and a list of comments, pruned": "<html><body><article><p>" + WORDS * 6 + "</p></article>"
        "<section id='comments'><p>" + WORDS + "</p></section><ol class='commentlist'><li>Nice</li></ol>"
        "</body></html>",
    "no text at all": "<html><body><div></div></body></html>",
}


def bare_body(html: str):
    from trafilatura import bare_extraction

    doc = bare_extraction(parse(html), fast=True, with_metadata=False, include_comments=False,
                          include_tables=True, include_images=False)
    return None if doc is None else etree.tostring(doc.body, encoding="unicode")


def ours(html: str):
    body = extract(parse(html), None)
    return None if body is None else etree.tostring(body, encoding="unicode")


@pytest.mark.parametrize("html", PAGES.values(), ids=PAGES.keys())
def test_same_body_as_bare_extraction(html):
    assert ours(html) == bare_body(html)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.stem)
def test_same_body_on_the_samples(path):
    html = path.read_text(encoding="utf-8")
    assert ours(html) == bare_body(html)


def test_same_body_and_a_true_bound_on_the_benchmark_pages():
    pages = sorted(shared_path("bench", "aeb-dev", "html").glob("*.html.gz"))
    htmls = {p.name: gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages}
    assert not [name for name, html in htmls.items() if ours(html) != bare_body(html)]
    assert not [name for name, html in htmls.items()
                if _page_text_bound(parse(html)) < _html2txt_length(html)]


def _html2txt_length(html: str) -> int:
    from trafilatura.baseline import html2txt

    return len(html2txt(parse(html)))


# pieces of markup that move the length of html2txt: block and inline elements, the
# elements it drops, whitespace of all kinds, control characters, text
_PIECES = st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<li>", "<br>", "<span>", "</span>", "<b>", "</b>",
    "<script>var a = 1;</script>", "<style>p {}</style>", "<aside>aside text</aside>",
    "<footer>footer</footer>", "<div class='cookie-banner'>cookies</div>", "<svg><text>t</text></svg>",
    " ", "  ", "\n", "\t", "\xa0", "\u2009", "\x1c", "\x85", "word", "other", "é", ".",
])


@given(st.lists(_PIECES, max_size=40))
def test_page_text_bound_is_never_below_html2txt(pieces):
    html = "<html><body>" + "".join(pieces) + "</body></html>"
    tree = parse(html)
    if tree is not None:
        assert _page_text_bound(tree) >= _html2txt_length(html)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.stem)
def test_page_text_bound_on_the_samples(path):
    html = path.read_text(encoding="utf-8")
    assert _page_text_bound(parse(html)) >= _html2txt_length(html)
