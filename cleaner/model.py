"""Shared value types. No logic lives here: every stage takes these and returns new ones.

The pipeline is source -> segment -> match -> decide -> repair -> render; each stage
has its own module and imports only from the ones before it and from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import NamedTuple


class CleanerError(Exception):
    """A document that could not be cleaned; the message says why, for the user."""


class InputTooLarge(CleanerError):
    pass


class CleanerTimeout(BaseException):
    """A document ran out of time. A BaseException, like KeyboardInterrupt, so that the
    broad `except Exception` blocks inside trafilatura and htmldate cannot swallow it."""


CLEANER_ERRORS = (CleanerError, CleanerTimeout)  # what cleaning one document may raise


class InputKind(str, Enum):
    TEXT = "text"
    HTML = "html"


class BlockKind(str, Enum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"


class RuleKind(str, Enum):
    BLOCK = "block"  # one block matching a phrase list or a pattern
    SECTION = "section"  # from a trigger block to an end marker or the document's end
    DUPLICATE = "duplicate"  # the same block printed more than once
    BYLINE = "byline"  # an author or credit line near the top
    ELEMENT = "element"  # an HTML element, by CSS selector, tag or class/id token
    FRINGE = "fringe"  # runs of short lines before the first or after the last prose block
    CARDS = "cards"  # teaser cards after the last prose block: separator, headline, blurb
    TITLE = "title"  # the page's <title> near the top: the headline, a separator, the site
    TOOLS = "tools"  # a line made only of page-tool words (share, print, A+), counts and marks
    HEAD = "head"  # furniture above the body: breadcrumbs, section labels, role and date lines
    PROMO = "promo"  # a promo group: its name line, a call to action, its fine print
    CLASSIFIER = "classifier"  # menus, footers, link lists: block features and neighbours


class Anchor(str, Enum):
    FULL = "full"  # the whole block is the phrase (surrounding punctuation ignored)
    START = "start"  # the block starts with the phrase
    CONTAINS = "contains"  # the phrase stands anywhere in the block, on word boundaries


class Risk(str, Enum):
    SAFE = "safe"
    RISKY = "risky"


# Elements that hold a whole page: element rules may never name or drop them.
PAGE_TAGS = frozenset({"html", "body", "main", "article"})


class Block(NamedTuple):
    """One unit of the document: a line of text, or a block element of a page.

    A NamedTuple rather than a dataclass: documents have tens of thousands of
    blocks and this is the cheapest immutable record Python has.
    """

    index: int
    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    line: int = 0  # 1-based source line, 0 when unknown


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    kind: InputKind = InputKind.TEXT
    meta: Meta = field(default_factory=Meta)


@dataclass(frozen=True)
class Trigger:
    """What a rule recognises in one block: literal phrases and/or regex patterns."""

    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    anchor: Anchor = Anchor.FULL

    def __bool__(self) -> bool:
        return bool(self.phrases or self.patterns)


@dataclass(frozen=True)
class Examples:
    remove: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()


class Thresholds(NamedTuple):
    """The block classifier's numbers and word lists (the classifier kind; see
    cleaner/blockclass). Defaults are jusText's where it has one; the rule sets its own."""

    length_low: int = 70  # shorter blocks are SHORT (unless BAD on their own)
    length_high: int = 200  # GOOD needs this many characters
    stopwords_low: float = 0.30  # NEARGOOD needs this share of stopwords
    stopwords_high: float = 0.32  # GOOD needs this share
    min_list_density: float = 0.0  # a long block under this share, without a sentence, is BAD
    label_words: int = 5  # a link label has at most this many words
    prose_words: int = 5  # a sentence this long is prose: never removed
    tool_share: float = 0.5  # a line whose words are this much page tools is BAD
    max_tool_words: int = 8  # ...if it has at most this many words
    max_mark_words: int = 4  # labels joined by separators: words per label at most
    max_notice_chars: int = 200  # a notice (copyright) is a short line
    max_heading_distance: int = 200  # a short heading this close above GOOD is kept
    max_gap_blocks: int = 6  # blocks between noise go only in a stretch of at most this many
    min_language_share: float = 0.15  # a stoplist must cover this share of the words
    stoplists: tuple[frozenset[str], ...] = ()  # one per language; the best one is used
    tools: frozenset[str] = frozenset()  # page-tool words ("share", "print", "email")
    notices: tuple[str, ...] = ()  # marks of a notice ("©", "all rights reserved")


