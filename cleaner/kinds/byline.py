"""byline: a short line of capitalised names near the top, optionally after "By"/"Von"/..."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from ..loader_checks import vocabulary
from ..model import Match, Rule, RuleKind
from ..textnorm import key, size
from .base import Field, Kind, Placing, plain
from .values import keys_of


def _parse(entry: dict, values: dict, ctx) -> dict:
    # longest prefix first: "Texte :" must win over "Texte"
    prefixes = sorted({key(p) for p in values.get("prefixes", ())}, key=len, reverse=True)
    return plain(entry, values, ctx) | {
        "prefixes": tuple(prefixes), "connectors": keys_of(values.get("connectors", ())),
        "first_names": vocabulary(entry.get("first_names_file"), ctx)}


_NAME = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’.-]*|[A-Z]\.)$")
_SPLIT = re.compile(r"[\s,;|/]+")


def byline_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    """A short line of capitalised names near the top, optionally after "By"/"Von"/...

    The title (first block left) is never a byline, and a bare name (no "By") after a
    paragraph of prose is not one either: it credits a picture or a work, the body has begun.
    """
    view = at.view
    blocks = view.doc.blocks
    window = list(islice(view.forward(), rule.within_first or None))
    prose = next((i for i in window if view.prose(i, rule.prose_chars)), len(blocks))
    for i in window[1:]:
        text = blocks[i].text
        if size(text) <= rule.max_chars and is_byline(text, rule) \
                and (i < prose or _prefix(text, rule)):
            yield Match(rule.id, i, f'byline "{text.strip()}"')


def _prefix(text: str, rule: Rule) -> str | None:
    folded = key(text)
    return next((p for p in rule.prefixes if folded.startswith(p + " ")), None)


def is_byline(text: str, rule: Rule) -> bool:
    prefix = _prefix(text, rule)
    body = text.strip()[len(prefix) + 1:] if prefix else text.strip()
    words = [w for w in _SPLIT.split(body) if w]
    if not words or len(words) > rule.max_words:
        return False
    names = [w for w in words if w.casefold() not in rule.connectors]
    if not names or not all(_NAME.match(w) for w in names):
        return False
    if prefix:
        return True  # "By X" may be one word ("By Reuters") and in capitals ("BY JANE DOE")
    # a bare name is a first and a last name, written as names are: "Kevin Baron", not
    # "LOOK WHAT YOU MADE ME DO" (a heading in capitals)
    if len(names) < 2 or not all(_TITLE_CASE.match(w) for w in names):
        return False
    # ...and starts with a given name: "Defensive Line" is a subheading
    return not rule.first_names or names[0].casefold() in rule.first_names


_TITLE_CASE = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž](?=[\w'’.-]*[a-zß-öø-ÿā-ž])[\w'’.-]*|[A-Z]\.)$")


KIND = Kind(
    RuleKind.BYLINE,
    fields={"prefixes": Field.STRINGS, "connectors": Field.STRINGS, "max_words": Field.INT,
            "max_chars": Field.INT, "within_first": Field.INT, "first_names_file": Field.ANY},
    defaults={"max_words": 6},
    parse=_parse,
    place=byline_matches,
    gives_byline=True,
)
