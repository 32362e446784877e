"""The block classifier kind (cleaner/blockclass, rules/classifier.toml): what it takes,
what it never takes, and its rule file's errors."""

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleaner import Cleaner, Config, RuleFileError, load_rules
from cleaner.blockclass import verdicts
from cleaner.blockclass.classify import classify, prose
from cleaner.blockclass.features import Vocabulary, features
from cleaner.model import InputKind
from cleaner.testing import sentences

RULE = load_rules().get("classifier.blocks")
T = RULE.thresholds
TEXT = Cleaner(Config(input=InputKind.TEXT))
ALONE = Cleaner(Config(input=InputKind.TEXT), rules=load_rules(
    [], disable=[r.id for r in load_rules().rules if r.id != "classifier.blocks"]))

TITLE = "Harbor pilots take pay dispute to arbitration"
P1 = ("The harbor pilots said on Tuesday that they would take their dispute with the port "
      "authority to an arbitration panel, after talks over the summer broke down again.")
P2 = ("The port said it was disappointed by the decision, and that it had offered the pilots "
      "a raise that was larger than the one the union had asked for in the spring.")


def gone(lines, cleaner=ALONE):
    return [(s.text, s.reason) for s in cleaner.clean("\n".join(lines)).removed]


def test_a_footer_between_a_tool_line_and_a_notice_goes_with_its_reasons():
    assert gone([TITLE, P1, P2, "Share | Tweet | Email", "About us", "Contact",
                 "© 2025 The Coastal Ledger"]) == [
        ("Share | Tweet | Email", "page tools (3 of 3 words)"),
        ("About us", "short block between noise; link-like"),
        ("Contact", "short block between noise; link-like"),
        ("© 2025 The Coastal Ledger", "a copyright notice"),
    ]


def test_a_short_block_with_body_on_one_side_stays():
    # a subheading and a one-line paragraph after the body, then the footer's notice
    assert gone([TITLE, P1, "What comes next", P2, "Talks resume in May",
                 "© 2025 The Coastal Ledger"]) == [("© 2025 The Coastal Ledger", "a copyright notice")]


def test_a_long_stretch_between_two_noisy_lines_is_a_list_and_stays():
    grid = [f"Headlamp model {n}" for n in range(T.max_gap_blocks + 1)]
    lines = [TITLE, P1, "Share | Print", *grid, "Share | Email", P2]
    assert [t for t, _ in gone(lines)] == ["Share | Print", "Share | Email"]
    short_grid = grid[:T.max_gap_blocks]
    lines = [TITLE, P1, "Share | Print", *short_grid, "Share | Email", P2]
    assert [t for t, _ in gone(lines)] == ["Share | Print", *short_grid, "Share | Email"]


def test_labels_joined_by_separators_between_body_paragraphs_stay():
    contents = "Best Overall | Best for Rain | Best for Snow"
    assert gone([TITLE, P1, contents, P2]) == []
    assert [t for t, _ in gone([TITLE, P1, P2, contents, "Contact"])] == [contents, "Contact"]


def test_a_row_of_figures_is_a_table_not_a_menu():
    rows = ["2022 | 910,000 | 41", "2023 | 1,150,000 | 52", "2024 | 1,420,000 | 63"]
    assert gone([TITLE, P1, *rows, "Share | Email"]) == [("Share | Email", "page tools (2 of 2 words)")]


def test_a_sentence_of_prose_is_never_taken_between_noise():
    line = "The pilots will share the costs of the panel."
    assert gone([TITLE, P1, "Share | Tweet", line, "© 2025 The Coastal Ledger"]) == [
        ("Share | Tweet", "page tools (2 of 2 words)"),
        ("© 2025 The Coastal Ledger", "a copyright notice")]


def test_the_title_stays_and_a_language_without_a_stoplist_loses_nothing():
    assert verdicts(["Share | Print | Email", P1], T) == ["", ""]
    thai = ["ข่าว", "กีฬา | ธุรกิจ | บันเทิง", "© 2025 ข่าวสด", "ติดต่อเรา"]
    assert verdicts(thai, T) == ["", "", "", ""]


def test_html_input_is_left_to_the_element_rules():
    html = f"<html><body><article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p>" \
           "<p>Share | Tweet | Email</p></article></body></html>"
    assert not any(s.rule == "classifier.blocks" for s in Cleaner().clean(html).removed)


