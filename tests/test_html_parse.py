"""parse() gives the tree trafilatura's loader (utils.load_html) gives, faster."""


import pytest
from conftest import sample_and_bench_pages
from lxml import etree

from cleaner.html import parse

PAGES = {
    "plain": "<html><body><p>Text of the page.</p></body></html>",
    "control characters": "<html><body><p>a\x00b\x07c\x1fd\x0b e\ufffe f\uffff g\tkept\r\n</p></body></html>",
    "an XHTML doctype, on the first line": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><body><p>x</p></body></html>',
    "a doctype and no newline": '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "a/b"><html><p>x</p></html>',
    "a self-closed html": '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"/>\n<body><p>y</p></body>',
    "an encoding declaration": '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>caf\u00e9</p></body></html>',
    "a fragment of one element": "<div><p>One.</p><p>Two.</p></div>",
    "a fragment of several": "<p>One.</p><p>Two.</p>",
    "not HTML": "just some words",
    "empty": "",
    "a lone surrogate": "<html><body><p>a\ud800b</p></body></html>",
    "non-ASCII": "<html><body><p>\u201cQuoted\u201d, d\u00e9j\u00e0 vu \U0001F600.</p></body></html>",
}


def _tree(root):
    return None if root is None else etree.tostring(root.getroottree(), encoding="unicode")


def _theirs(html: str):
    from trafilatura.utils import load_html

    try:
        return _tree(load_html(html))
    except (ValueError, etree.LxmlError):
        return None


@pytest.mark.parametrize("html", PAGES.values(), ids=PAGES.keys())
def test_parse_as_trafilatura_loads(html):
    assert _tree(parse(html)) == _theirs(html)
    if not any("\ud800" <= c <= "\udfff" for c in html):  # only then are there UTF-8 bytes
        assert _tree(parse(html, html.encode("utf-8"))) == _theirs(html)


def test_parse_on_the_samples_and_the_benchmark_pages():
    htmls = sample_and_bench_pages()
    assert all(_tree(parse(h)) == _theirs(h) for h in htmls)


def test_every_element_has_lxml_html_methods():
    root = parse("<html><body><form><input name='q'><p>x</p></form></body></html>")
    assert all(hasattr(el, "text_content") for el in root.iter())
