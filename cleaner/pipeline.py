"""Composes the stages: source -> segment -> match -> decide -> repair -> Result.

Like jusText's main function, the algorithm can be read in the shape of `run()`.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .compile import CompiledRules
from .config import Config
from .decide import settle
from .limits import time_limit
from .match import recognise
from .model import Document, InputKind, Meta, Result, Step
from .repair import repair
from .segment import segment_text
from .source import Source, read_source
from .textnorm import SENTENCE_END


def run(content: bytes | str, compiled: CompiledRules, config: Config,
        url: str | None = None) -> Result:
    with time_limit(config.timeout):
        return _run(content, compiled, config, url)


def _run(content: bytes | str, compiled: CompiledRules, config: Config, url: str | None) -> Result:
    source = read_source(content, config.input, config.max_bytes)
    doc, dropped, refused, site, notes = segment(source, url, compiled, config)
    found = recognise(compiled, doc, site)
    decision = settle(compiled, doc, found, config.max_removed_share)
    if source.kind == InputKind.HTML:
        found, decision = _recall_guard(compiled, doc, found, decision, config)
    kept = [b for b, k in zip(doc.blocks, decision.keep) if k]
    repaired = repair(kept, config.smart_quotes)
    warnings = (notes + tuple(f"guard: {r}" for r in refused) + found.warnings
                + tuple(f"guard: {g.reason}" for g in decision.guarded))
    if source.kind == InputKind.HTML and not doc.blocks and source.text.strip():
        warnings += ("no article text found in the page",)
    decision = decision._replace(removed=dropped + decision.removed)
    return _result(doc, kept, repaired.texts, decision, repaired.steps, warnings, site)


def _recall_guard(compiled, doc, found, decision, config):
    """HTML: a text rule that takes much of the prose the extractor found is undone for
    the page (see .recall); settled again without it."""
    from .recall import costly_text_rules

    undone = costly_text_rules(doc, decision.removed)
    if not undone:
        return found, decision
    found = found._replace(inactive=found.inactive | {step.rule for step in undone})
    again = settle(compiled, doc, found, config.max_removed_share)
    return found, again._replace(guarded=again.guarded + undone)


def segment(source: Source, url: str | None, compiled: CompiledRules, config: Config
            ) -> tuple[Document, tuple[Step, ...], tuple[str, ...], str | None, tuple[str, ...]]:
    """The Document, the extracted blocks element rules dropped and the element rules the
    share guard refused (HTML), the site, and warnings about the page's shape."""
    if source.kind == InputKind.HTML:
        # trafilatura and htmldate load only for HTML
        from .html import (
            canonical_url,
            check_size,
            flatten_heavy_paragraphs,
            parse,
            parse_log,
            parser_losses,
            segment_html,
        )

        root = parse(source.text, source.utf8)
        notes = parser_losses(parse_log())
        if root is not None and config.max_elements:
            check_size(root, config.max_elements)
        if root is not None:
            notes += flatten_heavy_paragraphs(root)
        site = config.site or _host(url or (canonical_url(root) if root is not None else None))
        seg = segment_html(root, url, compiled.dom, compiled.inactive(site))
        refused = seg.refused + tuple(g.reason for g in seg.guarded)
        return seg.doc, seg.dropped, refused, site, notes
    return segment_text(source.text, Meta(url=url)), (), (), config.site or _host(url), ()


def _result(doc, kept, texts, decision, repairs, warnings, site) -> Result:
    title = doc.meta.title
    body = list(zip(kept, texts))
    if title is None and body and (decision.titled or _looks_like_title(body[0][1])):
        title = body[0][1]
    if body and body[0][1] == title:
        body = body[1:]
    parts = ([title] if title else []) + [t for _, t in body]
    return Result(
        text="\n\n".join(parts) + "\n" if parts else "",
        title=title,
        byline=decision.byline or doc.meta.author,
        paragraphs=tuple(t for _, t in body),
        removed=decision.removed,
        repairs=repairs,
        warnings=warnings,
        kinds=tuple(b.kind for b, _ in body),
        meta=doc.meta,
        site=site,
    )


def _looks_like_title(text: str) -> bool:
    return len(text) <= 200 and not text.endswith((*SENTENCE_END, ",", ";", ":"))


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:  # a page's canonical link can be anything, "http://[oops" too
        return None
    return host.removeprefix("www.") if host else None
