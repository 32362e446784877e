"""Every input the fuzzer (bench/fuzz.py) ever broke us with stays here as a test.

tests/fuzz_cases/NAME.txt holds the decoded input; NAME says which entry point and
which property it broke.
"""

from pathlib import Path

import pytest

from cleaner import Cleaner, Config
from cleaner.model import InputKind
from cleaner.replay import replay
from cleaner.segment import segment_text

CASES = sorted((Path(__file__).parent / "fuzz_cases").glob("*.txt"))
TEXT = Cleaner(Config(input=InputKind.TEXT))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_text_case(path):
    text = path.read_text(encoding="utf-8", errors="surrogatepass")
    result = TEXT.clean(text)
    assert replay(segment_text(text), result) == result.text
    assert TEXT.clean(result.text).text == result.text


def test_there_are_cases():
    assert CASES


def test_html_canonical_link_that_is_not_a_url():
    # found by bench/fuzz.py html: urlsplit raises on "http://[" (an IPv6 bracket)
    page = '<html><head><link rel="canonical" href="http://[oops/a"></head><body><p>Body text.</p>'
    assert "Body text." in Cleaner().clean(page).text
