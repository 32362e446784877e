"""Rule files (TOML) -> a validated RuleSet.

Errors are written for the person who wrote the file: they name the file, the line,
the rule id and the field, say what was expected, and how to fix it.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .kinds import KINDS, Field
from .loader_checks import enum_value, line_of_rule, strings
from .loader_vocab import Vocabularies, own_vocabularies
from .model import Examples, Risk, Rule, RuleKind, RuleSet
from .paths import builtin_rule_files

ID_SHAPE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

COMMON = {"id", "description", "kind", "why", "risk", "sites", "examples"}


class RuleFileError(ValueError):
    """A rule file that cannot be used. `str()` is the message for the user."""

    def __init__(self, path: str, line: int, rule: str | None, message: str):
        self.path, self.line, self.rule, self.message = path, line, rule, message
        where = f"{path}:{line}" if line else path
        who = f" rule '{rule}':" if rule else ""
        super().__init__(f"{where}:{who} {message}")


def load_rules(
    paths: Iterable[str | Path] = (), *, builtin: bool = True, disable: Iterable[str] = ()
) -> RuleSet:
    """Load the built-in packs (unless builtin=False) and the given files into one RuleSet."""
    files = rule_files(paths, builtin=builtin)
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    for path in files:
        for rule in load_file(path):
            if rule.id in seen:
                raise RuleFileError(
                    str(path), int(rule.origin.rsplit(":", 1)[1]), rule.id,
                    f"duplicate id: already defined at {seen[rule.id]}; rule ids must be unique",
                )
            seen[rule.id] = rule.origin
            rules.append(rule)
    off = set(disable)
    unknown = off - seen.keys()
    if unknown:
        raise RuleFileError("--disable", 0, sorted(unknown)[0], "no rule has this id")
    return RuleSet(tuple(r for r in rules if r.id not in off), tuple(str(f) for f in files))


def rule_files(paths: Iterable[str | Path] = (), *, builtin: bool = True) -> list[Path]:
    """The files `load_rules` reads, in its order: the built-in packs, then the given ones."""
    return [*(builtin_rule_files() if builtin else ()), *(Path(p) for p in paths)]


def load_file(path: str | Path) -> list[Rule]:
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(str(path), 0, None, f"cannot read rule file: {exc}") from exc
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(exc))) else 0
        raise RuleFileError(str(path), line, None, f"not valid TOML: {exc}") from exc
    return parse_pack(data, str(path), raw)


def parse_pack(data: dict[str, Any], path: str, raw: str = "") -> list[Rule]:
    extra = set(data) - {"pack", "rule", "vocab"}
    if extra:
        raise RuleFileError(path, 0, None, f"unknown top-level key '{sorted(extra)[0]}'; "
                            "a rule file has one [pack] table, [[rule]] entries and an "
                            "optional [vocab] table")
    vocab = Vocabularies(own_vocabularies(data.get("vocab", {}), path, raw))
    pack = data.get("pack", {})
    if not isinstance(pack, dict) or not isinstance(pack.get("name"), str):
        raise RuleFileError(path, 1, None, "missing [pack] table with name = \"...\"")
    bad = set(pack) - {"name", "description", "sites"}
    if bad:
        raise RuleFileError(path, 1, None, f"[pack]: unknown field '{sorted(bad)[0]}'")
    if not isinstance(pack.get("description"), str) or not pack["description"].strip():
        raise RuleFileError(path, 1, None, "[pack] needs description = \"...\"")
    pack_sites = strings(pack.get("sites", []), "sites", _Ctx(path, raw, None))
    entries = data.get("rule", [])
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(path, 0, None, "no rules: add at least one [[rule]] table")
    return [_parse_rule(e, pack["name"], pack_sites, _Ctx(path, raw, e, n), vocab)
            for n, e in enumerate(entries)]


class _Ctx:
    """Where we are, so that every error can name file, line and rule."""

    def __init__(self, path: str, raw: str, entry: Any, ordinal: int = -1):
        self.path, self.raw, self.ordinal = path, raw, ordinal
        self.rule = entry.get("id") if isinstance(entry, dict) else None
        if not isinstance(self.rule, str):
            self.rule = None

    def fail(self, message: str, field: str | None = None) -> RuleFileError:
        line = line_of_rule(self.raw, self.ordinal, field)
        where = f"field '{field}': " if field else ""
        who = self.rule or (f"#{self.ordinal + 1}" if self.ordinal >= 0 else "?")
        return RuleFileError(self.path, line, who, where + message)

    def line(self) -> int:
        return line_of_rule(self.raw, self.ordinal, None)


def _parse_rule(entry: Any, pack: str, pack_sites: tuple[str, ...], ctx: _Ctx,
                vocab: Vocabularies) -> Rule:
    if not isinstance(entry, dict):
        raise ctx.fail("each [[rule]] must be a table")
    rid = entry.get("id")
    if not isinstance(rid, str) or not ID_SHAPE.match(rid):
        raise ctx.fail("needs id = \"...\" made of lower-case letters, digits, '.', '-', '_'", "id")
    kind = enum_value(RuleKind, entry.get("kind"), "kind", ctx)
    spec = KINDS[kind]
    allowed = COMMON | spec.fields.keys()
    for name in entry:
        if name not in allowed:
            hint = difflib.get_close_matches(name, allowed, n=1)
            fix = f"; did you mean '{hint[0]}'?" if hint else f" for kind '{kind.value}'"
            raise ctx.fail(f"unknown field{fix}", name)
    desc = entry.get("description")
    if not isinstance(desc, str) or not desc.strip() or "\n" in desc.strip():
        raise ctx.fail("needs a one-line description", "description")
    values = {n: _check_value(spec.fields[n], v, n, ctx) for n, v in entry.items()
              if spec.fields.get(n, Field.ANY) != Field.ANY}
    values = {n: _expand(spec.fields[n], v, n, vocab, ctx) for n, v in values.items()}
    entry = entry | {n: list(v) for n, v in values.items() if isinstance(v, tuple)}
    sites = strings(entry.get("sites", list(pack_sites)), "sites", ctx)
    rule = Rule(
        id=rid, description=desc.strip(), kind=kind, pack=pack,
        origin=f"{ctx.path}:{ctx.line()}",
        why=_string(entry.get("why", ""), "why", ctx),
        risk=enum_value(Risk, entry.get("risk", "safe"), "risk", ctx),
        sites=tuple(s.lower().removeprefix("www.") for s in sites),
        examples=_examples(entry.get("examples"), ctx),
        **spec.parse(entry, values, ctx),
    )
    spec.check(rule, ctx)
    return rule


def _examples(value: Any, ctx: _Ctx) -> Examples:
    if not isinstance(value, dict):
        raise ctx.fail("missing examples: add [rule.examples] with remove = [...] and keep = [...]",
                       "examples")
    bad = set(value) - {"remove", "keep"}
    if bad:
        raise ctx.fail(f"unknown key '{sorted(bad)[0]}'; use remove and keep", "examples")
    remove = strings(value.get("remove", []), "examples", ctx)
    keep = strings(value.get("keep", []), "examples", ctx)
    if not remove or not keep:
        raise ctx.fail("needs at least one text to remove and one to keep", "examples")
    return Examples(remove, keep)


def _expand(kind: Field, value: Any, name: str, vocab: Vocabularies, ctx: _Ctx) -> Any:
    """Vocabularies named in the value, replaced by their words."""
    if kind == Field.PATTERNS:
        return tuple(vocab.pattern(p, name, ctx) for p in value)
    if kind == Field.STRINGS:
        return vocab.strings(value, name, ctx)
    return value


def _check_value(kind: Field, value: Any, name: str, ctx: _Ctx) -> Any:
    if kind in (Field.STRINGS, Field.PATTERNS):
        return strings(value, name, ctx)
    if kind == Field.INT:
        if type(value) is not int or value < 0:
            raise ctx.fail(f"expected a whole number >= 0, got {value!r}", name)
        return value
    if type(value) not in (int, float) or not 0 <= value <= 1:
        raise ctx.fail(f"expected a share between 0 and 1, got {value!r}", name)
    return float(value)


def _string(value: Any, name: str, ctx: _Ctx) -> str:
    if not isinstance(value, str):
        raise ctx.fail("expected a string", name)
    return value.strip()
