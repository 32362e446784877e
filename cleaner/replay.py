"""Replaying a Result's steps on the segmented input reproduces its text.

This is the contract that makes explanations trustworthy: the output is the input
with the recorded blocks removed, white space normalised, and the recorded quote
marks inserted -- nothing else.
"""

from __future__ import annotations

from .model import Document, Result
from .textnorm import normalize_space


def replay(doc: Document, result: Result) -> str:
    gone = {s.block for s in result.removed}
    texts = {b.index: normalize_space(b.text) for b in doc.blocks if b.index not in gone}
    for step in result.repairs:
        t = texts[step.block]
        texts[step.block] = t[:step.offset] + step.inserted + t[step.offset + len(step.replaced):]
    parts = [t for t in texts.values() if t]
    return "\n\n".join(parts) + "\n" if parts else ""
