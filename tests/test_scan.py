"""The match stage's fast path (cleaner/scan.py) gives what its reference gives.

`compile_rules(ruleset)` plans the fast path; `compile_rules(ruleset, fast=False)` runs
`match.block_hits` only. On the samples, on every built-in rule's examples and on
generated documents, both must give the same hits and the same Result.
"""

import pickle

import pytest
from conftest import SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Config
from cleaner.compile import compile_rules
from cleaner.loader import load_rules
from cleaner.match import recognise
from cleaner.model import Examples, InputKind, Rule, RuleKind, RuleSet, Trigger
from cleaner.pipeline import run
from cleaner.segment import segment_text

BUILTIN = load_rules()
FAST, REFERENCE = compile_rules(BUILTIN), compile_rules(BUILTIN, fast=False)
TEXT = Config(input=InputKind.TEXT)
EXAMPLES = [e for r in BUILTIN.rules for e in (*r.examples.remove, *r.examples.keep)
            if r.kind != RuleKind.ELEMENT]


def _same(text: str, fast=FAST, reference=REFERENCE) -> None:
    doc = segment_text(text)
    a, b = recognise(fast, doc), recognise(reference, doc)
    assert sorted(a.hits) == sorted(b.hits)
    assert a.warnings == b.warnings
    assert run(text, fast, TEXT) == run(text, reference, TEXT)


def test_the_builtin_rules_get_a_fast_path():
    assert FAST.scan is not None and REFERENCE.scan is None


@pytest.mark.parametrize("path", sorted(p.name for p in SAMPLES.glob("*.txt")
                                        if not p.name.endswith(".expected.txt")))
def test_samples(path):
    text = (SAMPLES / path).read_text(encoding="utf-8")
    assert recognise(FAST, segment_text(text)).hits  # the samples have noise to find
    _same(text)


def test_every_rule_example_alone_and_all_in_one_document():
    for example in EXAMPLES:
        _same(example)
    # every example twice, so that a key met again is found again
    _same("\n".join(EXAMPLES + EXAMPLES[::-1]))


LINES = st.one_of(st.sampled_from(EXAMPLES), st.text(max_size=80),
                  st.sampled_from(EXAMPLES).map(str.upper),
                  st.sampled_from(EXAMPLES).map(lambda e: f"“{e}”"),
                  # longer than some rules take, or than any does
                  st.tuples(st.sampled_from(EXAMPLES), st.integers(1, 100)).map(
                      lambda t: f"{t[0]} " + "and more words " * t[1]))


@given(st.lists(LINES, max_size=25), st.data())
def test_generated_documents(lines, data):
    if lines:  # and a line again, elsewhere
        lines.insert(data.draw(st.integers(0, len(lines))), data.draw(st.sampled_from(lines)))
    _same("\n".join(lines))


def test_a_slow_pattern_sends_the_document_to_the_reference():
    """What times out is named in the warnings, exactly as the reference names it."""
    rule = Rule("u.slow", "A pathological pattern.", RuleKind.BLOCK, Examples(),
                trigger=Trigger(patterns=(r"^(a|aa)+$",)), max_chars=100_000)
    rs = RuleSet((rule,))
    fast, reference = compile_rules(rs), compile_rules(rs, fast=False)
    text = "\n".join(["Title", "a" * 40 + "!", "b"])
    assert fast.scan is not None
    assert any("timed out" in w for w in run(text, fast, TEXT).warnings)
    _same(text, fast, reference)


def test_a_line_longer_than_the_rule_takes_is_not_hit():
    rule = Rule("u.promo", "Promo lines.", RuleKind.BLOCK, Examples(), max_chars=20,
                trigger=Trigger(patterns=(r"^subscribe\b", r"\bpromo code\b", r"^join\b")))
    other = Rule("u.long", "Long lines of another shape.", RuleKind.BLOCK, Examples(),
                 max_chars=500, trigger=Trigger(patterns=(r"^zzz\b",)))
    rs = RuleSet((rule, other))  # lines up to 500 characters are looked at
    fast, reference = compile_rules(rs), compile_rules(rs, fast=False)
    lines = ["Subscribe now", "Subscribe now to our newsletter, it is free",
             "Use promo code X", "Use our promo code at the checkout, today only", "Join us"]
    text = "\n".join(lines)
    hit = sorted({h.block for h in recognise(fast, segment_text(text)).hits})
    assert hit == [0, 2, 4]
    _same(text, fast, reference)


def test_the_compiled_rules_pickle_with_their_plan():
    """Workers may be handed the compiled rules rather than compile them again."""
    loaded = pickle.loads(pickle.dumps(FAST))
    assert loaded.scan is not None
    _same("\n".join(EXAMPLES), loaded, REFERENCE)
