"""bench/wcxb_metric.py against cases worked out by hand (word-level multiset F1, snippet
containment). Every expected value is computed in the comment beside it."""

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "wcxb_metric.py"
_spec = importlib.util.spec_from_file_location("wcxb_metric", _PATH)
wcxb_metric = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(wcxb_metric)


def test_multiset_overlap_and_case():
    # truth: the(2) cat sat -> 4 tokens; pred: The cat ran -> 3 tokens; shared: the, cat = 2
    # P = 2/3, R = 2/4, F1 = 2*(2/3)(1/2)/(2/3+1/2) = (2/3)/(7/6) = 4/7
    s = wcxb_metric.page_score("the cat sat, the", "The cat ran")
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 4)
    assert s.f1 == pytest.approx(4 / 7)


def test_empty_prediction_scores_zero_and_empty_both_one():
    assert wcxb_metric.page_score("some words", "") == (0.0, 0.0, 0.0)
    assert wcxb_metric.page_score("", "") == (1.0, 1.0, 1.0)


def test_no_shared_word_scores_zero():
    assert wcxb_metric.page_score("alpha beta", "gamma") == (0.0, 0.0, 0.0)


def test_snippets_match_whole_words_in_order_across_punctuation():
    text = "Home\nSkip to content.\nThe homely cat — sat down."
    # "Home" stands as a word; "home" inside "homely" is not a hit; order and contiguity count
    assert wcxb_metric.found(["Home", "skip to content", "cat sat", "sat cat", "homel"], text) == [
        True, True, True, False, False]
    assert wcxb_metric.found(["...", ""], text) == [False, False]  # no words: never found
