"""The extractors the benchmarks compare, each built once and returned as a function of
one input, so that quality.py scores and html_speed.py times exactly the same call.

Imports happen inside the builders: a broken cleaner HTML mode must cost one row of the
report, not the whole run.
"""

from __future__ import annotations

from collections.abc import Callable

from aeb_data import Page

Extract = Callable[[Page], str]


def page_errors() -> tuple[type[BaseException], ...]:
    """What one page may raise and still cost only itself: any Exception, and cleaner's
    CleanerTimeout (a BaseException, so that libraries cannot swallow it)."""
    try:
        from cleaner.model import CleanerTimeout
    except ImportError:  # cleaner's HTML mode broken: its row says so
        return (Exception,)
    return (Exception, CleanerTimeout)


def cleaner_html() -> Extract:
    """cleaner, default settings, on the page's bytes. The prediction is the body only:
    the benchmark's truth has no title, and cleaner returns the title apart."""
    from cleaner import Cleaner

    cleaner = Cleaner()
    return lambda page: "\n".join(cleaner.clean(page.html, url=page.url).paragraphs)


def trafilatura_html(fast: bool = False) -> Extract:
    """trafilatura.extract with its defaults (or fast=True: no fallback extractors)."""
    import trafilatura

    return lambda page: trafilatura.extract(page.html, url=page.url, fast=fast) or ""


def cleaner_text() -> Callable[[str], str]:
    """cleaner in text mode as a post-filter on another extractor's output.

    The whole kept text (r.text), title included: a peer's output is body text, so a
    first line that cleaner takes for a title is still body for the benchmark.
    """
    from cleaner import Cleaner, Config
    from cleaner.model import InputKind

    cleaner = Cleaner(Config(input=InputKind.TEXT))
    return lambda text: cleaner.clean(text).text


def parse_only() -> Extract:
    """lxml.html.fromstring alone: the floor under any lxml-based extractor."""
    import lxml.html

    def parse(page: Page) -> str:
        lxml.html.fromstring(page.html)
        return ""

    return parse