def test_a_named_rule_names_the_block_before_the_classifier():
    out = TEXT.clean("\n".join([TITLE, P1, P2, "Advertisement", "© 2025 The Coastal Ledger"]))
    assert [s.rule for s in out.removed if s.text == "Advertisement"] != ["classifier.blocks"]


# properties: random documents of prose, link labels, tool lines and notices
LINES = st.one_of(
    sentences(),
    st.sampled_from(["Home", "About us", "Contact", "Careers", "Weather", "Sport",
                     "Share | Tweet | Email", "Print", "12 comments", "© 2025 Ledger",
                     "News · Sport · Culture", "All rights reserved", "Jobs", "Podcasts"]),
    st.text(max_size=60),
)


@given(st.lists(LINES, max_size=30))
def test_never_removes_a_block_of_sentence_prose_and_never_raises(texts):
    vocab = Vocabulary(T.stoplists[0], T.tools, T.notices)
    feats = features(texts, vocab, T.label_words)
    for text, why in zip(texts, verdicts(texts, T)):
        assert isinstance(why, str)
        if prose(features([text], vocab, T.label_words)[0], T):
            assert why == "", text
    assert len(classify(feats, T)) == len(texts)


@given(st.lists(LINES, min_size=1, max_size=30))
def test_what_it_keeps_it_keeps_again(texts):
    one = T._replace(stoplists=T.stoplists[:1], min_language_share=0.0)
    kept = [t for t, why in zip(texts, verdicts(texts, one)) if not why]
    assert verdicts(kept, one) == [""] * len(kept)


@given(st.lists(sentences(), min_size=2, max_size=5, unique=True),
       st.sampled_from(["Share | Tweet | Email", "© 2025 The Coastal Ledger",
                        "Home | News | Sport | Weather"]))
def test_a_footer_line_after_the_body_is_removed(body, line):
    texts = [TITLE, P1, *body, line]
    assert verdicts(texts, T)[-1] != ""
    assert verdicts(texts, T)[:-1] == [""] * (len(texts) - 1)


# the rule file
def _load(tmp_path, body):
    path = tmp_path / "mine.toml"
    path.write_text('[pack]\nname = "t"\ndescription = "test"\n' + textwrap.dedent(body))
    return load_rules([path], builtin=False)


RULE_TOML = '''
[[rule]]
id = "t.classifier"
description = "The classifier."
kind = "classifier"
languages = ["English"]
tools = ["share", "print"]
{extra}
[rule.examples]
remove = ["Title\\nThe pilots said on Tuesday that they would take their dispute to a panel of judges.\\nShare | Print"]
keep = ["Title\\nThe pilots said on Tuesday that they would take their dispute to a panel of judges."]
'''


def test_a_classifier_rule_loads_with_its_numbers(tmp_path):
    rule = _load(tmp_path, RULE_TOML.format(extra="max_gap_blocks = 3")).rules[0]
    assert rule.thresholds.max_gap_blocks == 3 and rule.thresholds.tools == {"share", "print"}
    assert len(rule.thresholds.stoplists) == 1 and "the" in rule.thresholds.stoplists[0]


@pytest.mark.parametrize("extra, field, words", [
    ('languages = ["Klingon"]', "languages", "no stoplist for 'Klingon'"),
    ("stopwords_low = 0.5\nstopwords_high = 0.3", "stopwords_low", "above stopwords_high"),
    ("stopwords_high = 3", "stopwords_high", "a share between 0 and 1"),
    ("prose_words = 1", "prose_words", "2 or more"),
    ("max_gap = 3", "max_gap", "did you mean 'max_gap_blocks'"),
])
def test_a_bad_classifier_rule_is_refused_with_its_field(tmp_path, extra, field, words):
    body = RULE_TOML.format(extra=extra)
    if extra.startswith("languages"):
        body = body.replace('languages = ["English"]\n', "")
    with pytest.raises(RuleFileError) as info:
        _load(tmp_path, body)
    assert f"field '{field}'" in str(info.value) and words in str(info.value)


def test_a_classifier_rule_needs_languages(tmp_path):
    with pytest.raises(RuleFileError, match="needs languages"):
        _load(tmp_path, RULE_TOML.format(extra="").replace('languages = ["English"]\n', ""))
