"""Rule files written by users cannot hang, crash or empty a document either."""

import time

import pytest

from cleaner import Cleaner, RuleFileError, load_rules

HEAD = '[pack]\nname = "u"\ndescription = "user rules"\n'
BODY = [f"Paragraph {i} of the article says something the reader needs to know today." for i in range(12)]
PAGE = ("<html><body><article><h1>Budget vote</h1>"
        + "".join(f"<div class='wrap'><p>{p}</p></div>" for p in BODY) + "</article></body></html>")


def rules(tmp_path, text):
    path = tmp_path / "user.toml"
    path.write_text(HEAD + text)
    return load_rules([path], builtin=False)


def element_rule(selector: str) -> str:
    """A user's element rule 'u.all' on `selector`, whose keep example it fails."""
    return f'''
[[rule]]
id = "u.all"
description = "Matches every element."
kind = "element"
selectors = ["{selector}"]
[rule.examples]
remove = ["<div>x</div>"]
keep = ["<p>never</p>"]
'''


def _contained(rs, doc):
    """Cleaned in well under the document's time limit, the slow pattern reported, the body kept."""
    t0 = time.monotonic()
    result = Cleaner(rules=rs).clean(doc)
    assert time.monotonic() - t0 < 5
    assert any("timed out" in w for w in result.warnings)
    assert all(p in result.paragraphs for p in BODY)


def test_catastrophic_pattern_is_contained(tmp_path):
    rs = rules(tmp_path, r'''
[[rule]]
id = "u.slow"
description = "A pathological pattern."
kind = "block"
patterns = ['^(a|aa)+$']
max_chars = 100000
[rule.examples]
remove = ["aaa"]
keep = ["b"]
''')
    doc = "\n".join(["Title", *("a" * 40 + "!" for _ in range(50)), *BODY])  # 50 slow blocks
    _contained(rs, doc)



def test_a_slow_pattern_sharing_a_gate_is_contained(tmp_path):
    # two patterns hanging off one word share a gate (one alternation): the gate is slow
    # too, and is tried once a document, not once a block
    rs = rules(tmp_path, r"""
[[rule]]
id = "u.slow"
description = "A pathological pattern beside a plain one."
kind = "block"
patterns = ['\bpromo (?:a|aa)+$', '\bpromo code\b']
[rule.examples]
remove = ["promo code"]
keep = ["b"]
""")
    doc = "\n".join(["Title", *("promo " + "a" * 40 + "!" for _ in range(50)), *BODY])
    _contained(rs, doc)

def test_selector_matching_everything_is_refused_and_reported(tmp_path):
    rs = rules(tmp_path, element_rule("*"))
    result = Cleaner(rules=rs).clean(PAGE)
    assert all(p in result.paragraphs for p in BODY)
    assert any("u.all" in w and "max_share" in w for w in result.warnings)


def test_section_with_no_end_cannot_eat_the_body(tmp_path):
    rs = rules(tmp_path, '''
[[rule]]
id = "u.section"
description = "A section from the word 'Paragraph' to the end."
kind = "section"
start_patterns = ['^paragraph']
max_chars = 1000
[rule.examples]
remove = ["Paragraph one"]
keep = ["Other"]
''')
    result = Cleaner(rules=rs).clean("\n".join(["Budget vote", *BODY]))
    assert list(result.paragraphs) == BODY
    assert any("guard: section 'u.section'" in w and "would remove" in w for w in result.warnings)


def test_block_rule_matching_everything_hits_the_document_guard(tmp_path):
    rs = rules(tmp_path, r'''
[[rule]]
id = "u.every"
description = "Every block."
kind = "block"
patterns = ['\w']
max_chars = 1000
[rule.examples]
remove = ["x"]
keep = ["-"]
''')
    result = Cleaner(rules=rs).clean("\n".join(["Budget vote", *BODY]))
    assert list(result.paragraphs) == BODY
    assert any("max_removed_share" in w for w in result.warnings)


@pytest.mark.parametrize(("text", "message"), [
    ("[[rule]\nid=", "not valid TOML"),
    ('[[rule]]\nid = "u.x"\ndescription = "d"\nkind = "block"\nphrases = "not a list"\n'
     '[rule.examples]\nremove=["a"]\nkeep=["b"]\n', "expected a list of non-empty strings"),
    ('[[rule]]\nid = "u.x"\ndescription = "d"\nkind = "element"\nselectors = ["div[["]\n'
     '[rule.examples]\nremove=["a"]\nkeep=["b"]\n', "bad CSS selector"),
    ('[[rule]]\nid = "u.x"\ndescription = "d"\nkind = "element"\ntags = ["body"]\n'
     '[rule.examples]\nremove=["a"]\nkeep=["b"]\n', "tags may not include"),
    ('[[rule]]\nid = "u.x"\ndescription = "d"\nkind = "block"\nphrases = ["a"]\nextra = 1\n'
     '[rule.examples]\nremove=["a"]\nkeep=["b"]\n', "unknown field"),
])
def test_malformed_user_files_name_file_and_rule(tmp_path, text, message):
    with pytest.raises(RuleFileError) as info:
        rules(tmp_path, text)
    assert message in str(info.value) and "user.toml" in str(info.value)


@pytest.mark.parametrize("cls", ["story-body has-ads", "entry-content sponsored", "article-text related-links"])
def test_a_body_container_with_a_noise_word_in_its_class_is_kept(cls):
    body = "".join(f"<p>Paragraph {i} of the story says something long enough to be prose, "
                   "as the reader of this page expects to see here today.</p>" for i in range(6))
    result = Cleaner().clean(f"<html><body><div class='{cls}'>{body}</div></body></html>")
    assert len(result.paragraphs) >= 6


def test_script_text_does_not_hide_a_rule_that_takes_the_body(tmp_path):
    # the share guard counted script text: with a big JSON blob on the page, every
    # paragraph together stayed "under 50%" and an element rule "*" emptied the body
    rs = rules(tmp_path, element_rule("div"))
    page = PAGE.replace("</article>", "</article><script>var state = '" + "x" * 20_000 + "';</script>")
    result = Cleaner(rules=rs).clean(page)
    assert all(p in result.paragraphs for p in BODY)
    assert any("u.all" in w and "max_share" in w for w in result.warnings)


def test_a_refused_rule_is_left_out_and_the_built_in_rules_still_apply(tmp_path):
    path = tmp_path / "user.toml"
    path.write_text(HEAD + r'''
[[rule]]
id = "u.every"
description = "Every block."
kind = "block"
patterns = ['.+']
max_chars = 100000
[rule.examples]
remove = ["x"]
keep = ["-"]
''')
    result = Cleaner(rules=load_rules([path])).clean("\n".join(["Budget vote", *BODY[:3], "Advertisement", *BODY[3:]]))
    assert list(result.paragraphs) == BODY  # the built-in ads.label still removed its line
    assert [s.rule for s in result.removed] == ["ads.label"]
    assert any("u.every" in w and "max_removed_share" in w for w in result.warnings)


def test_rules_given_to_the_cli_are_checked_on_their_examples_at_load(tmp_path):
    import io

    from cleaner.cli import main

    path = tmp_path / "user.toml"
    path.write_text(HEAD + element_rule("*"))
    err = io.StringIO()
    code = main(["--rules", str(path), "-"], stdin=io.BytesIO(PAGE.encode()), stdout=io.BytesIO(), stderr=err)
    assert code == 0
    assert err.getvalue().startswith("cleaner: warning: ") and "rule 'u.all' should keep '<p>never</p>'" in err.getvalue()
