"""Hostile and broken input: bounded time and memory, output or one clear error, and the
next document still gets cleaned. Each case runs in a child process so that a hang or
a blow-up is seen as a failure here rather than taking the suite down with it."""

import subprocess
import sys
import textwrap

import pytest

from cleaner import Cleaner, Config
from cleaner.model import CleanerError, CleanerTimeout, InputTooLarge

C = Cleaner(Config(timeout=10))


def in_child(code: str, timeout: float = 60, memory_mb: int = 3000) -> str:
    """Run `code` in a fresh interpreter under an address-space cap; return its stdout."""
    prog = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, resource.RLIM_INFINITY))
        from cleaner import Cleaner, Config
        from cleaner.model import CLEANER_ERRORS
        c = Cleaner(Config(timeout=8))
        def show(content):
            try:
                r = c.clean(content)
                print("OK", len(r.text), r.warnings[:1])
            except CLEANER_ERRORS as e:
                print("ERROR", e)
            print("NEXT", c.clean("Title\\n\\nAdvertisement\\n\\nBody stays.").text == "Title\\n\\nBody stays.\\n")
    """) + textwrap.dedent(code)
    proc = subprocess.run([sys.executable, "-c", prog], capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "NEXT True" in proc.stdout
    return proc.stdout


def test_page_of_50_mb_gives_one_clear_error():
    out = in_child('show("<html><body>" + "<p>Some paragraph text here.</p>" * 1_600_000)')
    assert "ERROR document of 5" in out and "over the limit" in out


def test_text_of_one_10_mb_line():
    out = in_child('show("word " * 2_000_000)')
    assert out.startswith("OK 10000000")


def test_100000_nested_divs():
    out = in_child('show("<html><body>" + "<div>" * 100_000 + "<p>Deep text.</p>" + "</div>" * 100_000)')
    assert out.startswith(("OK", "ERROR"))


def test_a_million_sibling_paragraphs():
    out = in_child('show("<html><body>" + "<p>Para.</p>" * 1_000_000)')
    assert "ERROR page has more than 300,000 elements" in out


def test_time_limit_is_not_swallowed_by_a_library():
    out = in_child('''
        import cleaner.html.segment as s, time
        real = s._extract
        def swallowing(root, url):
            try:
                time.sleep(30)
            except Exception:
                pass  # what trafilatura's own recall retry does with errors
            return real(root, url)
        s._extract = swallowing
        show("<html><body><p>Body text of the page for the reader.</p></body></html>")
        s._extract = real
    ''', timeout=40)
    assert "ERROR gave up after 8s" in out


def test_nested_time_limits_keep_the_outer_one():
    from cleaner.limits import time_limit

    with pytest.raises(CleanerTimeout), time_limit(0.3):
        with time_limit(5):
            pass
        import time as t
        t.sleep(2)


def test_slow_page_hits_the_time_limit():
    out = in_child('''
        import cleaner.html.segment as s, time
        real = s._extract
        s._extract = lambda root, url: (time.sleep(30), real(root, url))[1]
        show("<html><body><p>Body text of the page for the reader.</p></body></html>")
        s._extract = real
    ''', timeout=40)
    assert "ERROR gave up after 8s" in out


@pytest.mark.parametrize("page", [
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<html><body><p>&c; &x; Body.</p></body></html>",
])
def test_entities_are_never_expanded_nor_fetched(page):
    text = C.clean(page).text
    assert "aaaaaaaaaa" not in text and "root:" not in text


@pytest.mark.parametrize("page", [
    "<html><body><div><p>Unclosed one<p>Unclosed two<div><span>",
    "<html><body><!-- <p>x</p> --><![CDATA[ y ]]><p>Visible text of the page for readers.<!--z--></p>",
    "<html><body><script>var s='Article-like prose that is really code.';</script><style>p{}</style>"
    "<p>Real text of the article that the reader wants to read today.</p></body></html>",
    "<html><body><svg><text>t</text></svg><math><mi>x</mi></math><p>After the figures, the text.</p>",
    "<html><frameset><frame src='a.html'><noframes>No frames.</noframes></frameset></html>",
    "<html>" * 5000,
    "\x00\x01\x02<html>\x00<p>nul</p>",
])
def test_broken_markup_yields_output(page):
    r = C.clean(page)
    assert isinstance(r.text, str)
    assert "Article-like prose" not in r.text


def test_script_text_is_not_body():
    r = C.clean("<html><body><script>var s='Article-like prose that is code.';</script>"
                "<p>Real text of the article that the reader wants to read today.</p></body></html>")
    assert "Real text of the article" in r.text and "Article-like" not in r.text


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xff\xfe\x00", bytes(range(256)) * 40])
def test_empty_and_binary(data):
    assert isinstance(C.clean(data).text, str)


def test_lone_surrogates_and_control_characters_in_str():
    r = C.clean("Title\n\n\ud800 body \u202e text\u200b with \x07 bells and e\u0301 marks \U0001F600.")
    assert "\ud800" in r.text or r.text


def test_declared_and_sent_charsets_differ():
    page = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\u00e9 \u201cquoted\u201d text here.</p>"
    assert "Caf\u00e9" in C.clean(page.encode("utf-8")).text


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_pages(enc):
    page = "<html><body><p>Caf\u00e9 au lait is what the council ordered on Monday.</p></body></html>"
    assert "Caf\u00e9 au lait" in C.clean(page.encode(enc)).text


def test_errors_are_cleaner_errors():
    assert issubclass(InputTooLarge, CleanerError)
    # a timeout must get through the libraries' own `except Exception` blocks
    assert not issubclass(CleanerTimeout, Exception)
    with pytest.raises(InputTooLarge):
        Cleaner(Config(max_bytes=10)).clean("x" * 100)


def test_a_paragraph_of_40000_inline_elements_is_flattened_not_quadratic():
    # 20,000 links in one <p> took trafilatura 78 s, in C calls no timer interrupts
    out = in_child('''
        import time
        t0 = time.monotonic()
        show("<html><body><article><p>" + "<a href='#'>link</a> <em>e</em> " * 20_000 + "</p></article></body></html>")
        print("TOOK", time.monotonic() - t0)
    ''', timeout=60)
    assert out.startswith("OK 140000") and "flattened 1 paragraph(s) holding 40,000 inline" in out
    assert float(out.split("TOOK ")[1].split()[0]) < 5


def test_an_ordinary_paragraph_keeps_its_links():
    from lxml import html as lxml_html

    from cleaner.html.shape import flatten_heavy_paragraphs

    root = lxml_html.fromstring("<html><body>" + "<p>See <a href='#'>this</a> and <b>that</b>.</p>" * 50)
    assert flatten_heavy_paragraphs(root) == () and len(root.findall(".//a")) == 50


def test_flattening_keeps_every_word_and_line_break():
    from lxml import html as lxml_html

    from cleaner.html.shape import flatten_heavy_paragraphs

    root = lxml_html.fromstring("<html><body><p>One <i>two</i><br>three <a>four</a> five</p></body></html>")
    assert flatten_heavy_paragraphs(root, budget=0)
    p = root.find(".//p")
    assert len(p) == 0 and p.text == "One two\nthree four five"


@pytest.mark.parametrize(("page", "said"), [
    ("<html><body>" + "<div>" * 1000 + "<p>Deep text.</p>" + "</div>" * 1000 + "<p>After.</p>", "deeper than"),
    ("<html><body><p>" + "word " * 2_200_000 + "</p></body></html>", "text node over"),
])
def test_content_the_parser_drops_is_said_in_warnings_and_on_stderr(tmp_path, page, said):
    import io

    from cleaner.cli import main

    assert any(w.startswith("lost: ") and said in w for w in C.clean(page).warnings)
    err = io.StringIO()
    main(["--timeout", "0", "-"], stdin=io.BytesIO(page.encode()), stdout=io.BytesIO(), stderr=err)
    assert err.getvalue().startswith("cleaner: warning: -: the page ") and said in err.getvalue()
