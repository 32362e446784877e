"""The multi-block kinds and the document-wide guards, on small documents."""

import pytest

from cleaner import Cleaner, load_rules
from cleaner.kinds import body_began
from cleaner.layout import view_of
from cleaner.model import BlockKind
from cleaner.segment import segment_text

C = Cleaner()


def removed_rules(text):
    return [(s.rule, s.text) for s in C.clean(text).removed]


BODY = ["The council met on Tuesday to discuss the budget for next year in detail.",
        "Residents complained about the state of the roads near the old school.",
        "Officials said they would publish a revised plan before the end of March.",
        "The mayor said the city could not afford to wait any longer for the money.",
        "A vote is expected next week, after a public hearing on Monday evening."]
# paragraphs of prose: 150 characters or more, with a sentence
PARAGRAPHS = [" ".join(BODY[:3]), " ".join(BODY[2:])]


def test_caption_printed_twice_near_the_top_loses_both_copies():
    cap = "The mayor, left, speaks to reporters at City Hall on Monday, Jan. 4."
    doc = "\n".join(["Budget Vote Delayed", cap, "Jane Smith", cap, *BODY])
    out = C.clean(doc)
    assert cap not in out.paragraphs and out.paragraphs == tuple(BODY)


def test_pull_quote_keeps_the_body_copy():
    doc = "\n".join(["Budget Vote Delayed", *BODY[:3], BODY[1], *BODY[3:]])
    out = C.clean(doc)
    assert out.paragraphs == tuple(BODY)
    assert [s.block for s in out.removed] == [4]


def test_a_refrain_repeated_three_times_is_kept():
    refrain = "We will not move, we will not move, not today and not tomorrow."
    doc = "\n".join(["Strike Enters Third Week", BODY[0], refrain, BODY[1], refrain, BODY[2], refrain])
    assert C.clean(doc).paragraphs.count(refrain) == 3


def test_byline_under_the_headline_is_removed_and_returned():
    out = C.clean("\n".join(["Budget Vote Delayed", "By Jane Smith", *BODY]))
    assert out.byline == "By Jane Smith" and out.paragraphs == tuple(BODY)


def test_a_name_deep_in_the_body_is_not_a_byline():
    doc = "\n".join(["Budget Vote Delayed", *BODY, "Jane Smith", *BODY[:1]])
    assert "Jane Smith" in C.clean(doc).paragraphs


def test_a_bare_name_after_a_paragraph_of_prose_is_not_a_byline():
    # near the top, but the body has begun: it credits a picture or a work
    doc = "\n".join(["Budget Vote Delayed", PARAGRAPHS[0], "Jane Smith", *BODY[3:]])
    assert "Jane Smith" in C.clean(doc).paragraphs


def test_a_byline_with_its_prefix_may_follow_the_standfirst():
    out = C.clean("\n".join(["Budget Vote Delayed", PARAGRAPHS[0], "By Jane Smith", *BODY[3:]]))
    assert out.byline == "By Jane Smith"


def test_short_lead_after_the_headline_is_not_a_byline():
    out = C.clean("\n".join(["Budget Vote Delayed", "Then the lights went out.", *BODY]))
    assert out.paragraphs[0] == "Then the lights went out."


def test_section_runs_to_the_end_after_its_trigger():
    teasers = ["How the city lost its tram", "A short history of the ring road, told by the people who built it."]
    out = C.clean("\n".join(["Budget Vote Delayed", *BODY, "Related articles", *teasers]))
    assert out.paragraphs == tuple(BODY)
    assert {s.rule for s in out.removed} == {"related.section"}


def test_section_trigger_near_the_top_does_not_eat_the_body():
    out = C.clean("\n".join(["Budget Vote Delayed", "Related articles", *BODY]))
    assert all(p in out.paragraphs for p in BODY)


def test_section_larger_than_its_share_is_refused_and_reported():
    long_tail = [f"Teaser number {i} goes on for a while about other things entirely." for i in range(12)]
    out = C.clean("\n".join(["Budget Vote Delayed", *BODY, "Related articles", *long_tail]))
    assert all(t in out.paragraphs for t in long_tail)
    assert any("guard: section 'related.section'" in w for w in out.warnings)


