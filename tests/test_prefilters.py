"""The prefilters that decide which blocks a pattern runs on must never hide a match.

A pattern anchored at the block's start runs only on blocks whose first word it can
open with (cleaner/openers.py); the word sets below are worked out by hand.
"""

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from cleaner.compile import compile_rules
from cleaner.loader import load_rules
from cleaner.model import Anchor, Examples, Rule, RuleKind, RuleSet, Trigger
from cleaner.openers import DIGITS, first_words
from cleaner.textnorm import key

FIRST_WORD = re.compile(r"^[^\w]*(\w*)")


@pytest.mark.parametrize("pattern, expected", [
    (r"^related\b", {"related"}),
    (r"^[\[(]?[-•*·\s]*(?:related|see also)\b", {"related", "see"}),
    (r"^(?:click here to |please )?(?:sign up|subscribe)\b", {"click", "please", "sign", "subscribe"}),
    (r"^(?:\d+|one|no) comments?$", {DIGITS, "one", "no"}),
    (r"^\d{1,2}:\d{2} uhr$", {DIGITS}),
    (r"^comments?:", {"comment", "comments"}),
    (r"^publicad[oa] en\b", {"publicado", "publicada"}),
    (r"^(?:\bprivacy\s*[|/]\s*){2,5}$", {"privacy"}),
    (r"^schließen\b", {"schliessen"}),  # blocks are compared casefolded
])
def test_first_words(pattern, expected):
    assert first_words(pattern) == expected


@pytest.mark.parametrize("pattern", [
    r"related",  # not anchored
    r"(?:^|\. )follow us",  # anchored on one side of an alternation only
    r"^relat",  # "related" opens with it too: not a whole word
    r"^[\w.-]+ photos?$",  # any word
    r"^\d+th\b",  # "12th" is not a number
    r"^(?:\w+ )?news$",  # may open with any word
    r"^(?:foo|\w+) bar",
    r"^\s*$",  # no word at all
    r"^(?:[-•]|more)* news",  # the first word may come on any time round
])
def test_no_first_words(pattern):
    assert first_words(pattern) is None


def _sound(pattern: str, text: str) -> bool:
    """If the pattern matches the text's key, the text opens with one of its words."""
    words = first_words(pattern)
    k = key(text)
    if words is None or not regex.search(pattern, k, regex.IGNORECASE):
        return True
    first = FIRST_WORD.match(k).group(1)
    return first in words or (DIGITS in words and first.isdigit())


BUILTIN = load_rules()
ANCHORED = [(r.id, p) for r in BUILTIN.rules for t in (r.trigger, r.end) for p in t.patterns
            if first_words(p) is not None]
EXAMPLES = [x for r in BUILTIN.rules for x in (*r.examples.remove, *r.examples.keep)]


def test_most_builtin_patterns_have_first_words():
    assert len(ANCHORED) >= 150


@pytest.mark.parametrize("rule_id, pattern", ANCHORED, ids=[f"{r}:{i}" for i, (r, _) in enumerate(ANCHORED)])
def test_first_words_sound_on_every_example(rule_id, pattern):
    assert all(_sound(pattern, x) for x in EXAMPLES)


@given(st.sampled_from([p for _, p in ANCHORED]),
       st.lists(st.sampled_from(["related", "more", "news", "12", "3:45", "[", "(", "•", "-", ":",
                                 "comments", "by", "photo", "the", "share", "|", "x", "…", "©"]),
                min_size=1, max_size=6))
def test_first_words_sound_on_generated_text(pattern, words):
    assert _sound(pattern, " ".join(words))


# gates: the alternation of a group of patterns finds something exactly where one of them does
INDEX = compile_rules(BUILTIN).index
GATES = sorted(INDEX.gates.items())


def test_most_groups_of_builtin_patterns_have_a_gate():
    assert len(GATES) >= 50


def _agree(group, gate, text: str) -> bool:
    k = key(text)
    alone = any(INDEX.patterns[n].compiled.search(k) for n in group)
    return bool(gate.search(k)) == alone


@pytest.mark.parametrize("group, gate", GATES, ids=[str(g) for g, _ in GATES])
def test_gate_agrees_with_its_patterns_on_every_example(group, gate):
    assert all(_agree(group, gate, x) for x in EXAMPLES)


@given(st.sampled_from(GATES),
       st.lists(st.sampled_from(["related", "more", "news", "12", "3:45", "[", "(", "•", "-", ":",
                                 "comments", "by", "photo", "the", "share", "|", "x", "…", "©",
                                 "newsletter", "read", "follow", "@", "www.", "subscribe"]),
                min_size=1, max_size=6))
def test_gate_agrees_with_its_patterns_on_generated_text(gate, words):
    assert _agree(*gate, " ".join(words))


@pytest.mark.parametrize("odd", [
    r"^(news) \1$",  # a backreference: its number would change in an alternation
    r"^(?P<w>news) (?P=w)$",
    r"(?i)^news$",  # a flag for the whole pattern
    r"^news (x)?(?(1)y|z)$",  # a conditional on a group's number
])
def test_no_gate_for_a_group_with_a_pattern_that_cannot_share_one(odd):
    rule = Rule("t", "t", RuleKind.BLOCK, Examples(),
                trigger=Trigger(patterns=(r"^news\b", odd), anchor=Anchor.FULL))
    index = compile_rules(RuleSet((rule,))).index
    assert index.openers["news"] == (0, 1)  # one group...
    assert index.gates == {}  # ...with no gate: each pattern runs alone


def test_a_gate_for_a_group_of_plain_patterns():
    rule = Rule("t", "t", RuleKind.BLOCK, Examples(),
                trigger=Trigger(patterns=(r"^news\b", r"^news (?:today|now)$"), anchor=Anchor.FULL))
    gate = compile_rules(RuleSet((rule,))).index.gates[(0, 1)]
    assert gate.search("news") and gate.search("news today") and not gate.search("the news")
    assert not gate.search("newsletter")  # "news" is not a word of it


@pytest.mark.parametrize("odd", [r"(?V1)\bnews\b", r"\bnews (x)?(?(1)y|z)\b", r"(?i)\bnews\b"])
def test_no_gate_for_any_group_holding_such_a_pattern(odd):
    from collections import namedtuple

    from cleaner.compile import _gates

    P = namedtuple("P", "source")
    assert _gates([P(r"\bnews\b"), P(odd)], [(0, 1)]) == {}
    assert set(_gates([P(r"\bnews\b"), P(r"\bnews today\b")], [(0, 1)])) == {(0, 1)}
