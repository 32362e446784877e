"""The front door: `clean()` for one call, `Cleaner` to compile the rules once and reuse."""

from __future__ import annotations

from .compile import CompiledRules, compile_rules
from .config import Config
from .loader import load_rules
from .model import Result, RuleSet
from .pipeline import run


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
        else:
            ruleset = load_rules(self.config.rule_files, builtin=self.config.builtin_rules,
                                 disable=self.config.disable)
        self._compiled: CompiledRules = compile_rules(ruleset)
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

    For many documents build one `Cleaner` instead: this compiles the rules each call.
    """
    return Cleaner(config, rules=rules).clean(content, url=url).text

