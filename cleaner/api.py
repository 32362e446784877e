"""The front door: `clean()` for one call, `Cleaner` to compile the rules once and reuse.

`clean()` keeps the few Cleaners it built last (see `_shared_cleaner`), so that calling
it in a loop does not load and compile the rule set each time.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from typing import Any

from .compile import CompiledRules, compile_rules
from .config import Config
from .loader import load_rules, rule_files
from .model import Result, RuleSet
from .pipeline import run
from .rulecache import cached


class Cleaner:
    """Compiles a rule set once; `.clean()` is then safe to call from many threads.

    >>> c = Cleaner()
    >>> c.clean("Headline\\n\\nAdvertisement\\n\\nThe body stays.").text
    'Headline\\n\\nThe body stays.\\n'
    """

    def __init__(self, config: Config | None = None, *, rules: RuleSet | None = None):
        self.config = config or Config()
        if rules is not None:  # a given rule set replaces rule_files and builtin_rules
            ruleset = RuleSet(tuple(r for r in rules.rules if r.id not in self.config.disable),
                              rules.files)
            self._compiled: CompiledRules = compile_rules(ruleset)
        else:  # from files: a compiled copy of the same bytes may be on disk (rulecache)
            self._compiled = cached(
                rule_files(self.config.rule_files, builtin=self.config.builtin_rules),
                self.config.disable, self._load_and_compile)
        self._isolated = None
        if self.config.isolate:  # the workers run this same Cleaner, without isolation
            from copy import copy
            from dataclasses import replace

            from .isolate import Isolated

            inner = copy(self)
            inner.config = replace(self.config, isolate=False)
            self._isolated = Isolated(inner, self.config.isolate_workers)

    @property
    def rules(self) -> RuleSet:
        return self._compiled.ruleset

    def _load_and_compile(self) -> CompiledRules:
        return compile_rules(load_rules(self.config.rule_files, builtin=self.config.builtin_rules,
                                        disable=self.config.disable))

    def clean(self, content: bytes | str, *, url: str | None = None) -> Result:
        """Clean one document (text or HTML, str or bytes); never mutates the Cleaner."""
        if self._isolated is not None:
            return self._isolated.clean(content, url)
        return run(content, self._compiled, self.config, url)

    def close(self) -> None:
        """Stop the worker processes of `Config(isolate=True)` (no-op otherwise)."""
        if self._isolated is not None:
            self._isolated.close()


def clean(content: bytes | str, *, url: str | None = None, rules: RuleSet | None = None,
          config: Config | None = None) -> str:
    """Clean one document and return its text: title, blank line, paragraphs.

    The compiled rule set is reused from one call to the next with the same `config`
    and `rules` (see `_shared_cleaner`); a `Cleaner` of your own does the same explicitly.
    """
    return _shared_cleaner(config, rules=rules).clean(content, url=url).text


SHARED_CLEANERS = 8  # distinct (config, rules) kept by _shared_cleaner, least recently used out

_shared: OrderedDict[Any, tuple[RuleSet | None, Cleaner]] = OrderedDict()
_shared_lock = threading.Lock()


def _shared_cleaner(config: Config | None = None, *, rules: RuleSet | None = None) -> Cleaner:
    """A Cleaner for `config` and `rules`, built once and then reused while it stays among
    the last SHARED_CLEANERS asked for. A Cleaner never changes once built, so reusing
    one cannot make a result depend on earlier documents.

    The key is the Config's value, the identity of `rules` (a RuleSet built anew is
    compiled anew) and the size and modification time of each of `config.rule_files`,
    so an edited rule file is loaded again. The built-in packs are part of the
    installed package, like its code, and are not watched. A Config that cannot be
    hashed (say, `disable` given as a set) gets a fresh Cleaner each call.
    """
    config = config or Config()
    key = _key(config, rules)
    if key is None:
        return Cleaner(config, rules=rules)
    with _shared_lock:
        entry = _shared.get(key)
        if entry is not None and entry[0] is rules:
            _shared.move_to_end(key)
            return entry[1]
    built = Cleaner(config, rules=rules)  # outside the lock: other configs need not wait
    with _shared_lock:
        entry = _shared.setdefault(key, (rules, built))  # a racing thread's wins: one per key
        _shared.move_to_end(key)
        while len(_shared) > SHARED_CLEANERS:
            _shared.popitem(last=False)
        return entry[1]


def _key(config: Config, rules: RuleSet | None) -> Any:
    try:
        hash(config)
    except TypeError:
        return None
    if rules is not None:  # the rule files play no part: a given rule set replaces them
        return (config, id(rules))
    try:
        return (config, None, tuple(_stamp(f) for f in config.rule_files))
    except OSError:  # a file gone: the Cleaner will say so, with its own message
        return None


def _stamp(path: str | os.PathLike) -> tuple:
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, st.st_ino)
