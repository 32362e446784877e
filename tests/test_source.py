"""Decoding and kind detection: declared, BOM, wrong declaration, invalid bytes, UTF-16."""

import pytest

from cleaner import Cleaner
from cleaner.model import InputKind
from cleaner.source import decode, detect_kind, read_source

TEXT = "Café déjà vu, naïve façade: “quoted”."
HTML = "<html><head><meta charset='{cs}'><title>T</title></head><body><p>{body}</p></body></html>"


def test_utf8_bytes():
    assert decode(TEXT.encode("utf-8")) == (TEXT, "utf-8")


@pytest.mark.parametrize("enc", ["utf-8-sig", "utf-16", "utf-32"])
def test_bom_decides(enc):
    text, _ = decode(TEXT.encode(enc))
    assert text == TEXT


@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(enc):
    text, used = decode(("Plain words and more plain words. " * 5 + TEXT).encode(enc))
    assert text.endswith(TEXT) and used == enc


def test_declared_charset_is_used():
    page = HTML.format(cs="windows-1252", body="Caf\u00e9 au lait")
    text, used = decode(page.encode("cp1252"))
    assert "Caf\u00e9 au lait" in text and used == "cp1252"


def test_wrong_declaration_utf8_sent_as_latin1():
    page = HTML.format(cs="iso-8859-1", body=TEXT)
    text, used = decode(page.encode("utf-8"))
    assert TEXT in text and used == "utf-8"


def test_unknown_declared_charset_does_not_crash():
    page = HTML.format(cs="x-no-such-charset", body="caf\u00e9")
    text, _ = decode(page.encode("latin-1"))
    assert "caf" in text


def test_invalid_bytes_never_raise():
    text, _ = decode(b"\xff\xfe\xfa\x80abc\xc3(" * 50)
    assert isinstance(text, str)


def test_str_passes_through():
    assert read_source(TEXT).text == TEXT and read_source(TEXT).encoding == "str"


@pytest.mark.parametrize(("content", "kind"), [
    ("<!DOCTYPE html><html><body><p>x</p></body></html>", InputKind.HTML),
    ("  <html lang=en><p>x", InputKind.HTML),
    ("Title\n\nA paragraph that mentions <b>bold</b> once.", InputKind.TEXT),
    ("Headline\n\nBody text.", InputKind.TEXT),
])
def test_kind_detection(content, kind):
    assert detect_kind(content) == kind


def test_input_flag_overrides_detection():
    page = "<html><body><p>Para one is here.</p></body></html>"
    out = Cleaner().clean(page, url=None)
    from cleaner import Config
    forced = Cleaner(Config(input=InputKind.TEXT)).clean(page)
    assert "<p>" not in out.text and "<p>" in forced.text


@pytest.mark.parametrize(("content", "kept"), [
    (TEXT.encode("utf-8"), True),
    (TEXT.encode("utf-8-sig"), False),  # the text has no BOM
    (HTML.format(cs="windows-1252", body="Caf\u00e9").encode("cp1252"), False),
    (b"\xff\xfe\xfa\x80abc\xc3(" * 50, False),  # replaced characters
    (TEXT, False),  # a str has no bytes
])
def test_utf8_bytes_kept_only_when_they_are_the_text(content, kept):
    source = read_source(content)
    assert (source.utf8 is not None) == kept
    assert not kept or source.utf8.decode("utf-8") == source.text


def test_limit_message_gives_bytes_when_the_megabytes_would_read_equal():
    from cleaner.model import InputTooLarge
    from cleaner.source import read_source

    with pytest.raises(InputTooLarge, match=r"document of 1,001 bytes is over the limit of 1,000 bytes"):
        read_source(b"x" * 1001, max_bytes=1000)
    with pytest.raises(InputTooLarge, match=r"document of 2.0 MB is over the limit of 1.0 MB"):
        read_source(b"x" * 2_000_000, max_bytes=1_000_000)


# benchmark pages whose characters all survive in ISO-8859-2 and which, sent in it without
# a declaration, the detector used before UnicodeDammit read as ASCII with replacements
UNDECLARED_LATIN2 = ("374ac9a59a85196cdacc1679fb8993521a7b7d9d6533720f102300be1c7face4",
                     "5fbc7ccb504c755ae23a85499a17518483d7862b74b4a5c34d86ede1a1a4448e",
                     "7f93c1944a41d01960f8a16fdfda6c562e86f04ead8375ab796c4278402df9a8")


@pytest.mark.parametrize("name", UNDECLARED_LATIN2)
def test_an_undeclared_legacy_encoding_is_read_without_loss(name):
    import gzip
    import re

    from conftest import shared_path

    page = gzip.decompress(shared_path("bench", "aeb-dev", "html", name + ".html.gz").read_bytes())
    text = re.sub(r"""charset\s*=\s*["']?[\w.:-]+["']?""", "", page.decode("utf-8"), flags=re.I)
    data = text.encode("iso-8859-2", "replace")
    assert decode(data)[0] == data.decode("iso-8859-2")
