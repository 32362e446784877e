"""duplicate: a block printed more than once (captions printed twice, pull quotes)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from ..layout import View
from ..model import Document, Match, Rule, RuleKind
from ..textnorm import SENTENCE_END, copy_key, size
from .base import Field, Kind, Placing, plain


def _parse(entry: dict, values: dict, ctx) -> dict:
    keep = entry.get("keep", "first")
    if keep not in ("first", "none"):
        raise ctx.fail("must be \"first\" (keep the first copy) or \"none\"", "keep")
    return plain(entry, values, ctx) | {"keep": keep}


def _check(rule: Rule, ctx) -> None:
    if rule.max_copies < 2:
        raise ctx.fail("must be 2 or more", "max_copies")


def copy_groups(doc: Document, keys: tuple[str, ...], min_chars: int = 0) -> dict[str, tuple[int, ...]]:
    """The blocks printed more than once, by their copy key: worked out once per document;
    each round only asks which copies are left. Blocks shorter than `min_chars` are
    left out (no duplicate rule looks at them).

    The blocks' comparison keys (`keys`, from the match stage) with quote marks and
    spaces taken out are a coarser grouping than copy keys, found over the whole
    document at once; only blocks that share one get a copy key of their own."""
    blocks = doc.blocks
    coarse = "\n".join(keys).replace('"', "").replace("'", "").replace(" ", "").split("\n")
    if len(coarse) != len(blocks):  # a key held a line break after all
        coarse = [b.text for b in blocks]
        return _groups([copy_key(t) for t in coarse], range(len(coarse)))
    twice = {k for k, n in Counter(coarse).items() if n > 1 and k}
    if not twice:
        return {}
    maybe = [i for i, k in enumerate(coarse) if k in twice and len(blocks[i].text) >= min_chars]
    return _groups([copy_key(blocks[i].text) for i in maybe], maybe)


def copy_floor(rules) -> int | None:
    """The shortest block any duplicate rule among `rules` looks at; None with no such rule."""
    return min((r.min_chars for r in rules if r.kind == RuleKind.DUPLICATE), default=None)


def _groups(ks: list[str], indices) -> dict[str, tuple[int, ...]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, k in zip(indices, ks):
        if k:
            groups[k].append(i)
    return {k: tuple(v) for k, v in groups.items() if len(v) > 1}


def duplicate_matches(rule: Rule, at: Placing) -> Iterator[Match]:
    """Blocks printed more than once: all copies (keep="none") or all but the first."""
    view = at.view
    blocks = view.doc.blocks
    limit = rule.within_first or len(blocks)
    for k, group in at.copies.items():
        if len(k) < rule.min_chars:
            continue
        copies = [i for i in group if view.kept(i) and len(blocks[i].text) >= rule.min_chars
                  and view.position(i) < limit]
        if not 2 <= len(copies) <= rule.max_copies:
            continue  # a line repeated more often than that is a refrain, not a copy
        places = [view.position(i) for i in copies]
        if rule.max_gap and any(b - a > rule.max_gap for a, b in zip(places, places[1:])):
            continue
        if rule.gap_max_chars and not _short_between(view, copies, rule.gap_max_chars):
            continue  # body text between the copies: a pull quote, not a caption
        drop = copies if rule.keep == "none" else copies[1:]
        why = f"printed {len(copies)} times (blocks {', '.join(map(str, copies))})"
        for i in drop:
            yield Match(rule.id, i, why)


def _short_between(view: View, copies: list[int], limit: int) -> bool:
    """At least one block between each pair of copies, all short lines that are not sentences
    (bylines, widgets): a sentence between the copies means the body has begun."""
    blocks = view.doc.blocks
    for a, b in zip(copies, copies[1:]):
        gap = view.forward(a + 1, b)
        first = next(gap, None)
        if first is None or not _furniture(blocks[first].text, limit):
            return False
        if not all(_furniture(blocks[i].text, limit) for i in gap):
            return False
    return True


def _furniture(text: str, limit: int) -> bool:
    text = text.strip()
    return size(text) <= limit and not text.endswith(SENTENCE_END)


KIND = Kind(
    RuleKind.DUPLICATE,
    fields={"min_chars": Field.INT, "max_copies": Field.INT, "keep": Field.ANY,
            "max_gap": Field.INT, "gap_max_chars": Field.INT, "within_first": Field.INT},
    defaults={"min_chars": 30},
    parse=_parse,
    check=_check,
    place=duplicate_matches,
)