def test_site_pack_applies_only_to_its_site():
    rules = load_rules()
    assert rules.get("site.defenseone.more-from").sites
    doc = "\n".join(["Budget Vote Delayed", *BODY, "More from Nextgov", "Teaser."])
    with_site = Cleaner(rules=rules).clean(doc, url="https://www.nextgov.com/a/b")
    assert "site.defenseone.more-from" in {s.rule for s in with_site.removed}
    without = Cleaner(rules=rules).clean(doc, url="https://example.com/a")
    assert "site.defenseone.more-from" not in {s.rule for s in without.removed}


def test_max_removed_share_guard_keeps_everything():
    out = C.clean("Advertisement\nShare this article\nAdvertisement")
    assert out.text and any("max_removed_share" in w for w in out.warnings)


def test_quoted_dialogue_is_not_a_button_label():
    out = C.clean("\n".join(["Budget Vote Delayed", *BODY[:2], "\u201cClose.\u201d", *BODY[2:]]))
    assert "\u201cClose.\u201d" in out.paragraphs


def test_title_case_subheading_is_not_a_bare_byline():
    out = C.clean("\n".join(["Budget Vote Delayed", "Defensive Line", *BODY]))
    assert out.paragraphs[0] == "Defensive Line" and out.byline is None


def test_longest_byline_prefix_wins():
    out = C.clean("\n".join(["Le budget", "Texte : Jean Dupont", *BODY]))
    assert out.byline == "Texte : Jean Dupont"


COMMENTS = [f"Reader {i} says: I have been following this for years and I still cannot believe "
            f"the council let it get this far; the roads are worse every winter ({i})."
            for i in range(12)]


def test_comments_outweighing_a_short_article_go_after_the_body():
    # the comments hold ~80% of the text, past page.comments-section's share; two
    # paragraphs of prose before the heading say the article came first
    out = C.clean("\n".join(["Budget Vote Delayed", *PARAGRAPHS, "[ 12 comments ]", *COMMENTS]))
    assert out.paragraphs == tuple(PARAGRAPHS)
    assert {s.rule for s in out.removed} == {"page.comments-section-long"}


def test_comment_counter_before_the_body_does_not_eat_it():
    # the same heading with a single paragraph of prose before it: a counter, not the section
    out = C.clean("\n".join(["Budget Vote Delayed", PARAGRAPHS[0], "[ 12 comments ]", *COMMENTS]))
    assert [p for p in out.paragraphs if p != "[ 12 comments ]"] == [PARAGRAPHS[0], *COMMENTS]
    # whatever takes the counter line takes it alone, never the comments under it
    assert [s.text for s in out.removed] in ([], ["[ 12 comments ]"])


def test_after_prose_counts_only_paragraphs_of_prose():
    rule = load_rules().get("page.comments-section-long")
    doc = segment_text("\n".join(["Title", BODY[0], PARAGRAPHS[0], "Menu", PARAGRAPHS[1], "End"]))
    view = view_of(doc)  # rule.after_prose is 2: true once two paragraphs of prose came
    assert [body_began(rule, view, i) for i in range(6)] == [False] * 5 + [True]
    without = view.without({2})  # ...among the blocks that are left
    assert [body_began(rule, without, i) for i in (3, 4, 5)] == [False, False, False]


CARDS = ["-", "Hargreaves sacked by Northbridge", "He led the club to the regional cup final",
         "-", "Okafor takes on marathon", "Okafor seems to be getting faster with age",
         "-", "Who will run the club now?", "Here are some names to watch this week."]


def test_teaser_cards_after_the_article_are_removed():
    out = C.clean("\n".join(["Budget Vote Delayed", *PARAGRAPHS, *CARDS]))
    assert out.paragraphs == tuple(PARAGRAPHS)
    assert {s.rule for s in out.removed} == {"related.teaser-cards"}


def test_two_cards_are_not_a_run():
    doc = "\n".join(["Budget Vote Delayed", *PARAGRAPHS, *CARDS[3:]])
    assert C.clean(doc).paragraphs == tuple(PARAGRAPHS) + tuple(CARDS[3:])


def test_an_article_list_at_the_end_is_kept():
    # one line an item; or two lines, but the first is a sentence and not a headline
    one_line = ["-", "Norway (Group B): 4th appearance", "-", "Chile (Group D): 9th appearance",
                "-", "Ghana (Group H): Third appearance"]
    two_sentences = ["-", "The law passed in 2019.", "It took effect in March.",
                     "-", "The council voted again.", "The vote was close.",
                     "-", "The mayor resigned.", "She had served two terms."]
    for tail in (one_line, two_sentences):
        doc = "\n".join(["Budget Vote Delayed", *PARAGRAPHS, *tail])
        assert C.clean(doc).paragraphs == tuple(PARAGRAPHS) + tuple(tail)


