"""Our fast-mode cascade (html_extract) gives bare_extraction's body, element for element.

It is trafilatura's own sequence written out with fewer copies; if a trafilatura
upgrade changes the sequence, these tests say so before the samples drift.
"""

import gzip

import pytest
from conftest import SAMPLES, sample_and_bench_pages, shared_path
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from cleaner.html_extract import _page_text_bound, extract
from cleaner.html_raw_prune import _mirror, prune_raw
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


def _xpath_pruned(html: str, comments: bool, parse=parse) -> str:
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

    tree = prune_unwanted_nodes(parse(html), RAW_TREE_PRUNE_XPATH)
    if comments:
        tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
    return etree.tostring(tree, encoding="unicode")


def _python_pruned(html: str, comments: bool, parse=parse) -> str:
    return etree.tostring(prune_raw(parse(html), comments), encoding="unicode")


RAW = {
    "scroll boxes, with and without a heading": "<div class='infinite-scroll'><p>next</p></div>tail"
        "<section id='infinitescroll'><h1>The article</h1></section>"
        "<aside class='mvp-post-add-box'><h1>Appended</h1></aside><div class='mvp-post-add-wraps x'>y</div>",
    "share bars": "<div class='elementor-widget elementor-share-buttons--skin'>Share</div>"
        "<span class='elementor-share-buttons'>kept: a span</span>",
    "comment containers": "<div id='comments'>c<div class='comment'>nested</div></div>after"
        "<section id='commentary'>kept: commentary</section><details class='Comment-box'>d</details>"
        "<div class='post-comments x'>p</div><div id='comol-1'>o</div><div id='disqus_thread'>q</div>"
        "<div id='dsq-comments'>r</div><div class='my comments'>kept: not at the start</div>",
    "comment lists": "<ol class='commentlist'><li>a</li></ol><ul id='disqus_thread'><li>kept: a list</li></ul>"
        "<ul id='Comments'><li>b</li></ul><ol class='article-comments'><li>c</li></ol><list class='comment'>l</list>",
    "one kind inside another, with tails": "<div class='comments'>a<div class='infinite-scroll'>b"
        "<div class='elementor-share-buttons'>c</div>d</div>e</div>f<section class='infinite-scroll'>"
        "<div id='comments'>x<aside class='elementor-share-buttons x'>s</aside></div>y</section>z"
        "<div class='elementor-share-buttons'>q<ul class='comment-list'><li>r</li></ul></div>w",
    "one box: pruned in a page, kept as the page itself": "<div class='comments infinite-scroll'><p>only this</p></div>",
}


@pytest.mark.parametrize("comments", [True, False])
@pytest.mark.parametrize("body", RAW.values(), ids=RAW.keys())
def test_raw_prune_as_the_xpaths_do(body, comments):
    from lxml.html import fromstring  # a fragment: the page is its first element

    html = f"<html><body>{body}</body></html>"
    assert _python_pruned(html, comments) == _xpath_pruned(html, comments)
    assert _python_pruned(body, comments, fromstring) == _xpath_pruned(body, comments, fromstring)


def test_the_cascade_mirrors_the_installed_trafilatura():
    # if this skips, trafilatura was upgraded: compare trafilatura.core.trafilatura_sequence
    # with html_extract, update it and MIRRORED_VERSION; until then bare_extraction does the
    # work, with the same result (test_another_trafilatura_gets_bare_extraction), slower
    import trafilatura

    from cleaner.html_extract import MIRRORED_VERSION, mirrors_installed_trafilatura

    if trafilatura.__version__ != MIRRORED_VERSION:
        pytest.skip(f"trafilatura {trafilatura.__version__} is installed; the fast cascade "
                    f"mirrors {MIRRORED_VERSION}, so bare_extraction is used")
    assert mirrors_installed_trafilatura()


def test_another_trafilatura_gets_bare_extraction(monkeypatch):
    import cleaner.html_extract as he

    monkeypatch.setattr(he, "mirrors_installed_trafilatura", lambda: False)
    for html in PAGES.values():
        assert ours(html) == bare_body(html)


def test_raw_prune_falls_back_to_the_xpaths_for_another_trafilatura(monkeypatch):
    import cleaner.html_raw_prune as raw

    monkeypatch.setattr(raw, "_mirror", lambda: None)
    html = "<html><body>" + "".join(RAW.values()) + "</body></html>"
    assert _python_pruned(html, True) == _xpath_pruned(html, True)


def test_raw_prune_mirrors_the_installed_trafilatura():
    # if this fails on the trafilatura html_extract mirrors, its XPaths changed: update
    # html_raw_prune to mirror them (and _MIRRORED to their digest); another version may
    # change them, and then the XPaths themselves are used (tested above)
    import trafilatura

    from cleaner.html_extract import MIRRORED_VERSION

    if trafilatura.__version__ != MIRRORED_VERSION:
        pytest.skip(f"trafilatura {trafilatura.__version__} is installed, not {MIRRORED_VERSION}")
    assert _mirror() is not None


def test_raw_prune_on_the_samples_and_the_benchmark_pages():
    htmls = sample_and_bench_pages()
    assert all(_python_pruned(h, True) == _xpath_pruned(h, True) for h in htmls)
