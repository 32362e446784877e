"""Warnings of the command line: things that go quietly wrong for a user otherwise.

A site-scoped pack given with --rules that no input is a page of, a --site that no
pack names, a page with no article text, input that is not text at all. Each is one
line on stderr; none changes the exit status.
"""

from __future__ import annotations

from pathlib import Path

from ..compile import on_site
from ..model import RuleSet


def unknown_site(rules: RuleSet, site: str | None) -> str | None:
    """A warning if `site` (--site) is named by no rule of the loaded packs."""
    if site and not any(on_site(r.sites, site) for r in rules.rules):
        return (f"no rule pack names the site {site!r} (--site): only rules for every "
                f"site apply; `cleaner rules list` shows the packs")
    return None


def packs_never_applied(rules: RuleSet, files: tuple[str | Path, ...],
                        sites: list[str | None]) -> list[str]:
    """A warning for each site-scoped pack of the user's `files` (--rules) that none of
    the inputs' `sites` was a page of, so that its rules never ran."""
    given = {str(f) for f in files}
    packs: dict[tuple[str, str], tuple[str, ...]] = {}
    for rule in rules.rules:
        path = rule.origin.rsplit(":", 1)[0]
        if rule.sites and path in given:  # a pack's rules may each name their own sites
            before = packs.get((rule.pack, path), ())
            packs[rule.pack, path] = before + tuple(s for s in rule.sites if s not in before)
    return [f"pack {pack!r} of {path} is for {', '.join(scoped)} only and no input was a "
            f"page of it: give the page's --url or --site {scoped[0]}"
            for (pack, path), scoped in packs.items()
            if not any(on_site(scoped, site) for site in sites)]