def test_cards_followed_by_prose_are_the_body():
    doc = "\n".join(["Budget Vote Delayed", PARAGRAPHS[0], *CARDS, PARAGRAPHS[1]])
    assert C.clean(doc).paragraphs == (PARAGRAPHS[0], *CARDS, PARAGRAPHS[1])


def test_cards_under_different_separators_are_not_one_run():
    mixed = [*CARDS[:3], "*", *CARDS[4:6], "\u2022", *CARDS[7:]]
    doc = "\n".join(["Budget Vote Delayed", *PARAGRAPHS, *mixed])
    assert C.clean(doc).paragraphs == tuple(PARAGRAPHS) + tuple(mixed)


@pytest.mark.parametrize("digits", ["1234", "\u0661\u0662\u0663\u0664", "\u0967\u0968\u0969\u096a",
                                    "\uff11\uff12\uff13\uff14"])
def test_a_numbered_list_in_any_script_of_digits_is_the_articles_own(digits):
    items = ["Milk and eggs", "Bread from the corner shop", "Two kinds of cheese", "Coffee"]
    lines = [f"{d}. {item}" for d, item in zip(digits, items)]
    body = ("Shopping for a week on a budget takes a plan. We asked three families how they do it, "
            "and all of them start the same way: with a list they keep to, written the night before.")
    text = "\n\n".join(["Headline", body, *lines])
    doc = segment_text(text)
    assert [b.kind for b in doc.blocks[2:]] == [BlockKind.LIST_ITEM] * 4
    assert C.clean(text).paragraphs[-4:] == tuple(lines)


def test_a_comments_button_in_the_share_bar_does_not_cut_the_article():
    # the bar sits after the first paragraphs; a long article follows it
    para = ("The council met on Tuesday to vote on the budget, paragraph {n} of the story, and "
            "the debate ran late into the evening as members argued over every line of it.")
    body = [para.format(n=n) for n in range(1, 20)]
    text = "\n\n".join(["Headline", *body[:2], "Read comments", *body[2:]])
    assert [p for p in C.clean(text).paragraphs if p in body] == body


COUNCIL = ("The council voted seven to two on Tuesday night, and the mayor said the city could "
        "not wait any longer for the repairs. Work on the bridge starts in the spring.")


def test_the_title_tag_goes_and_the_headline_becomes_the_title():
    text = "\n".join(["Council backs bridge repairs after a long night | Riverton Daily Star",
                      "Home", "News", "Sport", "Weather",
                      "Council backs bridge repairs after a long night", COUNCIL])
    result = C.clean(text)
    assert result.title == "Council backs bridge repairs after a long night"
    assert result.paragraphs == (COUNCIL,)
    assert ("page.title-tag", "Council backs bridge repairs after a long night | Riverton Daily Star") \
        in removed_rules(text)
    assert C.clean(result.text).text == result.text


@pytest.mark.parametrize("lines", [
    # no headline to repeat: the line is the only title there is
    ["Council backs bridge repairs after a long night - Riverton Daily Star", COUNCIL],
    # what follows the separator is a sentence, not a site's name
    ["Council backs bridge repairs", "Council backs bridge repairs - and the mayor is pleased.", COUNCIL],
    # the headline is deep in the body, not right under it
    ["Council backs bridge repairs after a long night - Riverton Daily Star",
     *[COUNCIL.replace("seven", str(n)) for n in range(20)], "Council backs bridge repairs after a long night"],
    # a kicker between them: which of the two is the title is not clear
    ["Council backs bridge repairs after a long night - Riverton Daily Star", "Bridges and ferries",
     "Council backs bridge repairs after a long night", COUNCIL],
    # a kicker under the headline with its subtitle
    ["Super Bowl LVIII - Chiefs Beat 49ers in Overtime", "Super Bowl LVIII", COUNCIL],
])
def test_a_title_like_line_without_its_headline_near_the_top_stays(lines):
    text = "\n".join(lines)
    assert "page.title-tag" not in [rule for rule, _ in removed_rules(text)]


