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
