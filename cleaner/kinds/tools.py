"""tools: a line made only of page-tool words and separators, in any order and number.

"Share | Print | A- A+", "5 min read · 12 comments · Save", "Teilen Drucken Vorlesen":
the buttons of a tool bar printed as text. The words are data (vocabularies per
language in rules/vocab/); the kind only asks whether a line is nothing but them, counts
("12", "1.2k") and marks, with at least `min_words` of the words in it, so that one
word alone ("Listen", "Print") is left to the block rules, which know their context.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import regex

from ..model import Match, Rule, RuleKind
from .base import Field, Kind, Placing, plain


def folded_words(values: dict, ctx, example: str) -> tuple[str, ...]:
    """The rule's `words`, folded as keys are, once each; refused when there are none."""
    words = tuple(dict.fromkeys(" ".join(w.split()).casefold() for w in values.get("words", ())))
    if not words:
        raise ctx.fail(f'this kind of rule needs words = [{example}, ...] (or "{{vocabulary}}")',
                       "words")
    return words


def _parse(entry: dict, values: dict, ctx) -> dict:
    return plain(entry, values, ctx) | {"words": folded_words(values, ctx, '"share", "print"')}


def _check(rule: Rule, ctx) -> None:
    if rule.min_words < 2:
        raise ctx.fail("must be 2 or more: one word alone is a block rule's to judge", "min_words")


@functools.lru_cache(maxsize=32)  # one compiled pattern per word list, not per document
def tokens(words: tuple[str, ...]) -> regex.Pattern:
    """One token of a tool line: a word of the rule (longest first, whole), a count
    ("12", "1.2k", "14:30", "14h30"), or a run of marks and spaces."""
    alternation = "|".join(regex.escape(w, literal_spaces=True)
                           for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?P<word>(?:{alternation})(?!\w))|(?P<count>\d[\d.,:]*(?:k|h\d{{0,2}})?(?!\w))"
                         r"|(?P<mark>[^\w]+)", regex.IGNORECASE)


_FIRST_WORD = re.compile(r"^\W*?(\w+)")


@functools.lru_cache(maxsize=32)
def openers(words: tuple[str, ...]) -> frozenset[str]:
    """The first word (run of letters and digits) of each of `words`: a line that opens
    with none of them, nor with a figure, is not looked at further."""
    return frozenset(m.group(1) for w in words if (m := _FIRST_WORD.match(w)))


def may_open(key: str, firsts: frozenset[str]) -> bool:
    m = _FIRST_WORD.match(key)
    return m is not None and (m.group(1) in firsts or m.group(1)[0].isdigit())


def tool_words(key: str, token: regex.Pattern) -> int:
    """How many tool words `key` is made of; 0 if anything else stands in it, or if its
    counts are not outnumbered by words of two letters or more: "32 x 42 x 39" is a
    product's size, not the X button twice."""
    at = words = strong = counts = 0
    for m in token.finditer(key):
        if m.start() != at:
            return 0
        at = m.end()
        if m.lastgroup == "word":
            words += 1
            strong += sum(c.isalpha() for c in m.group()) > 1
        counts += m.lastgroup == "count"
    return words if at == len(key) and strong and counts <= strong else 0


def tool_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    view = at.view
    token, firsts = tokens(rule.words), openers(rule.words)
    sizes, keys = view.sizes.each, view.keys
    for i in view.forward():
        if sizes[i] <= rule.max_chars and may_open(keys[i], firsts) \
                and (n := tool_words(keys[i], token)) >= rule.min_words:
            yield Match(rule.id, i, f"a line of {n} page-tool words")


KIND = Kind(
    RuleKind.TOOLS,
    fields={"words": Field.STRINGS, "min_words": Field.INT, "max_chars": Field.INT},
    defaults={"max_chars": 120},
    parse=_parse,
    check=_check,
    place=tool_matches,
    positional=lambda rule: False,  # a line is a tool line wherever it stands
)
