"""HTML: what reads as prose, the one test that element rules (a class word alone drops no
prose) and the element-drop guard (a rule may not cost prose) share."""

from __future__ import annotations

import re

PROSE_WORDS = 12  # a sentence this long is prose, not a label, a menu item or a teaser title
_SENTENCES = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", ")")


def is_prose(text: str) -> bool:
    """Holds a sentence of PROSE_WORDS words or more, ended by a sentence mark: written
    to be read, as a menu, a share bar, a list of headlines or a copyright line
    ("© 2024 Example Inc. All rights reserved.") is not.

    >>> is_prose("Home News Sport Weather Contact")
    False
    >>> is_prose("© 2024 Example Media Inc. All rights reserved. Privacy policy. Terms of use.")
    False
    >>> is_prose("I had the same problem after the update, and reinstalling the driver fixed it.")
    True
    """
    return any(len(s.split()) >= PROSE_WORDS and s.rstrip().endswith(_SENTENCE_END)
               for s in _SENTENCES.split(text))