def test_the_headline_under_a_menu_stays_and_is_the_title():
    # five menu items, then the headline: the head fringe takes the menu, not the
    # headline, and the title tag that repeats it goes
    text = "\n".join(["Council backs bridge repairs after a long night | Riverton Daily Star",
                      "Home", "News", "Sport", "Weather", "Business",
                      "Council backs bridge repairs after a long night", COUNCIL])
    result = C.clean(text)
    assert result.title == "Council backs bridge repairs after a long night"
    assert result.paragraphs == (COUNCIL,)
    assert C.clean(result.text).text == result.text


def test_the_title_tag_stays_when_its_headline_went_with_a_teaser_list():
    # the headline ends a run of other articles' headlines: no line of the run stands
    # alone, the run goes, and the title tag is then the only title there is
    teasers = ["Three hikers rescued after storm strands them on ridge",
               "Regulators urge carmaker to recall batteries in older vans",
               "Harbor pilots take pay dispute to arbitration panel",
               "Telescope images fuel hopes in search for young planets",
               "Teachers call for review of testing rules at the board"]
    text = "\n".join(["Council backs bridge repairs after a long night | Riverton Daily Star",
                      *teasers, "Council backs bridge repairs after a long night", COUNCIL])
    result = C.clean(text)
    assert result.title == "Council backs bridge repairs after a long night | Riverton Daily Star"
    assert result.paragraphs == (COUNCIL,)
    assert C.clean(result.text).text == result.text


@pytest.mark.parametrize("head, headline", [
    # menu, breadcrumb, headline, byline, tool line: the headline stands alone
    (["Riverton Daily Star", "News", "Sport", "Weather", "Business", "Home \u203a News \u203a Local",
      "Council backs bridge repairs after a long night", "By Ann Lee",
      "Print \u00b7 Share \u00b7 Email"], "Council backs bridge repairs after a long night"),
    # a path or tool line is never the headline, however many words it has
    (["Riverton Daily Star", "News", "Sport", "Weather", "Business",
      "Home / News / Local / Council and city hall", "By Ann Lee", "Listen"], None),
])
def test_the_head_fringe_spares_the_line_that_reads_as_the_headline(head, headline):
    text = "\n".join([*head, COUNCIL])
    kept = C.clean(text).text
    assert all(line not in kept for line in head[1:5])  # the menu goes
    if headline:
        assert f"\n{headline}\n" in kept
    assert "\u203a" not in kept and "Home / News" not in kept


def test_the_title_tag_and_a_headline_that_lost_its_opening_mark_are_one_title():
    text = "\n".join(["\u201cWe will not back down,\u201d says harbour mayor - The Coastal Ledger",
                      "We will not back down,\u201d says harbour mayor", COUNCIL])
    once = C.clean(text)
    assert once.title == "\u201cWe will not back down,\u201d says harbour mayor"  # repaired
    assert C.clean(once.text).text == once.text


@pytest.mark.parametrize("first", [
    "Council backs bridge repairs - Seven Hills Valley Evening Post",  # 5 words
    "Council backs bridge repairs - Riverton Daily. Star",  # a sentence ends inside
    "Council backs bridge repairs - what happens next",  # words in lower case: a phrase
    "Council backs bridge repairs : Riverton Daily Star",  # ':' is French typography
])
def test_the_title_tag_needs_a_name_after_a_separator(first):
    text = "\n".join([first, "Council backs bridge repairs", COUNCIL])
    assert "page.title-tag" not in [rule for rule, _ in removed_rules(text)]


def test_a_name_may_be_a_domain_or_hold_connectors():
    for name in ("nj.com", "Times of India", "La Voix du Nord"):
        text = "\n".join([f"Council backs bridge repairs - {name}", "Council backs bridge repairs",
                          COUNCIL])
        assert C.clean(text).title == "Council backs bridge repairs", name


def test_only_the_first_block_can_be_the_title_tag():
    # a listicle's item heading repeats the headline: it is after prose, and stays
    text = "\n".join(["Best budget laptops of the year", COUNCIL,
                      "Best budget laptops of the year - Acer Aspire 5", COUNCIL.replace("seven", "six")])
    assert "Best budget laptops of the year - Acer Aspire 5" in C.clean(text).paragraphs



@pytest.mark.parametrize("headline", ["Is the bridge safe?", "\u00bfQu\u00e9 cambia con la reforma laboral?",
                                      "Council backs bridge repairs!"])
def test_the_headline_under_a_title_tag_is_the_title_whatever_mark_ends_it(headline):
    text = "\n".join([f"{headline} - Riverton Daily Star", headline, COUNCIL])
    result = C.clean(text)
    assert (result.title, result.paragraphs) == (headline, (COUNCIL,))
    assert C.clean(result.text).text == result.text


