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


_HSPACE = re.compile(r"[^\S\n]{2,}|[^\S\n ]")  # runs, or one space that is not " "
_FOLDED = re.compile("[" + "".join(chr(c) for c in _FOLD) + "]")


def keys(texts: list[str]) -> list[str]:
    """`key()` of many one-line texts at once: the work runs over one joined string in C."""
    joined = "\n".join(texts)
    if joined.isascii():
        low = joined.lower()
    else:
        # translate() with a dict table costs per character; fold only what is there
        if _FOLDED.search(joined):
            joined = _FOLDED.sub(lambda m: m.group().translate(_FOLD), joined)
        low = unicodedata.normalize("NFC", joined.casefold())
    if not low.isascii() or "  " in low or "\t" in low or "\r" in low or "\x0b" in low or "\x0c" in low:
        low = _HSPACE.sub(" ", low)  # skipped when there is nothing to collapse
    out = [line.strip(" ") for line in low.split("\n")]
    if len(out) != len(texts):  # a text held a line break after all: do them one by one
        return [key(t) for t in texts]
    return out


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
