"""bench/aeb_metric.py against cases worked out by hand.

Every expected value below is computed in the comment beside it, from the benchmark's
definition, never by calling the code under test. Shingles are written as the 4 letters
they contain: "abcd" is the shingle (a, b, c, d).
"""

import doctest
import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "bench" / "aeb_metric.py"
_spec = importlib.util.spec_from_file_location("aeb_metric", _PATH)
aeb_metric = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(aeb_metric)
score = aeb_metric.score


def approx(x):
    return pytest.approx(x, abs=1e-12)


def test_identical_texts_score_one():
    # truth = pred: 6 tokens -> 3 shingles (The..fox, quick..jumps, brown..over); TP=3 FP=FN=0
    s = score({"p": "The quick brown fox jumps over"}, {"p": "The quick brown fox jumps over"})
    assert s == (1.0, 1.0, 1.0, 1.0, 1)


def test_disjoint_texts_score_zero():
    # truth abcd, bcde; pred vwxy, wxyz: TP=0 FP=2 FN=2 -> P = 0/(0+2) = 0, R = 0, F1 = 0
    s = score({"p": "a b c d e"}, {"p": "v w x y z"})
    assert (s.f1, s.precision, s.recall, s.accuracy) == (0.0, 0.0, 0.0, 0.0)


def test_partial_overlap():
    # truth "a b c d e f"   -> abcd, bcde, cdef
    # pred  "a b c d e x y" -> abcd, bcde, cdex, dexy
    # TP=2 (abcd, bcde), FP=2 (cdex, dexy), FN=1 (cdef)
    # P = 2/4 = 0.5, R = 2/3, F1 = 2 * 0.5 * 2/3 / (0.5 + 2/3) = (2/3) / (7/6) = 4/7
    s = score({"p": "a b c d e f"}, {"p": "a b c d e x y"})
    assert s.precision == approx(0.5)
    assert s.recall == approx(2 / 3)
    assert s.f1 == approx(4 / 7)
    assert s.accuracy == 0.0


def test_shingles_are_a_multiset():
    # truth "a b c d a b c d" -> abcd, bcda, cdab, dabc, abcd  (abcd twice)
    # pred  "a b c d"         -> abcd once
    # TP = min(2, 1) = 1, FP = 0, FN = (2-1) + 3 = 4 -> P = 1, R = 1/5, F1 = 0.4/1.2 = 1/3
    s = score({"p": "a b c d a b c d"}, {"p": "a b c d"})
    assert s.precision == approx(1.0)
    assert s.recall == approx(0.2)
    assert s.f1 == approx(1 / 3)


def test_pages_weigh_the_same_whatever_their_length():
    # page "long": 10 identical tokens -> 7 shingles, TP=7: P = R = 1
    # page "short": "a b c d" vs "w x y z": TP=0 FP=1 FN=1: P = R = 0
    # per-page means: P = R = (1 + 0)/2 = 0.5, F1 = 0.5 (pooled counts would give 7/8)
    # accuracy: 1 of 2 pages exact = 0.5
    long = "one two three four five six seven eight nine ten"
    s = score({"long": long, "short": "a b c d"}, {"long": long, "short": "w x y z"})
    assert (s.precision, s.recall, s.f1, s.accuracy) == (approx(0.5),) * 4
    assert s.pages == 2


def test_empty_prediction_counts_for_recall_only():
    # page "empty": truth abcd, bcde; pred none: TP=0 FP=0 FN=2 -> TP+FP == 0, so it stays
    # out of the precision mean; R = 0
    # page "same": truth = pred: P = R = 1
    # P = mean(1) = 1, R = mean(0, 1) = 0.5, F1 = 2 * 1 * 0.5 / 1.5 = 2/3, accuracy = 1/2
    truth = {"empty": "a b c d e", "same": "p q r s"}
    s = score(truth, {"empty": "", "same": "p q r s"})
    assert (s.precision, s.recall, s.f1, s.accuracy) == (
        approx(1.0), approx(0.5), approx(2 / 3), approx(0.5))


def test_missing_page_is_an_empty_prediction():
    # same figures as test_empty_prediction_counts_for_recall_only; extra pred ids ignored
    truth = {"empty": "a b c d e", "same": "p q r s"}
    s = score(truth, {"same": "p q r s", "not-in-truth": "x y z w"})
    assert (s.precision, s.recall, s.f1, s.pages) == (approx(1.0), approx(0.5), approx(2 / 3), 2)


def test_both_empty_is_a_perfect_page():
    # the brief's reading (the original would leave this page out of both means):
    # page "none": FP = FN = 0 -> P = R = 1; page "miss": as in the empty-prediction case
    # P = mean(1) = 1 ("miss" has TP+FP == 0), R = mean(1, 0) = 0.5, accuracy = 1/2
    s = score({"none": "", "miss": "a b c d e"}, {"none": "", "miss": ""})
    assert (s.precision, s.recall, s.accuracy) == (approx(1.0), approx(0.5), approx(0.5))


def test_short_text_is_one_shingle_of_all_its_tokens():
    # "a b" -> the single shingle ab, equal on both sides: TP=1 -> 1.0
    assert score({"p": "a b"}, {"p": "a b"}).f1 == 1.0
    # "a b c" -> abc, "a b" -> ab: different shingles, TP=0 FP=1 FN=1 -> 0
    assert score({"p": "a b c"}, {"p": "a b"}).f1 == 0.0


def test_tokens_are_words_case_kept_punctuation_free():
    # tokens of both: Hello, world, Bye -> equal lists: accuracy 1, one equal shingle: F1 1
    s = score({"p": "Hello, world!\n\nBye."}, {"p": "Hello   world -- Bye"})
    assert (s.f1, s.accuracy) == (1.0, 1.0)
    # case is kept: hello != Hello -> no shared shingle, not exact
    s = score({"p": "Hello, world!\n\nBye."}, {"p": "hello world bye"})
    assert (s.f1, s.accuracy) == (0.0, 0.0)


def test_tokenizer_is_unicode_word_runs():
    # \w+ on str: letters with accents are word characters, "_" too, "-" and "’" split
    assert aeb_metric.tokens("Café naïve snake_case state-of-the-art don’t") == [
        "Café", "naïve", "snake_case", "state", "of", "the", "art", "don", "t"]


def test_accuracy_is_the_share_of_exact_pages():
    # 3 pages: exact (punctuation differs only), exact, one word missing -> 2/3
    truth = {"a": "x y z.", "b": "one two", "c": "p q r s"}
    pred = {"a": "x, y, z", "b": "one two", "c": "p q r"}
    assert score(truth, pred).accuracy == approx(2 / 3)


def test_doctests():
    assert doctest.testmod(aeb_metric).failed == 0
