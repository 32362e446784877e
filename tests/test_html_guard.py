"""The document-wide guard on element drops: a rule that would cost a page prose the
extraction has is undone for that page, and says so."""

import pytest

from cleaner import Cleaner, Config
from cleaner.html import guard, segment

POSTS = ["I had the same problem after the last update, and reinstalling the graphics driver "
         "from the vendor site fixed it for me.",
         "Thanks, that worked here as well; the crash was gone once the old driver files were "
         "removed by hand before installing.",
         "For anyone else reading: the setting is under display options, and you need to "
         "restart the machine twice before it sticks."]
RULES = '''[pack]
name = "test-guard"
description = "Element rules that name more than they should."

[[rule]]
id = "test.posts"
description = "Names the forum's posts, which are the content."
kind = "element"
selectors = ["div.post"]
max_share = 0.95
[rule.examples]
remove = ['<div class="post"><a>Share</a></div>']
keep = ['<div class="story"><p>Body.</p></div>']

[[rule]]
id = "test.tools"
description = "The thread's tool bar."
kind = "element"
selectors = ["div.tools"]
[rule.examples]
remove = ['<div class="tools"><a>Reply</a></div>']
keep = ['<div class="story"><p>Body.</p></div>']
'''


def _page(posts=POSTS) -> str:
    return ("<html><head><title>Driver crash after the update</title></head><body>"
            "<h2>Driver crash after the update</h2>"
            '<div class="tools"><p>Reply · Quote · Report · Bookmark</p></div>'
            + "".join(f'<div class="post"><p>{p}</p></div>' for p in posts)
            + "</body></html>")


@pytest.fixture
def cleaner(tmp_path):
    rules = tmp_path / "rules.toml"
    rules.write_text(RULES, encoding="utf-8")
    return Cleaner(Config(builtin_rules=False, rule_files=(rules,)))


def test_a_rule_that_would_drop_the_posts_is_undone_and_says_so(cleaner):
    result = cleaner.clean(_page())
    assert all(p in result.paragraphs for p in POSTS)
    assert [w for w in result.warnings if w.startswith("guard: element rule 'test.posts' undone")]
    # the other rule still drops its tool bar: the guard undoes only the rule that cost prose
    assert {s.rule for s in result.removed} == {"test.tools"}
    assert "Bookmark" not in " ".join(result.paragraphs)


def test_without_the_guard_the_posts_would_be_gone(cleaner, monkeypatch):
    monkeypatch.setattr(guard, "costly_rules", lambda covered: {})
    result = cleaner.clean(_page())
    assert not any(p in result.paragraphs for p in POSTS)


@pytest.mark.parametrize("posts", [POSTS, ["Same here.", "Me too.", "Any news?"]])
def test_a_page_is_extracted_once_whether_the_guard_acts_or_not(cleaner, monkeypatch, posts):
    calls = []
    real = segment._extract
    monkeypatch.setattr(segment, "_extract", lambda root, url: calls.append(1) or real(root, url))
    result = cleaner.clean(_page(posts=posts))
    assert len(calls) == 1
    assert bool([w for w in result.warnings if w.startswith("guard:")]) == (posts is POSTS)


@pytest.mark.parametrize(("text", "prose"), [
    ("Home News Sport Weather Contact us Privacy Terms Careers Advertise Help Login Register", False),
    ("Read more.", False),
    (POSTS[0], True),
    ("Is there a fix for this yet? I have tried every setting in the menu and nothing works at all.", True),
    ("© 2024 Example Media Inc. All rights reserved. Privacy policy. Terms of use. Cookie settings.", False),
])
def test_prose_is_long_and_has_a_sentence_mark(text, prose):
    assert guard.is_prose(text) is prose
