"""Every built-in rule's own examples: what it must remove and what it must keep."""

import pytest

from cleaner import load_rules
from cleaner.model import RuleKind
from cleaner.ruletest import removed_by

RULES = load_rules().rules


def _cases(which) -> list:
    return [pytest.param(rule, text, id=f"{rule.id}-{which}-{n}")
            for rule in RULES for n, text in enumerate(getattr(rule.examples, which))]


@pytest.mark.parametrize(("rule", "text"), _cases("remove"))
def test_rule_removes_its_examples(rule, text):
    assert removed_by(rule, text), f"{rule.origin}: {rule.id} should remove {text!r}"


@pytest.mark.parametrize(("rule", "text"), _cases("keep"))
def test_rule_keeps_its_traps(rule, text):
    assert not removed_by(rule, text), f"{rule.origin}: {rule.id} should keep {text!r}"


def test_every_kind_is_used_by_the_builtin_packs():
    assert {r.kind.value for r in RULES} == {k.value for k in RuleKind}


def test_builtin_packs_cover_four_languages():
    examples = " ".join(e for r in RULES for e in r.examples.remove)
    for word in ("Share", "Artikel teilen", "Partager", "Compartir"):
        assert word in examples


def test_a_site_pack_is_scoped():
    scoped = [r for r in RULES if r.sites]
    assert scoped and all("/" not in s and "." in s for r in scoped for s in r.sites)
