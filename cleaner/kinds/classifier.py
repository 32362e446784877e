"""classifier: menus, footers, link lists and tag clouds of whole-page text, told by
shallow features and their neighbours (cleaner/blockclass: features, classify, revise).

Its rule names the languages whose stoplists it may use (jusText's, from the `justext`
package), the page-tool words and notice marks, and its thresholds; every number is data.
"""

from __future__ import annotations

from collections.abc import Iterator

import justext

from ..blockclass import verdicts
from ..model import InputKind, Match, Rule, RuleKind, Thresholds
from ..textnorm import key
from .base import Field, Kind, Placing

NUMBERS = {name: (Field.SHARE if isinstance(value, float) else Field.INT)
           for name, value in Thresholds()._asdict().items() if isinstance(value, int | float)}


def _parse(entry: dict, values: dict, ctx) -> dict:
    languages = values.get("languages", ())
    if not languages:
        raise ctx.fail('needs languages = ["English", ...]: the stoplists it may use',
                       "languages")
    known = justext.get_stoplists()
    for name in languages:
        if name not in known:
            raise ctx.fail(f"no stoplist for {name!r}; the justext package has "
                           f"{', '.join(sorted(known)[:6])}, ... (capitalised English names)",
                           "languages")
    numbers = {n: v for n, v in values.items() if n in NUMBERS}
    return {"thresholds": Thresholds(
        **numbers,
        stoplists=tuple(frozenset(justext.get_stoplist(n)) for n in dict.fromkeys(languages)),
        tools=frozenset(key(w) for w in values.get("tools", ())),
        notices=tuple(key(w) for w in values.get("notices", ())))}


def _check(rule: Rule, ctx) -> None:
    t = rule.thresholds
    if t.stopwords_low > t.stopwords_high:
        raise ctx.fail("must not be above stopwords_high", "stopwords_low")
    if t.length_low > t.length_high:
        raise ctx.fail("must not be above length_high", "length_low")
    if t.prose_words < 2:
        raise ctx.fail("must be 2 or more: one word is not a sentence of prose", "prose_words")


def classifier_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    """The blocks left that the classifier takes for noise, each with its reason. Text
    input only: a page's HTML has been through the element rules and the extractor."""
    view = at.view
    if view.doc.kind != InputKind.TEXT:
        return
    left = list(view.forward())
    texts = [view.doc.blocks[i].text for i in left]
    for i, why in zip(left, verdicts(texts, rule.thresholds)):
        if why:
            yield Match(rule.id, i, why)


KIND = Kind(
    RuleKind.CLASSIFIER,
    fields={"languages": Field.STRINGS, "tools": Field.STRINGS, "notices": Field.STRINGS,
            **NUMBERS},
    parse=_parse,
    check=_check,
    place=classifier_matches,
    # it judges what the rules that name their noise have left, so that they name it
    late=True,
)
