"""Calls to action and contact lines, in a whole page: where they may go."""

from cleaner import Cleaner

C = Cleaner()

BODY = [
    "The council met on Tuesday to discuss the budget for next year in detail, and the "
    "debate ran late into the evening.",
    "Residents complained about the state of the roads near the old school, where two "
    "accidents happened in March.",
    "Officials said they would publish a revised plan before the end of March, once the "
    "auditors had finished their work.",
    "The mayor said the city could not afford to wait any longer for the money from the "
    "state, which was promised in 2019.",
]


def _removed(text):
    result = C.clean(text)
    return {s.text: s.rule for s in result.removed}, result.text


def test_head_calls_to_action_and_phone_line_go():
    page = ["Call Us: (800) 511-9172", "Get a Demo", "Council delays budget vote", *BODY]
    removed, _ = _removed("\n\n".join(page))
    assert removed.get("Call Us: (800) 511-9172") == "page.phone-line"
    assert removed.get("Get a Demo") == "promo.cta-button"


def test_a_phone_line_deep_in_the_page_is_left_to_the_page():
    page = ["Council delays budget vote", *(BODY * 6), "Phone: 800 511 9172"]
    removed, text = _removed("\n\n".join(page))
    assert removed.get("Phone: 800 511 9172") != "page.phone-line"


def test_a_blog_call_to_action_goes_and_prose_about_subscribing_stays():
    prose = ("Subscribe to the blog, the teacher told her class, and you will never miss "
             "a lesson again.")
    removed, text = _removed("\n\n".join(["Council delays budget vote", *BODY, prose,
                                          "Subscribe to our blog"]))
    assert removed.get("Subscribe to our blog") == "promo.newsletter-signup"
    assert prose in text
