"""Golden samples: samples/NAME.txt must clean to samples/NAME.expected.txt exactly.

The expected files were written by hand, paragraph by paragraph, never by this code.
"""

import difflib

import pytest
from conftest import SAMPLES, shared_path
from known_failures import SAMPLES as KNOWN

CASES = sorted([p for p in SAMPLES.glob("*.txt") if not p.name.endswith(".expected.txt")]
               + list(SAMPLES.glob("*.html")))


def _param(path):
    name = path.stem
    marks = [pytest.mark.xfail(reason=KNOWN[name], strict=True)] if name in KNOWN else []
    return pytest.param(path, id=name, marks=marks)


def test_there_are_samples():
    assert len([p for p in CASES if p.suffix == ".txt"]) >= 7
    assert len([p for p in CASES if p.suffix == ".html"]) >= 7


@pytest.mark.parametrize("path", [_param(p) for p in CASES])
def test_sample(cleaner, path):
    expected = path.with_name(path.stem + ".expected.txt").read_text(encoding="utf-8")
    got = cleaner.clean(path.read_bytes()).text
    if got != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(True), got.splitlines(True), "expected", "got"))
        pytest.fail(f"{path.name} differs from its expected output:\n{diff}", pytrace=False)


def test_canonical_sample_is_the_shared_one():
    shared = shared_path("samples", "defenseone-isis-coalition.txt")
    assert (SAMPLES / "defenseone-isis-coalition.txt").read_bytes() == shared.read_bytes()
