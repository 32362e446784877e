"""The recall guard on text rules in HTML mode: a text rule that would take a large share
of the prose the extractor found is undone for that page, and says so."""

from cleaner import Cleaner, recall

POSTS = ["I had the same problem after the last update, and reinstalling the graphics driver "
         "from the vendor site fixed it for me.",
         "Thanks, that worked here as well; the crash was gone once the old driver files were "
         "removed by hand before installing.",
         "For anyone else reading: the setting is under display options, and you need to "
         "restart the machine twice before it sticks."]


# the opening post: more than half of the page, so the comment section's own guards (its
# heading after half of the text, at most half of the text taken) let it go; the guard
# here is the one that stops it
OPENING = ("My screen goes black a few seconds after login since the update on Tuesday, "
           "and nothing in the event log says why. I have tried two other monitors, a new "
           "cable and the previous kernel, and the machine still hangs the same way each "
           "time; it only recovers after a hard reset. The fans spin up to full speed just "
           "before it happens, and the keyboard lights stay on, so the machine is not off. "
           "Booting from a live stick works for hours, which makes me think the new driver "
           "is to blame rather than the hardware, but I would like to be sure first.")


def _page() -> str:
    return ("<html><head><title>Driver crash after the update</title></head><body><article>"
            f"<h1>Driver crash after the update</h1><p>{OPENING}</p>"
            "<h2>Comments</h2>" + "".join(f"<p>{p}</p>" for p in POSTS)
            + "</article></body></html>")


def test_a_section_rule_that_would_take_the_posts_is_undone_and_says_so():
    result = Cleaner().clean(_page())
    assert all(p in result.paragraphs for p in POSTS)
    assert [w for w in result.warnings if w.startswith("guard: text rule ")]


def test_without_the_guard_the_posts_would_be_gone(monkeypatch):
    monkeypatch.setattr(recall, "costly_text_rules", lambda doc, removed: {})
    result = Cleaner().clean(_page())
    assert not any(p in result.paragraphs for p in POSTS)


def test_text_mode_is_not_guarded():
    text = f"Driver crash after the update\n\n{OPENING}\n\nComments\n\n"
    result = Cleaner().clean(text + "\n\n".join(POSTS) + "\n")
    assert not any(p in result.paragraphs for p in POSTS)
