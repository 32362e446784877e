"""HTML into blocks: layout lines stay apart, and the title is the headline's longest form."""

import re

import pytest

from cleaner import Cleaner, Config

PROSE = ["The council met on Tuesday night to discuss the budget for the coming year.",
         "It approved the new bus lanes after a debate that lasted well past midnight.",
         "The mayor said the vote showed the city was ready to change how people travel."]


def _clean(html: str):
    return Cleaner(Config(builtin_rules=False)).clean(html)


def test_div_soup_with_loose_text_loses_none_of_it():
    html = ("<html><body><div><div>" + "</div><div>".join(PROSE[:2]) + "</div><br>" + PROSE[2]
            + "</div></body></html>")
    words = re.findall(r"\w+", " ".join(_clean(html).paragraphs))
    assert words == re.findall(r"\w+", " ".join(PROSE))


def test_a_page_dumped_by_the_baseline_keeps_its_lines_apart():
    # too little text for the main extractor: the baseline hands it over as one <p> of lines
    html = ("<html><body><div><div>Home</div><div>About us</div></div><div><div>The council "
            "met on Tuesday.</div><div>It approved the budget.</div><br>Then it rose.</div></body></html>")
    result = _clean(html)  # "Home", the first short line, is taken for the title
    assert (result.title, result.paragraphs) == ("Home", (
        "About us", "The council met on Tuesday.", "It approved the budget.", "Then it rose."))


def _page(title: str, h1: str, og: str = "") -> str:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    return (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>{h1}</h1>"
            + "".join(f"<p>{p}</p>" for p in PROSE) + "</article></body></html>")


@pytest.mark.parametrize(("og", "h1", "expected"), [
    ("Council approves budget", "Council approves budget after a long night",
     "Council approves budget after a long night"),
    ("Council approves budget", "Council approves budget | The Daily", "Council approves budget"),
    ("Council approves budget, and bus lanes", "Council approves budget",
     "Council approves budget, and bus lanes"),
    ("Council approves budget", "Menu", "Council approves budget"),
], ids=["a longer h1 it starts", "an h1 with a site name", "a longer og:title", "another h1"])
def test_the_title_is_the_longest_form_the_headlines_agree_on(og, h1, expected):
    assert _clean(_page("The Daily", h1, og)).title == expected
