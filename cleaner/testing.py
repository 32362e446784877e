"""Hypothesis strategies and the over-stripping guard, for our tests and for yours.

Use them in your own test suite to prove that your rule files never eat body text:

    from hypothesis import given
    from cleaner import Cleaner, load_rules
    from cleaner.testing import articles, assert_body_survives

    RULES = load_rules(["my-rules.toml"])
    CLEANER = Cleaner(rules=RULES)

    @given(articles(RULES))
    def test_my_rules_keep_the_body(article):
        assert_body_survives(CLEANER, article)

`cleaner rules test FILE` runs the same properties on a rule file.
"""

from __future__ import annotations

from typing import NamedTuple

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .model import Rule, RuleKind, RuleSet
from .repair import STYLES
from .segment import segment_text
from .textnorm import copy_key, normalize_space

# Prose that talks about the things noise is made of: the body must survive it.
NOISE_WORDS = (
    "newsletter", "newsletters", "subscribe", "subscribing", "subscribers", "print", "printing",
    "share", "shared", "sharing", "font", "caption", "captions", "photo", "photographs",
    "cookie", "cookies", "advertisement", "advertising", "sponsored", "related", "comments",
    "Newsletter", "abonnieren", "teilen", "Anzeige", "Werbung", "Foto", "partager", "publicité",
    "compartir", "publicidad", "boletín", "more", "from", "read", "also", "credit", "copyright",
)
PLAIN_WORDS = (
    "the", "council", "said", "on", "Tuesday", "that", "it", "would", "review", "budget", "city",
    "after", "residents", "complained", "about", "a", "new", "plan", "for", "schools", "and",
    "roads", "officials", "expect", "vote", "next", "week", "her", "team", "in", "to", "of",
    "was", "by", "with", "their", "report", "mayor", "company", "editor", "readers", "week's",
)
OPEN, CLOSE = "\u201c", "\u201d"


class Article(NamedTuple):
    text: str
    title: str
    body: tuple[str, ...]
    noise: tuple[str, ...]
    url: str | None = None  # a page of the site whose packs the noise comes from, if scoped


SUBJECTS = ("The council", "Officials", "The mayor", "Residents", "Her team", "The company",
            "The editor", "Readers", "Die Stadt", "Le maire", "El alcalde")


def sentences() -> st.SearchStrategy[str]:
    """Sentences that talk about noise: a subject first, then any words, noise words too.

    (A line that opens with the noise itself, "Subscribe to the newsletter ...", is what
    a sign-up prompt looks like; prose mentions these things, it does not start with
    the imperative.)"""
    words = st.lists(st.sampled_from(PLAIN_WORDS + NOISE_WORDS), min_size=5, max_size=30)
    end = st.sampled_from([".", "!", "?", ".", "…", "."])
    return st.builds(lambda subject, ws, e: subject + " " + " ".join(ws) + e,
                     st.sampled_from(SUBJECTS), words, end)


def paragraphs() -> st.SearchStrategy[str]:
    """A body paragraph: sentences, sometimes a balanced quote, sometimes a list item."""
    plain = st.lists(sentences(), min_size=1, max_size=4).map(" ".join)
    quoted = st.builds(lambda s, t: f"{OPEN}{s}{CLOSE} {t}", sentences(), sentences())
    listed = sentences().map(lambda s: "\u2022 " + s)
    return st.one_of(plain, plain, quoted, listed)


def noise_lines(ruleset: RuleSet) -> list[str]:
    """The noise of pages of no particular site (see noise_pools)."""
    return list(noise_pools(ruleset).get(None, ()))


def noise_pools(ruleset: RuleSet) -> dict[str | None, tuple[str, ...]]:
    """The noise to draw from, per site: None for pages of no site, and each site that a
    block rule is scoped to, whose pages get that site's noise besides.

    Noise is the one-line remove examples of block rules that may fire anywhere in a
    document, less those that also head a section ("Most read in world news"): what
    follows such a line is meant to go with it, so it is no standalone noise to drop
    between paragraphs."""
    from .ruletest import removed_by

    sections = [r for r in ruleset.rules if r.kind == RuleKind.SECTION]
    found = {(e, r.sites) for r in ruleset.rules if _fires_anywhere(r) for e in r.examples.remove
             if "\n" not in e}
    lines = [(e, sites) for e, sites in found if not any(removed_by(r, e) for r in sections)]
    everywhere = sorted({e for e, sites in lines if not sites})
    pools = {None: tuple(everywhere)} if everywhere else {}
    for site in sorted({s for _, sites in lines for s in sites}):
        pools[site] = tuple(sorted({*everywhere, *(e for e, sites in lines if site in sites)}))
    return pools