@dataclass(frozen=True)
class Rule:
    """One rule instance, as loaded from a rule file. Which fields apply depends on kind."""

    id: str
    description: str
    kind: RuleKind
    examples: Examples
    origin: str = ""  # "file:line", for messages
    why: str = ""
    risk: Risk = Risk.SAFE
    sites: tuple[str, ...] = ()
    pack: str = ""
    # block: what it matches; section: the trigger block
    trigger: Trigger = field(default_factory=Trigger)
    # section: the end marker (the marker block itself is kept)
    end: Trigger = field(default_factory=Trigger)
    # guards
    # None (max_chars, min_chars, max_words, min_run): the kind's own default, filled in
    # by __post_init__ from cleaner.kinds, so a Rule built here and one loaded from a file agree
    max_chars: int = None  # type: ignore[assignment]  # longest block the rule may match
    within_first: int = 0  # 0: anywhere; N: only among the first N blocks
    after_share: float = 0.0  # only after this share of the document's characters
    after_prose: int = 0  # section: only after this many paragraphs of prose (the body began)
    max_blocks: int = 60  # section: most blocks it may remove
    max_share: float = 0.5  # section: most of the document's characters it may remove
    # duplicate
    min_chars: int = None  # type: ignore[assignment]  # duplicate: 30, title: 15
    max_copies: int = 2
    keep: str = "first"  # "first" or "none"
    max_gap: int = 0  # 0: any distance; N: copies at most N blocks apart
    gap_max_chars: int = 0  # 0: anything between copies; N: only blocks this short
    # byline
    prefixes: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ()
    max_words: int = None  # type: ignore[assignment]  # byline: 6, title: 4
    first_names: frozenset[str] = frozenset()  # a bare byline starts with one (empty: any)
    # fringe: menus and footers around the body
    min_run: int = None  # type: ignore[assignment]  # at least this many lines (cards: cards) in a row
    prose_chars: int = 150  # a block this long that has a sentence in it is prose
    where: str = "both"  # "head", "tail" or "both"
    # cards: teasers at the end, each opened by a separator line ("-") (min_run: cards)
    separators: tuple[str, ...] = ()  # the lines that open a card; title: between headline and site
    max_card_blocks: int = 3  # a card is its separator and 2 to this many short blocks
    # element (HTML): the elements it names in the parsed page
    selectors: tuple[str, ...] = ()
    tokens: tuple[str, ...] = ()  # whole words of class or id: "share" in "post-share-bar"
    tags: tuple[str, ...] = ()
    max_paragraphs: int = 3  # element: one holding more <p>s of prose than this is kept
    keep_containing: tuple[str, ...] = ()  # element: one holding any of these tags is kept
    # tools, head: the words a line is made of (vocabularies), and how many it needs
    words: tuple[str, ...] = ()
    min_words: int = 2
    # promo: name lines taken before the call to action; blocks to its fine print
    before: int = 2
    after: int = 3
    # classifier: the thresholds and word lists of the block classifier
    thresholds: Thresholds = Thresholds()

    def __post_init__(self) -> None:
        from .kinds import kind_defaults  # here, not at the top: the kinds import this module

        for name, value in kind_defaults(self.kind).items():
            if getattr(self, name) is None:
                object.__setattr__(self, name, value)


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    files: tuple[str, ...] = ()

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


class Match(NamedTuple):
    rule: str
    block: int
    reason: str


class Span(NamedTuple):
    """A section rule's proposal: the blocks left in [start, stop), judged as a whole."""

    rule: str
    start: int
    stop: int
    reason: str


class Step(NamedTuple):
    """A replayable edit: remove a block, or insert text at an offset of a kept block."""

    stage: str  # "remove" | "repair" | "guard"
    rule: str
    block: int
    text: str  # the removed block's text, or the repaired block's text before the insert
    reason: str
    offset: int = -1
    inserted: str = ""
    replaced: str = ""  # what the insert replaces at `offset` ("" for a pure insert)


@dataclass(frozen=True)
class Result:
    text: str
    title: str | None
    byline: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[Step, ...]
    repairs: tuple[Step, ...]
    warnings: tuple[str, ...] = ()
    kinds: tuple[BlockKind, ...] = ()
    meta: Meta = field(default_factory=Meta)
    site: str | None = None  # the host whose site packs applied (from site, url or the page)
