"""Named vocabularies: a list of words defined once and used by many rules.

A rule file may define its own in a `[vocab]` table (`networks = ["facebook", ...]`);
the one-per-line files of the built-in `rules/vocab/` folder are shared by every file,
named by their stem (`rules/vocab/networks.txt` is `networks`); a file's own
vocabulary of the same name comes first. A rule uses one by name in braces:

- in a pattern, `{networks}` stands for an alternation of its words, escaped:
  `'^share on {networks}$'` is `'^share on (?:facebook|twitter|...)$'`;
- in a list of words or phrases, an entry `"{networks}"` stands for all its words.

An unknown name is a load error naming the file, the rule and the field.
"""

from __future__ import annotations

import re
from pathlib import Path

import regex

from .paths import builtin_rules_dir

NAME = re.compile(r"^[a-z][a-z0-9-]*$")
REFERENCE = re.compile(r"\{([a-z][a-z0-9-]*)\}")  # {name}: not a quantifier, which has digits


class Vocabularies:
    """The vocabularies one rule file can use: its own, then the shared ones."""

    def __init__(self, own: dict[str, tuple[str, ...]], folder: Path | None = None):
        self.own = own
        folder = builtin_rules_dir() / "vocab" if folder is None else folder
        self.files = {p.stem: p for p in sorted(folder.glob("*.txt"))} if folder.is_dir() else {}
        self.read: dict[str, tuple[str, ...]] = {}  # the shared files read so far

    def get(self, name: str) -> tuple[str, ...] | None:
        if name in self.own:
            return self.own[name]
        if name not in self.read and name in self.files:
            lines = self.files[name].read_text(encoding="utf-8").splitlines()
            self.read[name] = _longest_first(
                ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
        return self.read.get(name)

    def names(self) -> list[str]:
        return sorted({*self.own, *self.files})

    def fail_unknown(self, name: str, field: str, ctx):
        known = ", ".join(self.names()) or "none"
        return ctx.fail(f"unknown vocabulary '{name}' (known: {known}); define it in the "
                        "file's [vocab] table or in rules/vocab/NAME.txt", field)

    def pattern(self, source: str, field: str, ctx) -> str:
        """`source` with each {name} replaced by an alternation of the vocabulary's words."""
        def alternation(m: re.Match) -> str:
            words = self.get(m.group(1))
            if words is None:
                raise self.fail_unknown(m.group(1), field, ctx)
            return "(?:" + "|".join(regex.escape(w, literal_spaces=True) for w in words) + ")"
        return REFERENCE.sub(alternation, source)

    def strings(self, values: tuple[str, ...], field: str, ctx) -> tuple[str, ...]:
        """`values` with each entry "{name}" replaced by the vocabulary's words."""
        out: list[str] = []
        for v in values:
            m = REFERENCE.fullmatch(v.strip())
            if m is None:
                out.append(v)
            elif (words := self.get(m.group(1))) is None:
                raise self.fail_unknown(m.group(1), field, ctx)
            else:
                out += words
        return tuple(out)


def own_vocabularies(table, path: str, raw: str = "") -> dict[str, tuple[str, ...]]:
    """A file's [vocab] table, checked: name -> its words, longest first."""
    from .loader import RuleFileError  # the loader imports this module

    lines = raw.splitlines()
    line = next((n + 1 for n, ln in enumerate(lines) if ln.strip() == "[vocab]"), 0)

    if not isinstance(table, dict):
        raise RuleFileError(path, line, None, "[vocab] must be a table of name = [\"word\", ...]")
    found = {}
    for name, words in table.items():
        if not NAME.match(name):
            raise RuleFileError(path, line, None, f"[vocab]: name '{name}' must be lower-case "
                                "letters, digits and '-', starting with a letter")
        if not isinstance(words, list) or not words or \
                not all(isinstance(w, str) and w.strip() for w in words):
            raise RuleFileError(path, line, None,
                                f"[vocab]: '{name}' must be a non-empty list of non-empty strings")
        found[name] = _longest_first(words)
    return found


def _longest_first(words) -> tuple[str, ...]:
    """Longest first, so that an alternation tries "e-mail" before "e"."""
    folded = dict.fromkeys(" ".join(w.split()).casefold() for w in words)
    return tuple(sorted(folded, key=len, reverse=True))
