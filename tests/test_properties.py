"""Hypothesis properties of the engine, with the built-in rules.

Paired on purpose: properties that could pass by doing nothing (idempotence, no invented
text, never raises) stand beside ones that force work (every noise line inserted
anywhere is removed; a dropped opening quote is restored).
"""

import json

import pytest
from conftest import SITE_PACK, shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, load_rules
from cleaner.replay import replay
from cleaner.segment import segment_text
from cleaner.testing import (
    NOISE_WORDS,
    articles,
    assert_body_survives,
    assert_idempotent,
    assert_only_deletes_and_inserts,
    noise_lines,
    sentences,
)

RULES = load_rules()
C = Cleaner(rules=RULES)


def test_the_noise_pool_is_not_empty():
    assert len(noise_lines(RULES)) >= 30


@given(articles(RULES))
def test_body_survives_and_noise_goes(article):
    assert_body_survives(C, article)


@given(articles(RULES))
def test_cleaning_is_idempotent(article):
    assert_idempotent(C, article.text)


@given(articles(RULES))
def test_output_is_input_minus_blocks_plus_quote_marks(article):
    assert_only_deletes_and_inserts(C, article.text)


@given(st.text())
def test_arbitrary_unicode_never_raises(text):
    result = C.clean(text)
    assert replay(segment_text(text), result) == result.text


@given(st.binary())
def test_arbitrary_bytes_never_raise(data):
    assert isinstance(C.clean(data).text, str)


@given(st.lists(sentences(), min_size=2, max_size=6, unique=True))
def test_prose_made_of_noise_words_is_kept(paragraphs):
    text = "Council Budget Hearing\n\n" + "\n\n".join(paragraphs)
    assert list(C.clean(text).paragraphs) == paragraphs


@given(st.lists(sentences(), min_size=2, max_size=6, unique=True), st.data())
def test_a_dropped_opening_quote_is_restored(paragraphs, data):
    i = data.draw(st.integers(0, len(paragraphs) - 1))
    quoted = paragraphs[:]
    quoted[i] = "\u201c" + paragraphs[i][:-1] + ",\u201d she said."
    damaged = quoted[:]
    damaged[i] = damaged[i][1:]
    out = C.clean("Council Budget Hearing\n\n" + "\n\n".join(damaged))
    assert list(out.paragraphs) == quoted


def test_noise_words_cover_every_language():
    for word in ("newsletter", "abonnieren", "partager", "compartir"):
        assert word in NOISE_WORDS


def test_naughty_strings_never_raise():
    strings = json.loads(shared_path("testdata", "naughty-strings", "blns.json").read_text())
    for s in strings:
        C.clean(s)
        C.clean(s.encode("utf-8", "surrogatepass"))
        C.clean("Title\n\n" + s + "\n\nBody text, it said.\u201d")




def drawn(strategy, n=40):
    seen = []

    @settings(max_examples=n, derandomize=True, database=None)
    @given(strategy)
    def collect(value):
        seen.append(value)

    collect()
    return seen


def test_site_scoped_rules_put_their_noise_on_pages_of_their_site(tmp_path):
    path = tmp_path / "my-rules.toml"
    path.write_text(SITE_PACK, encoding="utf-8")
    rules = load_rules([path], builtin=False)
    seen = drawn(articles(rules))
    assert seen and all(a.noise and set(a.noise) == {"Become a member today and save 20%"} for a in seen)
    assert {a.url for a in seen} == {"https://example.com/news/article"}
    cleaner = Cleaner(rules=rules)
    for article in seen:
        assert_body_survives(cleaner, article)


def test_the_guard_fails_an_article_without_noise():
    (article,) = drawn(articles(load_rules([], builtin=False)), 1)
    assert not article.noise
    with pytest.raises(AssertionError, match="no noise in the article"):
        assert_body_survives(C, article)
