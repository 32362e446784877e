"""cards: a run of teaser cards that ends the text (separator, headline, blurb)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Match, Rule, RuleKind
from .base import Field, Kind, Placing, plain
from .values import separators


def _parse(entry: dict, values: dict, ctx) -> dict:
    return plain(entry, values, ctx) | {"separators": separators(
        values.get("separators", ()), ctx, "the lines that open a card")}


def _check(rule: Rule, ctx) -> None:
    if rule.min_run < 2:
        raise ctx.fail("must be 2 or more: one card is not a run of teasers", "min_run")
    if rule.max_card_blocks < 2:
        raise ctx.fail("must be 2 or more: a card is a headline and its blurb",
                       "max_card_blocks")


def card_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    """A run of teaser cards that ends the text, after the last paragraph of prose: each
    card a separator line ("-") and then 2 to `max_card_blocks` short blocks (a headline,
    with no full stop, and its blurb), at least `min_run` cards, all opened by the same
    separator.

    No per-block rule can take these: a blurb is a sentence. What gives them away is the
    shape: a list in the article has one line an item (or prose in it), and a separator
    between the article's sections has prose after it.
    """
    view = at.view
    last = next((i for i in view.backward() if view.prose(i, rule.prose_chars)), None)
    if last is None:
        return  # no body to tell the cards from
    tail = list(view.forward(last + 1))
    run = _card_run(rule, [view.keys[i] for i in tail], [view.sizes.each[i] for i in tail])
    if run:
        why = f"{run[0]} teaser cards in a row, to the end of the text"
        yield from (Match(rule.id, i, why) for i in tail[run[1]:])


def _card_run(rule: Rule, ks: list[str], sizes: list[int]) -> tuple[int, int] | None:
    """(cards, where the first one starts) for the cards that end `ks`, read from the end;
    None if fewer than `min_run`."""
    cards, start, pending, opener = 0, len(ks), 0, None
    for at in range(len(ks) - 1, -1, -1):
        if ks[at] in rule.separators:
            if not 2 <= pending <= rule.max_card_blocks or opener not in (None, ks[at]) \
                    or ks[at + 1].endswith("."):
                break  # not a card: one line (a list item), or no headline (a full stop)
            cards, start, pending, opener = cards + 1, at, 0, ks[at]
        elif sizes[at] <= rule.max_chars and pending < rule.max_card_blocks:
            pending += 1
        else:
            break
    return (cards, start) if cards >= rule.min_run else None


KIND = Kind(
    RuleKind.CARDS,
    fields={"separators": Field.STRINGS, "max_chars": Field.INT, "min_run": Field.INT,
            "max_card_blocks": Field.INT, "prose_chars": Field.INT},
    defaults={"max_chars": 150, "min_run": 3},
    parse=_parse,
    check=_check,
    place=card_matches,
)
