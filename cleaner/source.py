"""Stage 1, source: bytes or str in, decoded text and its kind out."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

from .model import InputKind

_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|article|p\b)",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</(?:p|div|span|a|li|h[1-6]|article|section|body|html)\s*>", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE
)
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


def read_source(content: bytes | str, kind: InputKind | None = None) -> Source:
    """Decode `content` and tell whether it is HTML or plain text (unless `kind` says)."""
    if isinstance(content, str):
        text, encoding = content, "str"
    elif isinstance(content, (bytes, bytearray, memoryview)):
        text, encoding = decode(bytes(content))
    else:
        raise TypeError(f"content must be str or bytes, not {type(content).__name__}")
    return Source(text, kind or detect_kind(text), encoding)


def detect_kind(text: str) -> InputKind:
    head = text[:4096].encode("utf-8", "surrogatepass")
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(text[:20000])) >= 3:
        return InputKind.HTML
    return InputKind.TEXT


def decode(data: bytes) -> tuple[str, str]:
    """Decode by BOM, then the page's own declaration, then UTF-8, then a detector.

    Never raises: a wrong declaration or invalid bytes fall through to the next guess,
    and the last resort replaces what cannot be decoded.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, "replace"), enc
    for enc in (_declared(data), "utf-8"):
        if enc:
            try:
                return data.decode(enc), enc
            except (UnicodeDecodeError, LookupError):
                continue
    return _detect(data)


def _declared(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # trafilatura's own dependency

    best = from_bytes(data[:200_000]).best()
    enc = best.encoding if best else "utf-8"
    try:
        return data.decode(enc, "replace"), enc
    except LookupError:
        return data.decode("utf-8", "replace"), "utf-8"
