"""Context-sensitive pass: the neighbours settle what a block could not say on its own.

A SHORT block between noise is noise, between body paragraphs it is body. A NEARGOOD
block goes only with noise on both sides. Unlike jusText, the ends of the document are
no evidence of noise: text already extracted (trafilatura's output) starts and ends with
its own short lines, and between the edge and a body paragraph they stay. A block holding
sentence prose never goes, whatever its neighbours (`classify.prose`).

Returns, for each block, the reason it goes, or "" when it stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from .classify import SEPARATED, Class, Kind, Thresholds, prose
from .features import Features

EDGE = None  # the end of the document, on either side


def revise(feats: Sequence[Features], classes: Sequence[Class], t: Thresholds) -> list[str]:
    kinds = _headings(feats, [c.kind for c in classes], t)
    before, after = _nearest(kinds, (Kind.GOOD, Kind.BAD))
    out = []
    for i, (f, c, k) in enumerate(zip(feats, classes, kinds)):
        if prose(f, t) or k == Kind.GOOD:
            out.append("")
        elif k == Kind.BAD:
            # labels joined by separators between body paragraphs are the article's own
            # (a table of contents, a row of a table): only the other noise stands alone
            inside = before[i][0] == after[i][0] == Kind.GOOD
            out.append("" if inside and c.reason.endswith(SEPARATED) else c.reason)
        else:
            out.append(_between(f, k, before[i], after[i], t))
    return out


def _between(f: Features, k: Kind, before: tuple, after: tuple, t: Thresholds) -> str:
    """A SHORT or NEARGOOD block, judged by the nearest GOOD or BAD block on each side
    ((kind, index); the edge is (EDGE, -1 or len)): noise only with noise on both sides,
    or noise on one and the edge on the other, and only in a short stretch of such
    blocks: a long one between two noisy lines (a grid of products between two "Save
    25%" labels) is not told from a list by its ends."""
    (kb, ib), (ka, ia) = before, after
    sides = {kb, ka}
    if Kind.GOOD in sides or Kind.BAD not in sides or ia - ib - 1 > t.max_gap_blocks:
        return ""
    if k == Kind.NEARGOOD:
        return "block between noise, too few stopwords to be body on its own"
    return "short block between noise" + ("; link-like" if f.label else "")


def _nearest(kinds: Sequence[Kind], wanted: tuple[Kind, ...]) -> tuple[list, list]:
    """For each block, (kind, index) of the nearest block of `wanted` kinds before it and
    after it ((EDGE, -1) and (EDGE, len(kinds)) when there is none)."""
    before, last = [], (EDGE, -1)
    for i, k in enumerate(kinds):
        before.append(last)
        if k in wanted:
            last = (k, i)
    after, last = [], (EDGE, len(kinds))
    for i in range(len(kinds) - 1, -1, -1):
        after.append(last)
        if kinds[i] in wanted:
            last = (kinds[i], i)
    return before, after[::-1]


def _headings(feats: Sequence[Features], kinds: list[Kind], t: Thresholds) -> list[Kind]:
    """A SHORT label-shaped block (a subheading) close above a GOOD block is NEARGOOD:
    it heads the body paragraph below it (jusText's "good headings")."""
    out = list(kinds)
    for i, k in enumerate(kinds):
        if k != Kind.SHORT or not feats[i].label:
            continue
        distance = 0
        for j in range(i + 1, len(kinds)):
            if kinds[j] == Kind.GOOD:
                out[i] = Kind.NEARGOOD
                break
            distance += feats[j].chars
            if distance > t.max_heading_distance:
                break
    return out
