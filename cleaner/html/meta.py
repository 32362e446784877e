"""Page metadata from trafilatura's own readers, minus the costly ones we do not need.

trafilatura's extract_metadata also scans for categories, tags and licences (about 5 ms
a page) and, when no meta tag names the author, walks the page for one (about 9 ms);
cleaner finds bylines in the text itself, so those are left out.
"""

from __future__ import annotations

import json

from lxml import etree

from ..model import Meta

_JSON_TYPES = ("application/ld+json", "application/settings+json")


def page_meta(root: etree._Element, url: str | None) -> Meta:
    from htmldate import find_date

    from .trafilatura_private import examine_meta, extract_sitename, extract_title, extract_url

    try:
        found = examine_meta(root)
        if found.author and " " not in found.author:
            found.author = None  # a single word is a handle or a site, not a person
        found = _meta_json(root, found)
    except Exception:  # trafilatura's JSON-LD reader fails on some malformed pages
        return Meta(url=url)  # (CleanerTimeout is a BaseException and passes through)
    page_url = found.url or extract_url(root, url) or url
    try:
        date = find_date(root, extensive_search=False, original_date=True, url=page_url)
    except Exception:
        date = None
    return Meta(
        title=headline(_clean(found.title or extract_title(root)), _candidates(root)),
        author=_clean(found.author),
        date=date,
        sitename=_clean(found.sitename or extract_sitename(root)),
        url=page_url,
        language=_language(root),
    )


def _meta_json(root: etree._Element, found):
    """trafilatura.metadata.extract_meta_json, but minifying the JSON with one regex split
    rather than a substitution that calls a Python template per string in the JSON (the
    same text; a sixth of the metadata time)."""
    from .trafilatura_private import JSON_MINIFY, extract_json, extract_json_parse_error, normalize_json

    for el in root.iterdescendants("script"):
        if el.get("type") not in _JSON_TYPES or not el.text:
            continue
        # JSON_MINIFY matches a string (kept) or a space (dropped): split yields the text
        # between matches and each match's string, None for a space
        text = normalize_json("".join(filter(None, JSON_MINIFY.split(el.text))))
        try:
            found = extract_json(json.loads(text, strict=False), found)
        except json.JSONDecodeError:
            found = extract_json_parse_error(text, found)
    return found


_SITE_SEPARATORS = ("|", "-", "\u2013", "\u2014", "\u00b7", "\u2022", "/", "::")
_LONGEST_TITLE = 300


def headline(title: str | None, candidates: list[str]) -> str | None:
    """The longest form of the title that the page's headlines agree on: a <title> with
    the site name cut off ("Council approves budget") gives way to an <h1> or og:title
    that starts with it and goes on ("Council approves budget after long night"), but
    not to one that goes on with a separator and a site name ("... | The Daily").

    >>> headline("Council approves budget", ["Council approves budget after long night"])
    'Council approves budget after long night'
    >>> headline("Council approves budget", ["Council approves budget | The Daily"])
    'Council approves budget'
    """
    if not title:
        return title
    best = title
    for cand in candidates:
        rest = cand[len(title):].lstrip()
        if (len(cand) > len(best) and len(cand) <= _LONGEST_TITLE and rest
                and cand.casefold().startswith(title.casefold()) and not rest.startswith(_SITE_SEPARATORS)):
            best = cand
    return best


def _candidates(root: etree._Element) -> list[str]:
    """The first <h1>'s text and og:title, whitespace collapsed."""
    h1 = next(root.iter("h1"), None)
    found = [h1.text_content() if h1 is not None else None]
    found += [str(c) for c in root.xpath('//meta[@property="og:title"]/@content')[:1]]
    return [c for c in map(_clean, found) if c]


def _language(root: etree._Element) -> str | None:
    lang = root.get("lang") or next(iter(root.xpath('//meta[@http-equiv="content-language"]/@content')), None)
    return str(lang).strip().split("-")[0].lower() or None if lang else None


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text else None
