"""Stage 1, source: bytes or str in, decoded text and its kind out."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from .model import InputKind, InputTooLarge

_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p\b)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</(?:p|div|span|a|li|h[1-6]|article|section|body|html)\s*>", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class Source(NamedTuple):
    text: str
    kind: InputKind
    encoding: str  # what the bytes were decoded as ("str" when given text)
    utf8: bytes | None = None  # the bytes given, if they are `text` in UTF-8 as it stands


def read_source(content: bytes | str, kind: InputKind | None = None, max_bytes: int = 0) -> Source:
    """Decode `content` and tell whether it is HTML or plain text (unless `kind` says)."""
    if not isinstance(content, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"content must be str or bytes, not {type(content).__name__}")
    size = len(content) if not isinstance(content, str) else len(content) * (1 if content.isascii() else 2)
    if max_bytes and size > max_bytes:
        raise InputTooLarge(too_large(size, max_bytes))
    if isinstance(content, str):
        text, encoding, utf8 = content.removeprefix("\ufeff"), "str", None  # as bytes would be
    else:
        data = bytes(content)
        text, encoding, exact = _decode(data)
        utf8 = data if exact else None  # the HTML parser reads UTF-8: no need to encode text again
    return Source(text, kind or detect_kind(text), encoding, utf8)


_CONTROLS = bytes([*range(0, 9), *range(14, 27), *range(28, 32), 127])  # not \t\n\v\f\r, ESC


def not_text(data: bytes) -> str | None:
    """Why `data` is no text to clean (binary: an image, an archive, random bytes), or None.

    Text has no NUL byte and few control characters, whatever its encoding; UTF-16 and
    UTF-32, which are full of NULs, are told by their BOM or their pattern first."""
    head = data[:8192]
    if not head or any(head.startswith(bom) for bom, _ in _BOMS) or _utf16_without_bom(head):
        return None
    controls = len(head) - len(head.translate(None, _CONTROLS))
    if b"\0" in head or controls > len(head) // 20:
        return (f"not text: {controls} of its first {len(head):,} bytes are control "
                f"characters (binary data?); nothing was cleaned")
    return None


def too_large(size: int | None, limit: int) -> str:
    """The refusal message, in MB unless both round to the same MB: then in bytes.
    `size` None: unknown (a stream cut off past the limit)."""
    shown = f"{size / 1e6:.1f}" if size is not None else None
    if shown == f"{limit / 1e6:.1f}" or (size is None and limit % 100_000):
        sizes = f"{size or 0:,} bytes", f"{limit:,} bytes"
    else:
        sizes = f"{(size or 0) / 1e6:.1f} MB", f"{limit / 1e6:.1f} MB"
    what = "document" if size is None else f"document of {sizes[0]}"
    return f"{what} is over the limit of {sizes[1]} (max_bytes, --max-bytes)"


def detect_kind(text: str) -> InputKind:
    head = text[:4096].encode("utf-8", "surrogatepass")
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(text[:20000])) >= 3:
        return InputKind.HTML
    return InputKind.TEXT


def decode(data: bytes, hint: str | None = None) -> tuple[str, str]:
    """Decode by BOM, then as UTF-8, then by the page's own declaration, then a detector.

    UTF-8 goes before the declaration because pages that declare latin-1 and send UTF-8
    are common, while latin-1 text that happens to be valid UTF-8 is rare. Never raises:
    a wrong declaration or invalid bytes fall through to the next guess, and the last
    resort replaces what cannot be decoded. `hint` is a charset named outside the
    bytes, such as an HTTP Content-Type header; it ranks with the page's own declaration.
    """
    text, encoding, _ = _decode(data, hint)
    return text, encoding


def _decode(data: bytes, hint: str | None = None) -> tuple[str, str, bool]:
    """decode(), and whether `data` is the text in UTF-8, byte for byte."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc, False
    if (wide := _utf16_without_bom(data)):
        return data.decode(wide, "replace"), wide, False
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        return *_dammit(data, hint), False


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly ASCII characters has a NUL in every other byte."""
    head = data[:2000]
    if len(head) < 4 or head.count(0) < len(head) // 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 3 * even:
        return "utf-16-le"
    if even > 3 * odd:
        return "utf-16-be"
    return None


def _dammit(data: bytes, hint: str | None) -> tuple[str, str]:
    """Not UTF-8: beautifulsoup4's UnicodeDammit tries the hint, the page's own
    declaration (<meta charset>, the XML declaration), then a detector (charset_normalizer,
    trafilatura's dependency), then windows-1252, replacing what none decodes."""
    from bs4 import UnicodeDammit

    found = UnicodeDammit(data, [hint] if hint else [], is_html=True)
    if found.unicode_markup is None:  # not seen: its last resort replaces
        return data.decode("utf-8", "replace"), "utf-8"
    return found.unicode_markup, codecs.lookup(found.original_encoding).name  # "cp1252", one name
