"""How blocks and phrases are compared: case-, width- and whitespace-insensitive.

Both sides of every comparison go through `key()`, so a phrase written in a rule
file as "Share this article" matches "SHARE  this\u00a0Article:" in a page.
"""

from __future__ import annotations

import unicodedata

# Typographic variants that should not make two spellings differ.
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)

# Characters trimmed from both ends before a full-block comparison.
EDGE = " \t.:;,!?-|•*·–—()[]{}<>\"'/\\_=+#~»«›‹"


def key(text: str) -> str:
    """The comparison form of a block: casefolded, typographic variants folded, spaces collapsed."""
    folded = " ".join(text.translate(_FOLD).split()).casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFC", folded)
    return folded


def full_key(text: str) -> str:
    """`key()` with decoration at both ends removed, for whole-block comparison."""
    return key(text).strip(EDGE)
