"""The examples in the package's docstrings run, so the documentation cannot drift."""

import doctest

import pytest

import cleaner
import cleaner.api
import cleaner.config
import cleaner.html.meta
import cleaner.html.prose


@pytest.mark.parametrize("module", [cleaner, cleaner.api, cleaner.config, cleaner.html.meta,
                                    cleaner.html.prose], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    failed, tried = doctest.testmod(module)
    assert tried > 0 and failed == 0
