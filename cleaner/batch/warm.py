"""Warming a Cleaner in the parent, before it forks its workers.

Some of what cleaning needs is built on first use, not when the rules compile:
trafilatura is imported with the first HTML page, it builds its jusText stoplists
(every language) on its first rescue, and a few rule kinds compile their token
patterns the first time they look at a line. Built in each forked worker, that is
about half a second of every worker's first record; built in the parent, it is
built once and shared by every fork. A spawned worker (where there is no fork) gets
none of it and builds it as before.

The warming documents are made of the rules' own examples, in text and in HTML, so
that every kind in the rule set runs at least once, whatever the rules say; and one
page of a single line, short enough for the extractor's rescue paths to run.
"""

from __future__ import annotations

from copy import copy
from dataclasses import replace
from html import escape

from ..api import Cleaner


def warm(cleaner: Cleaner) -> None:
    """Clean three small documents made of the rules' examples; the results are dropped.
    Cleaning never changes the Cleaner, so this only fills what it builds on first use.
    Never raises, nor stops at the run's --timeout: warming is worth having, not needed."""
    texts = [t for r in cleaner.rules.rules for t in (*r.examples.remove, *r.examples.keep)]
    unbounded = copy(cleaner)  # the same compiled rules, without the run's limits
    unbounded.config = replace(cleaner.config, timeout=0, max_bytes=0, max_elements=0)
    for doc in ("\n\n".join(texts), _page(texts[:20]), _page(texts[-1:])) if texts else ():
        try:
            unbounded.clean(doc)
        except Exception:  # noqa: BLE001,S112 - a document that fails here fails in a worker too
            continue


def _page(texts: list[str]) -> str:
    body = "".join(f"<p>{escape(t)}</p>" for t in texts)
    return (f"<html><head><title>{escape(texts[0])}</title></head>"
            f"<body><article>{body}</article></body></html>")
