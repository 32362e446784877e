"""Rule-file errors are written for the person who wrote the file: file, line, rule, field."""

import textwrap

import pytest

from cleaner import RuleFileError, load_rules

GOOD_RULE = '''
[[rule]]
id = "t.promo"
description = "A promo line."
kind = "block"
phrases = ["Become a member"]
[rule.examples]
remove = ["Become a member"]
keep = ["Become a member of the board, she was told."]
'''


def _load(tmp_path, body, name="mine.toml"):
    path = tmp_path / name
    path.write_text('[pack]\nname = "t"\ndescription = "test"\n' + textwrap.dedent(body))
    return load_rules([path], builtin=False), path


def _error(tmp_path, body) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        _load(tmp_path, body)
    return info.value


def test_a_good_file_loads(tmp_path):
    rules, _ = _load(tmp_path, GOOD_RULE)
    assert [r.id for r in rules.rules] == ["t.promo"]


def test_unknown_field_names_file_line_rule_and_suggests(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace("phrases =", "phrase ="))
    assert err.path.endswith("mine.toml") and err.rule == "t.promo"
    assert err.line == 9
    assert "unknown field" in str(err) and "did you mean 'phrases'" in str(err)
    assert str(err).startswith(f"{err.path}:9: rule 't.promo': field 'phrase'")


def test_bad_toml_gives_the_line(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('phrases = ["Become a member"]', 'phrases = ["Become'))
    assert "not valid TOML" in str(err) and err.line == 9


def test_bad_pattern(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('phrases = ["Become a member"]', "patterns = ['^(become']"))
    assert "bad pattern" in str(err) and err.rule == "t.promo" and err.line == 9


def test_pattern_matching_empty_string(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('phrases = ["Become a member"]', "patterns = ['^x*$']"))
    assert "matches the empty string" in str(err)


def test_missing_examples(tmp_path):
    body = GOOD_RULE.split("[rule.examples]")[0]
    err = _error(tmp_path, body)
    assert "missing examples" in str(err) and err.rule == "t.promo"


def test_examples_need_both_sides(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('keep = ["Become a member of the board, she was told."]', ""))
    assert "at least one text to remove and one to keep" in str(err)


def test_wrong_type(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('kind = "block"', 'kind = "block"\nmax_chars = "short"'))
    assert "field 'max_chars'" in str(err) and "whole number" in str(err)


def test_unknown_kind(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('kind = "block"', 'kind = "paragraph"'))
    assert "expected one of 'block', 'section', 'duplicate', 'byline'" in str(err)


def test_duplicate_ids_across_files(tmp_path):
    _, first = _load(tmp_path, GOOD_RULE, "a.toml")
    second = tmp_path / "b.toml"
    second.write_text(first.read_text())
    with pytest.raises(RuleFileError) as info:
        load_rules([first, second], builtin=False)
    assert "duplicate id" in str(info.value) and "a.toml" in str(info.value)
    assert info.value.path.endswith("b.toml")


def test_empty_phrase(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('phrases = ["Become a member"]', 'phrases = ["- * -"]'))
    assert "empty once case and punctuation are folded" in str(err)


def test_block_rule_needs_something_to_match(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('phrases = ["Become a member"]', ""))
    assert "needs phrases" in str(err)


def test_bad_id(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('id = "t.promo"', 'id = "Bad Id"'))
    assert "field 'id'" in str(err)


def test_unreadable_file(tmp_path):
    with pytest.raises(RuleFileError) as info:
        load_rules([tmp_path / "missing.toml"], builtin=False)
    assert "cannot read rule file" in str(info.value)


def test_unknown_disable(tmp_path):
    _, path = _load(tmp_path, GOOD_RULE)
    with pytest.raises(RuleFileError) as info:
        load_rules([path], builtin=False, disable=["t.nope"])
    assert "t.nope" in str(info.value)


def test_errors_in_a_later_rule_point_at_that_rule(tmp_path):
    second = GOOD_RULE.replace('id = "t.promo"', 'id = "Bad Id"')
    err = _error(tmp_path, GOOD_RULE + second)
    assert err.line == 15 and err.rule == "Bad Id" and "field 'id'" in str(err)


def test_duplicate_id_in_one_file_names_both_places(tmp_path):
    err = _error(tmp_path, GOOD_RULE + GOOD_RULE)
    assert err.line == 14 and "already defined at" in str(err) and str(err).count(":5") == 1


def test_zero_width_pattern_is_refused(tmp_path):
    err = _error(tmp_path, GOOD_RULE.replace('phrases = ["Become a member"]', r"patterns = ['\b']"))
    assert "matches the empty string" in str(err)


def test_pack_needs_a_description(tmp_path):
    path = tmp_path / "p.toml"
    path.write_text('[pack]\nname = "t"\n' + GOOD_RULE)
    with pytest.raises(RuleFileError) as info:
        load_rules([path], builtin=False)
    assert "[pack] needs description" in str(info.value)


CARDS_RULE = '''
[[rule]]
id = "t.cards"
description = "Teaser cards."
kind = "cards"
separators = ["-"]
[rule.examples]
remove = ["x"]
keep = ["y"]
'''


