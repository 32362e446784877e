"""title: the page's <title> printed above its headline ("Headline - Site")."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from ..model import Match, Rule, RuleKind
from ..textnorm import SENTENCE_END, copy_key
from .base import Field, Kind, Placing, plain
from .values import keys_of, separators


def _parse(entry: dict, values: dict, ctx) -> dict:
    return plain(entry, values, ctx) | {
        "separators": separators(values.get("separators", ()), ctx,
                                 "what stands between the headline and the site's name"),
        "connectors": keys_of(values.get("connectors", ()))}


def title_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    """The page's <title> printed as the first block, as whole-page text has it: the
    headline, a separator and the site's name ("Headline - Site", "Headline | Site"),
    right above the headline itself. The copy with the name goes; the headline stays,
    and is the title (decide says so, whatever mark ends it).

    Blocks are compared by key, without quotation marks (quote repair may put back the
    mark that told them apart); the name is at most `max_words` words, no sentence, no
    figure, and written as names are: no word in lower case but a `connectors` word or a
    domain. A subtitle ("Super Bowl LVIII - Chiefs Beat 49ers") fails the last two.
    """
    view = at.view
    window = list(islice(view.forward(), 2))
    if len(window) < 2 or view.sizes.each[window[0]] > rule.max_chars:
        return
    first, headline = window
    k, head = copy_key(view.keys[first]), copy_key(view.keys[headline])
    if len(head) < rule.min_chars or not k.startswith(head):
        return
    for sep in rule.separators:
        if k.startswith(f"{head} {sep} "):
            name = k[len(head) + len(sep) + 2:]
            words = view.doc.blocks[first].text.split()[-len(name.split()):] if name else []
            if _site_name(words, rule):
                yield Match(rule.id, first, f'the headline (block {headline}) and a name, "{name}"')
            return


def _site_name(words: list[str], rule: Rule) -> bool:
    """A site's name: "Fox Business", "The Coastal Ledger", "nj.com"; not a sentence
    ("and the mayor is pleased.") or a phrase ("in five charts")."""
    if not 0 < len(words) <= rule.max_words:
        return False
    text = " ".join(words)
    if text.endswith(SENTENCE_END) or any(m in text for m in (". ", "! ", "? ")) \
            or any(c.isdigit() for c in text):
        return False
    named = [w for w in words if w.casefold() not in rule.connectors]
    return bool(named) and all(not w[0].islower() or "." in w.strip(".") for w in named)


KIND = Kind(
    RuleKind.TITLE,
    fields={"separators": Field.STRINGS, "max_chars": Field.INT, "min_chars": Field.INT,
            "max_words": Field.INT, "connectors": Field.STRINGS},
    defaults={"max_chars": 300, "min_chars": 15, "max_words": 4},
    parse=_parse,
    place=title_matches,
    late=True,
    gives_title=True,
)