def _fires_anywhere(rule: Rule) -> bool:
    return rule.kind == RuleKind.BLOCK and not rule.within_first and not rule.after_share


def articles(ruleset: RuleSet, max_paragraphs: int = 12) -> st.SearchStrategy[Article]:
    """A title, unique body paragraphs, and noise lines from `ruleset` dropped between them:
    at least one, so every example exercises the rules, site-scoped ones on a page of
    their site (`Article.url`). The noise pools are worked out once here, not at every
    draw. A rule set with no noise to insert gives articles without any, which
    assert_body_survives refuses."""
    pools = noise_pools(ruleset)
    if not pools:
        return _articles((), max_paragraphs, None)
    return st.sampled_from(sorted(pools, key=lambda s: s or "")).flatmap(
        lambda site: _articles(pools[site], max_paragraphs, site))


@st.composite
def _articles(draw, pool: tuple[str, ...], max_paragraphs: int, site: str | None) -> Article:
    """A title, unique body paragraphs, and noise lines from `pool` dropped between them."""
    title = draw(st.lists(st.sampled_from(PLAIN_WORDS), min_size=2, max_size=7)
                 .map(lambda ws: "Council " + " ".join(ws)))
    # unique as the engine counts copies: two paragraphs that differ only in quote marks
    # or spacing are one printed twice (a pull quote), not two
    body = draw(st.lists(paragraphs(), min_size=1, max_size=max_paragraphs,
                         unique_by=copy_key))
    lines: list[str] = [title]
    noise: list[str] = []
    for para in body:
        if pool and draw(st.booleans()):
            noise.append(draw(st.sampled_from(pool)))
            lines.append(noise[-1])
        lines.append(para)
    if pool and (not noise or draw(st.booleans())):  # at least one line of noise
        noise.append(draw(st.sampled_from(pool)))
        lines.append(noise[-1])
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    url = f"https://{site}/news/article" if site else None
    return Article(sep.join(lines), title, tuple(body), tuple(noise), url)


def same_but_repaired(original: str, cleaned: str) -> bool:
    """`cleaned` is `original` with white space normalised and at most an opening mark added."""
    base = normalize_space(original)
    if cleaned == base:
        return True
    return any(cleaned in (s.opening + base, s.opening + " " + base) for s in STYLES)


def assert_body_survives(cleaner, article: Article, require_noise: bool = True) -> None:
    """Every body paragraph is kept, in order, unchanged but for repair; every noise line
    goes; and there was noise: an article without any proves nothing about the rules
    (unless `require_noise` is off, for rule sets known to give none)."""
    assert article.noise or not require_noise, ("no noise in the article: the rules give no one-line remove "
                           "example of a block rule that may fire anywhere, so nothing is tested")
    result = cleaner.clean(article.text, url=article.url)
    kept = list(result.paragraphs)
    i = 0
    for para in article.body:
        while i < len(kept) and not same_but_repaired(para, kept[i]):
            i += 1
        assert i < len(kept), f"body paragraph lost: {para!r}\nremoved: {result.removed}"
        i += 1
    noise = {normalize_space(n) for n in article.noise}
    left = [p for p in kept if p in noise]
    assert not left, f"noise kept: {left!r}"


def assert_idempotent(cleaner, text: str, url: str | None = None) -> None:
    once = cleaner.clean(text, url=url).text
    assert cleaner.clean(once, url=url).text == once


def assert_only_deletes_and_inserts(cleaner, text: str, url: str | None = None) -> None:
    """Replaying the removal and repair steps on the input gives exactly the output."""
    from .replay import replay

    result = cleaner.clean(text, url=url)
    assert replay(segment_text(text), result) == result.text


def check_properties(ruleset: RuleSet, max_examples: int = 100) -> list[str]:
    """Run the over-stripping properties against `ruleset`; return what failed."""
    from .api import Cleaner

    cleaner = Cleaner(rules=ruleset)
    noisy = bool(noise_pools(ruleset))  # element or section rules alone give no noise lines
    # no shrinking: the first failing article is reported as found, in bounded time
    cfg = settings(max_examples=max_examples, derandomize=True, database=None, deadline=None,
                   suppress_health_check=list(HealthCheck),
                   phases=[Phase.explicit, Phase.generate])
    checks = {
        "body survives and noise goes": lambda a: assert_body_survives(cleaner, a, noisy),
        "cleaning is idempotent": lambda a: assert_idempotent(cleaner, a.text, a.url),
        "output is the input minus blocks plus quote marks":
            lambda a: assert_only_deletes_and_inserts(cleaner, a.text, a.url),
    }
    problems = []
    for name, check in checks.items():
        try:
            cfg(given(articles(ruleset))(check))()
        except AssertionError as exc:
            problems.append(f"{name}: {str(exc).splitlines()[0]}")
    return problems