def test_every_rule_kind_has_one_module_in_the_registry():
    from cleaner.kinds import KINDS
    from cleaner.model import RuleKind

    assert set(KINDS) == set(RuleKind)
    assert all(k.kind == kind for kind, k in KINDS.items())


@pytest.mark.parametrize("kind, fields", [
    ("fringe", {"max_chars": 40, "min_run": 4}),
    ("cards", {"max_chars": 150, "min_run": 3}),
    ("title", {"max_chars": 300, "min_chars": 15, "max_words": 4}),
    ("element", {"max_chars": 3000}),
    ("block", {"max_chars": 200}),
    ("duplicate", {"min_chars": 30}),
    ("byline", {"max_words": 6}),
])
def test_a_rule_built_in_python_gets_the_defaults_a_rule_file_gives(tmp_path, kind, fields):
    from cleaner.model import Examples, Rule, RuleKind

    extra = {"fringe": "", "cards": 'separators = ["-"]', "title": 'separators = ["|"]',
             "element": 'tags = ["nav"]', "block": 'phrases = ["Print"]', "duplicate": "",
             "byline": ""}[kind]
    path = tmp_path / "r.toml"
    path.write_text(f'[pack]\nname = "t"\ndescription = "t"\n\n[[rule]]\nid = "t.r"\n'
                    f'description = "d"\nkind = "{kind}"\n{extra}\n[rule.examples]\n'
                    'remove = ["a"]\nkeep = ["b"]\n', encoding="utf-8")
    loaded = load_rules([path], builtin=False).rules[0]
    built = Rule("t.r", "d", RuleKind(kind), Examples(("a",), ("b",)))
    for name, value in fields.items():
        assert getattr(loaded, name) == value
        assert getattr(built, name) == value


def test_a_tool_line_goes_in_any_order_and_mix_and_the_body_stays():
    lines = ["Print 3 Comments Share", "Vorlesen · Teilen", "Listen to this article A+ A-"]
    doc = "\n".join(["Budget Vote Delayed", lines[0], PARAGRAPHS[0], lines[1], PARAGRAPHS[1],
                     "Print editions", lines[2]])
    gone = [t for rule, t in removed_rules(doc) if rule == "widget.tool-line"]
    assert gone == lines
    assert PARAGRAPHS[0] in C.clean(doc).text and "Print editions" in C.clean(doc).text


def test_tool_words_need_words_that_outnumber_the_counts():
    from cleaner.kinds.tools import tokens, tool_words

    token = tokens(("x", "share", "a+", "a-"))
    assert tool_words("share 12 x", token) == 2
    assert tool_words("12 x 40 x 7", token) == 0  # a size, not the X button
    assert tool_words("a+ a-", token) == 0  # no word of two letters
    assert tool_words("share this", token) == 0


def test_a_section_label_between_title_tag_and_headline_is_head_furniture():
    # the label goes (head kind), then the title tag repeats the headline right below it
    lines = ["Council backs bridge repairs after a long night - Riverton Daily Star", "Politics",
             "Council backs bridge repairs after a long night", COUNCIL]
    out = C.clean("\n".join(lines))
    assert [(s.rule, s.text) for s in out.removed] == [
        ("page.title-tag", lines[0]), ("head.furniture", "Politics")]
    assert out.title == lines[2] and COUNCIL in out.text


def test_a_promo_group_in_the_middle_goes_whole_and_the_body_around_it_stays():
    promo = ["The Tuesday Digest", "Subscribe", "Your e-mail stays with us; unsubscribe whenever you like."]
    doc = "\n".join(["Budget Vote Delayed", PARAGRAPHS[0], *promo, PARAGRAPHS[1]])
    removed = removed_rules(doc)
    assert [t for _, t in removed] == promo  # "Subscribe" alone is a block rule's too
    assert ("promo.group", "The Tuesday Digest") in removed
    out = C.clean(doc).text
    assert PARAGRAPHS[0] in out and PARAGRAPHS[1] in out
    # without its fine print, a call to action is not a group
    lone = "\n".join(["Budget Vote Delayed", PARAGRAPHS[0], "The Tuesday Digest", "Subscribe", PARAGRAPHS[1]])
    assert "promo.group" not in [rule for rule, _ in removed_rules(lone)]
