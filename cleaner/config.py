"""The one options object. Frozen: build a new one with dataclasses.replace()."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .model import InputKind


@dataclass(frozen=True)
class Config:
    """How to clean. Every field has a default; `Config()` is the built-in behaviour.

    >>> Config(site="defenseone.com").builtin_rules
    True
    """

    rule_files: tuple[str | Path, ...] = ()
    """Rule files (TOML) to load besides, or instead of, the built-in packs."""
    builtin_rules: bool = True
    """Load the packs shipped in rules/."""
    disable: frozenset[str] = field(default_factory=frozenset)
    """Rule ids to leave out."""
    site: str | None = None
    """Domain whose site packs apply (default: from the url, else none)."""
    input: InputKind | None = None
    """Force text or html; None detects it."""
    smart_quotes: bool = False
    """Also turn straight double quotes into curly ones."""
    max_removed_share: float = 0.95
    """Refuse to remove more than this share of a document's characters."""
    max_bytes: int = 16_000_000
    """A larger document is refused with InputTooLarge (0: no limit)."""
    max_elements: int = 300_000
    """A page with more HTML elements is refused with InputTooLarge (0: no limit)."""
    timeout: float = 5.0
    """Seconds one document may take; past that, CleanerTimeout (0: no limit). Enforced
    with a timer signal, so only in the main thread (the CLI, batch and Spark workers);
    in other threads there is no limit unless `isolate` is set. A page takes about 8 ms."""
    isolate: bool = False
    """Clean each document in a worker process that is killed past the timeout plus a
    grace (at most 1.5x, from 0.25 s), so the timeout holds in any thread and even in
    a long C call; a kill raises CleanerTimeout. Workers start on first use (from a
    thread, through a fork server: a few seconds once), up to `isolate_workers`; they
    end with the interpreter or `Cleaner.close()`. Costs a copy of each document and
    result between processes (well under a millisecond for a page). The CLI sets it."""
    isolate_workers: int = 4
    """How many worker processes `isolate` may run at once; more callers wait."""
