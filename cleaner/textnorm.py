"""How blocks and phrases are compared: case-, width- and whitespace-insensitive.

Both sides of every comparison go through `key()`, so a phrase written in a rule
file as "Share this article" matches "SHARE  this\u00a0Article:" in a page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
    if text.isascii():  # the common case, and none of the folded characters is ASCII
        return " ".join(text.split()).lower()
    folded = " ".join(text.translate(_FOLD).split()).casefold()
    return unicodedata.normalize("NFC", folded)


def full_key(text: str) -> str:
    """`key()` with decoration at both ends removed, for whole-block comparison."""
    return key(text).strip(EDGE)


# white space str.split() knows, but for "\n" and " ": listed, because a negated class
# ([^\S\n]) costs the regex engine a Unicode lookup per character of the document
_ODD_SPACE = re.compile("[" + "".join(
    c for c in map(chr, range(0x3001)) if c.isspace() and c not in "\n ") + "]")
_SPACE_RUN = re.compile(" {2,}")
_FOLD_PAIRS = tuple((chr(c), v or "") for c, v in _FOLD.items())


def keys(texts: list[str]) -> list[str]:
    """`key()` of many one-line texts at once: the work runs over one joined string in C."""
    joined = "\n".join(texts)
    if joined.isascii():
        low = joined.lower()
    else:
        # translate() with a dict table costs per character; replace only what is there
        for char, folded in _FOLD_PAIRS:
            if char in joined:
                joined = joined.replace(char, folded)
        low = unicodedata.normalize("NFC", joined.casefold())
    if _ODD_SPACE.search(low):
        low = _ODD_SPACE.sub(" ", low)
    if "  " in low:  # both skipped when there is nothing to collapse
        low = _SPACE_RUN.sub(" ", low)
    out = [line.strip(" ") for line in low.split("\n")]
    if len(out) != len(texts):  # a text held a line break after all: do them one by one
        return [key(t) for t in texts]
    return out


_QUOTE_MARKS = re.compile("[\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a]")


def copy_key(text: str) -> str:
    """How the duplicate kind compares blocks: to the letter, but for spacing, case and
    quotation marks (quote repair may put back the very mark that told two copies apart)."""
    return " ".join(_QUOTE_MARKS.sub("", text).split()).casefold()


def normalize_space(text: str) -> str:
    """No-break spaces become plain spaces; leading and trailing white space goes."""
    if text.isascii():
        return text.strip()
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ").strip()


@lru_cache(maxsize=1 << 16)
def size(text: str) -> int:
    """Characters a guard counts: all but the opening quotation marks, which quote repair
    may add; so that every threshold judges the output, cleaned again, as it judged the
    input, and cleaning stays idempotent.

    Memoised (bounded): the guards of every settle round ask again for the same blocks.
    A pure function of its argument, so the cache cannot make one document's result
    depend on another's."""
    n = len(text) - text.count('"')
    if not text.isascii():
        n -= text.count("\u201c") + text.count("\u00ab") + text.count("\u201e") + text.count("\u201a")
    return n


# Shared vocabularies of the text's own marks, so that stages agree on them.
BULLETS = "•·▪◦‣●○■□➢➤►-*–—"
LIST_MARK = re.compile(r"^(?:[" + re.escape(BULLETS) + r"]|\d{1,3}[.)])\s+")  # "• ", "- ", "1. "
SENTENCE_END = (".", "!", "?", "\u2026", ".\u201d", '."', "!\u201d", "?\u201d", ".)", ".\u2019")
