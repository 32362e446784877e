"""A View answers positional questions from running sums; the answers must be the ones a
document rebuilt from the blocks left would give."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner.layout import measure, traits, view_of
from cleaner.model import Block, BlockKind, Document
from cleaner.textnorm import size

TEXTS = st.lists(st.text(alphabet='ab "\u201c\u201d\u00ab\u201e\u201a\u00e9\n', max_size=12),
                 min_size=1, max_size=25)


def _doc(texts):
    return Document(tuple(Block(i, t) for i, t in enumerate(texts)))


@given(TEXTS)
def test_measure_is_size_of_each_block(texts):
    sizes = measure(_doc(texts))
    assert list(sizes.each) == [size(t) for t in texts]
    assert sizes.before[-1] == sum(size(t) for t in texts)


@given(TEXTS, st.data())
def test_view_answers_as_the_rebuilt_document_would(texts, data):
    doc = _doc(texts)
    n = len(texts)
    gone = data.draw(st.sets(st.integers(0, n - 1)))
    view = view_of(doc).without(gone)
    left = [i for i in range(n) if i not in gone]
    sizes = [size(t) for t in texts]
    total = sum(sizes[i] for i in left) or 1
    assert list(view.forward()) == left
    assert list(view.backward()) == left[::-1]
    assert view.total() == total
    for place, i in enumerate(left):
        assert view.position(i) == place
        assert view.share_before(i) == sum(sizes[j] for j in left[:place]) / total
    a, b = sorted(data.draw(st.tuples(st.integers(0, n), st.integers(0, n))))
    assert view.chars(a, b) == sum(sizes[i] for i in left if a <= i < b)
    assert view.count(a, b) == sum(1 for i in left if a <= i < b)
    assert list(view.forward(a, b)) == [i for i in left if a <= i < b]


@pytest.mark.parametrize("text, kind, sentence, label", [
    ("Home", BlockKind.PARAGRAPH, False, True),
    ("Sign up for our newsletter", BlockKind.PARAGRAPH, False, True),
    ("He said so.", BlockKind.PARAGRAPH, True, False),
    ("“We agreed,” he said.”", BlockKind.PARAGRAPH, True, False),
    ("Really?", BlockKind.PARAGRAPH, True, False),
    ("Dr. Who and the rest of them", BlockKind.PARAGRAPH, True, True),  # ". " inside, no end
    ("Milk and eggs", BlockKind.LIST_ITEM, False, False),  # the article's own list
    ("Arsenal 2 - 1 Chelsea", BlockKind.PARAGRAPH, False, False),  # a row of figures
    ("Top 10 stories", BlockKind.PARAGRAPH, False, True),  # one number is not a row
    ("The end.  ", BlockKind.PARAGRAPH, True, False),  # trailing space does not hide the mark
])
def test_traits(text, kind, sentence, label):
    t = traits(Document((Block(0, text, kind),)))
    assert (t.sentence[0], t.label[0]) == (sentence, label)


@given(st.lists(st.text(alphabet='ab .!?"\t', max_size=12), min_size=1, max_size=25), st.data())
def test_prose_is_long_enough_and_has_a_sentence(texts, data):
    view = view_of(_doc(texts))
    chars = data.draw(st.integers(0, 12))
    for i, t in enumerate(texts):
        has_sentence = (any(m in t for m in (". ", "! ", "? "))
                        or t.rstrip().endswith((".", "!", "?", '."')))
        if view.prose(i, chars):
            assert size(t) >= chars and has_sentence
        elif size(t) >= chars and has_sentence:
            raise AssertionError(f"{t!r} is prose")
