"""Quote repair: put back a dropped opening mark, in the document's own style, and nothing else."""

import pytest

from cleaner.model import Block, BlockKind
from cleaner.repair import document_style, repair
from cleaner.textnorm import normalize_space


def fixed(*paragraphs, smart=False):
    blocks = [Block(i, p, BlockKind.LIST_ITEM if p.startswith("• ") else BlockKind.PARAGRAPH)
              for i, p in enumerate(paragraphs)]
    return list(repair(blocks, smart).texts)


@pytest.mark.parametrize(("given", "want"), [
    ("We agreed that we all must do more,\u201d he said.", "\u201cWe agreed that we all must do more,\u201d he said."),
    ('We agreed," he said.', '"We agreed," he said.'),
    ("Uns fehlen die Leute,\u201c sagte sie.", "\u201eUns fehlen die Leute,\u201c sagte sie."),
    ("Mes enfants d\u2019abord\u00bb, dit-elle.", "\u00abMes enfants d\u2019abord\u00bb, dit-elle."),
    ("Mes enfants d\u2019abord \u00bb, dit-elle.", "\u00ab Mes enfants d\u2019abord \u00bb, dit-elle."),
])
def test_missing_opening_mark_is_restored_in_the_documents_style(given, want):
    other = {"\u201d": "\u201cYes,\u201d she said.", '"': '"Yes," she said.',
             "\u201c": "\u201eJa\u201c, sagte sie.", "\u00bb": "\u00abOui\u00bb, dit-elle."}
    style_hint = next(v for k, v in other.items() if k in given)
    assert fixed(style_hint, given)[1] == want


def test_two_paragraph_quotation_by_the_convention_is_left_alone():
    paras = ["\u201cThe first part of what she said goes on here.",
             "\u201cAnd the second part closes it,\u201d she said."]
    assert fixed(*paras) == paras


def test_paragraph_opening_with_a_quoted_title_is_left_alone():
    paras = ["\u201cThe Long Goodbye\u201d is a 1953 novel by Raymond Chandler."]
    assert fixed(*paras) == paras


@pytest.mark.parametrize("text", [
    "It\u2019s the \u201990s again, the dogs\u2019 bowls are empty.",
    "He said it\u2019s fine.",
    "Rock \u2019n\u2019 roll never died.",
])
def test_apostrophes_are_never_touched(text):
    assert fixed("\u201cHi,\u201d she said.", text)[1] == text


def test_unbalanced_in_other_ways_is_left_alone():
    # two closing marks more than opening ones: not the one-missing-opener shape
    text = "one,\u201d two,\u201d he said."
    assert fixed("\u201cHi,\u201d she said.", text)[1] == text


def test_no_repair_without_an_opening_mark_anywhere_in_the_document():
    # Swedish-style \u201d...\u201d quotes have no opening mark to go by
    text = "\u201dJa,\u201d sa hon. Han sa: inget,\u201d svarade hon."
    assert fixed(text) == [text]


def test_only_inserts(subtests=None):
    before = ["\u201cYes,\u201d she said.", "We agreed,\u201d he said."]
    after = fixed(*before)
    assert after[1].replace("\u201c", "", 1) == before[1]


def test_list_item_gets_the_mark_after_its_bullet():
    out = fixed("\u201cYes,\u201d she said.", "\u2022 we agreed,\u201d he said.")
    assert out[1] == "\u2022 \u201cwe agreed,\u201d he said."


def test_whitespace_normalisation():
    assert normalize_space("  on\u00a0ISIS \u00a0 ") == "on ISIS"


def test_smart_quotes_is_off_by_default_and_curls_when_asked():
    assert fixed('"Yes," she said.') == ['"Yes," she said.']
    assert fixed('"Yes," she said.', smart=True) == ["\u201cYes,\u201d she said."]


def test_document_style_prefers_the_most_used_opening():
    assert document_style(["\u201ea\u201c b", "\u201ec\u201c"]).name == "german"
    assert document_style(["\u201ca\u201d", "\u201cb\u201d", '"c"']).name == "curly"
    assert document_style(["no quotes"]) is None


def test_repairs_are_recorded_as_steps():
    blocks = [Block(0, "\u201cHi,\u201d she said."), Block(7, "We agreed,\u201d he said.")]
    result = repair(blocks)
    (step,) = result.steps
    assert (step.block, step.offset, step.inserted, step.rule) == (7, 0, "\u201c", "quote-opening")


def test_style_is_chosen_per_paragraph_by_its_own_closing_mark():
    texts = ['"One," she said. "Two."', '"Three," he said.', 'We agreed,\u201d he said.',
             'It is done," she said.']
    out = repair([Block(i, t) for i, t in enumerate(texts)]).texts
    assert out[2] == '\u201cWe agreed,\u201d he said.' and out[3] == '"It is done," she said.'


def test_a_quote_opened_in_another_style_is_no_missing_opener():
    texts = ['"One," she said. "Two."', '"It was quiet,\u201d said her neighbor.']
    assert repair([Block(i, t) for i, t in enumerate(texts)]).texts[1] == texts[1]