def test_a_cards_rule_loads_with_its_defaults(tmp_path):
    rule = _load(tmp_path, CARDS_RULE)[0].rules[0]
    assert (rule.separators, rule.min_run, rule.max_card_blocks, rule.max_chars) == (("-",), 3, 3, 150)


def test_a_cards_separator_must_be_marks_only(tmp_path):
    err = _error(tmp_path, CARDS_RULE.replace('["-"]', '["-", "More"]'))
    assert str(err).startswith(f"{err.path}:9: rule 't.cards': field 'separators': separator 'More'")
    assert "marks only" in str(err)
    assert "marks only" in str(_error(tmp_path, CARDS_RULE.replace('["-"]', '["\u200b"]')))


def test_a_cards_rule_needs_separators_and_a_real_run(tmp_path):
    err = _error(tmp_path, CARDS_RULE.replace('separators = ["-"]\n', ""))
    assert "needs separators" in str(err) and err.rule == "t.cards"
    err = _error(tmp_path, CARDS_RULE.replace('separators = ["-"]', 'separators = ["-"]\nmin_run = 1'))
    assert "field 'min_run': must be 2 or more" in str(err) and err.line == 10
    err = _error(tmp_path, CARDS_RULE.replace('separators = ["-"]', 'separators = ["-"]\nmax_card_blocks = 1'))
    assert "field 'max_card_blocks'" in str(err)
    err = _error(tmp_path, CARDS_RULE.replace('kind = "cards"', 'kind = "block"\nphrases = ["x"]'))
    assert "field 'separators': unknown field" in str(err)


TITLE_RULE = '''
[[rule]]
id = "t.title"
description = "The title tag."
kind = "title"
separators = ["-", "|"]
[rule.examples]
remove = ["x"]
keep = ["y"]
'''


def test_a_title_rule_loads_with_its_defaults(tmp_path):
    rule = _load(tmp_path, TITLE_RULE)[0].rules[0]
    assert (rule.separators, rule.min_chars, rule.max_words, rule.max_chars) \
        == (("-", "|"), 15, 4, 300)


def test_a_title_rule_needs_separators_of_marks(tmp_path):
    err = _error(tmp_path, TITLE_RULE.replace('separators = ["-", "|"]\n', ""))
    assert "needs separators" in str(err) and err.rule == "t.title"
    err = _error(tmp_path, TITLE_RULE.replace('["-", "|"]', '["-", "by"]'))
    assert "field 'separators': separator 'by'" in str(err) and "marks only" in str(err)


VOCAB_RULE = '''
[vocab]
tools = ["print", "e-mail"]

[[rule]]
id = "t.tools"
description = "A line of tool names."
kind = "block"
phrases = ["{tools}", "Save"]
patterns = ['^(?:{tools}|save)(?: (?:{tools}|save)){1,4}$']
[rule.examples]
remove = ["Print", "Print E-mail Save"]
keep = ["Print editions will continue, she said."]
'''


def test_a_vocabulary_stands_for_its_words_in_phrases_and_patterns(tmp_path):
    from cleaner import Cleaner

    rules, _ = _load(tmp_path, VOCAB_RULE)
    rule = rules.rules[0]
    assert set(rule.trigger.phrases) == {"print", "e-mail", "save"}
    assert rule.trigger.patterns == ('^(?:(?:e\\-mail|print)|save)(?: (?:(?:e\\-mail|print)|save)){1,4}$',)
    body = "Print editions of the paper will continue until the end of the year, the publisher said."
    out = Cleaner(rules=rules).clean(f"Title\nE-mail Save Print\n{body}").text
    assert "Save" not in out and body in out


def test_an_unknown_vocabulary_names_file_rule_and_field(tmp_path):
    err = _error(tmp_path, VOCAB_RULE.replace("patterns = ['^(?:{tools}", "patterns = ['^(?:{tool}"))
    assert err.path.endswith("mine.toml") and err.rule == "t.tools"
    assert "field 'patterns'" in str(err) and "unknown vocabulary 'tool'" in str(err)
    assert err.line == 13  # the patterns line
    err = _error(tmp_path, VOCAB_RULE.replace('"{tools}", "Save"', '"{networkz}", "Save"'))
    assert "field 'phrases'" in str(err) and "unknown vocabulary 'networkz'" in str(err)


def test_a_shared_vocabulary_is_there_for_every_file(tmp_path):
    rules, _ = _load(tmp_path, VOCAB_RULE.replace("{tools}|save", "{networks}|save"))
    assert "facebook" in rules.rules[0].trigger.patterns[0]


def test_a_bad_vocabulary_table_is_refused_with_its_line(tmp_path):
    err = _error(tmp_path, VOCAB_RULE.replace('tools = ["print", "e-mail"]', 'tools = []'))
    assert "[vocab]: 'tools' must be a non-empty list" in str(err) and err.line == 5
    err = _error(tmp_path, VOCAB_RULE.replace('tools = ["print"', 'Tools = ["print"'))
    assert "[vocab]: name 'Tools'" in str(err)
