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

from .loader_checks import check_pattern, check_selector, line_of_rule, vocabulary
from .model import PAGE_TAGS, Anchor, Examples, Risk, Rule, RuleKind, RuleSet, Trigger
from .paths import builtin_rule_files
from .textnorm import full_key, key

ID_SHAPE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")

COMMON = {"id", "description", "kind", "why", "risk", "sites", "examples"}
FIELDS: dict[RuleKind, set[str]] = {
    RuleKind.BLOCK: {"phrases", "patterns", "match", "max_chars", "within_first", "after_share"},
    RuleKind.SECTION: {
        "start_phrases", "start_patterns", "start_match", "end_phrases", "end_patterns",
        "end_match", "max_chars", "after_share", "after_prose", "max_blocks", "max_share",
    },
    RuleKind.DUPLICATE: {"min_chars", "max_copies", "keep", "max_gap", "gap_max_chars",
                         "within_first"},
    RuleKind.BYLINE: {"prefixes", "connectors", "max_words", "max_chars", "within_first",
                      "first_names_file"},
    RuleKind.ELEMENT: {"selectors", "tokens", "tags", "max_chars", "max_share", "max_paragraphs"},
    RuleKind.FRINGE: {"max_chars", "min_run", "prose_chars", "where"},
    RuleKind.CARDS: {"separators", "max_chars", "min_run", "max_card_blocks", "prose_chars"},
    RuleKind.TITLE: {"separators", "max_chars", "min_chars", "max_words", "connectors"},
}
INTS = {"max_chars", "within_first", "max_blocks", "min_chars", "max_copies", "max_gap",
        "gap_max_chars", "max_words", "min_run", "prose_chars", "max_paragraphs", "after_prose",
        "max_card_blocks"}
SHARES = {"after_share", "max_share"}
STRING_LISTS = {
    "phrases", "patterns", "start_phrases", "start_patterns", "end_phrases", "end_patterns",
    "sites", "prefixes", "connectors", "selectors", "tokens", "tags", "separators",
}


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
    files = [*(builtin_rule_files() if builtin else ()), *(Path(p) for p in paths)]
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
    extra = set(data) - {"pack", "rule"}
    if extra:
        raise RuleFileError(path, 0, None, f"unknown top-level key '{sorted(extra)[0]}'; "
                            "a rule file has one [pack] table and [[rule]] entries")
    pack = data.get("pack", {})
    if not isinstance(pack, dict) or not isinstance(pack.get("name"), str):
        raise RuleFileError(path, 1, None, "missing [pack] table with name = \"...\"")
    bad = set(pack) - {"name", "description", "sites"}
    if bad:
        raise RuleFileError(path, 1, None, f"[pack]: unknown field '{sorted(bad)[0]}'")
    if not isinstance(pack.get("description"), str) or not pack["description"].strip():
        raise RuleFileError(path, 1, None, "[pack] needs description = \"...\"")
    pack_sites = _strings(pack.get("sites", []), "sites", _Ctx(path, raw, None))
    entries = data.get("rule", [])
    if not isinstance(entries, list) or not entries:
        raise RuleFileError(path, 0, None, "no rules: add at least one [[rule]] table")
    return [_parse_rule(e, pack["name"], pack_sites, _Ctx(path, raw, e, n))
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


def _parse_rule(entry: Any, pack: str, pack_sites: tuple[str, ...], ctx: _Ctx) -> Rule:
    if not isinstance(entry, dict):
        raise ctx.fail("each [[rule]] must be a table")
    rid = entry.get("id")
    if not isinstance(rid, str) or not ID_SHAPE.match(rid):
        raise ctx.fail("needs id = \"...\" made of lower-case letters, digits, '.', '-', '_'", "id")
    kind = _enum(RuleKind, entry.get("kind"), "kind", ctx)
    allowed = COMMON | FIELDS[kind]
    for name in entry:
        if name not in allowed:
            hint = difflib.get_close_matches(name, allowed, n=1)
            fix = f"; did you mean '{hint[0]}'?" if hint else f" for kind '{kind.value}'"
            raise ctx.fail(f"unknown field{fix}", name)
    desc = entry.get("description")
    if not isinstance(desc, str) or not desc.strip() or "\n" in desc.strip():
        raise ctx.fail("needs a one-line description", "description")
    values = {n: _check_value(n, v, ctx) for n, v in entry.items() if n in INTS | SHARES | STRING_LISTS}
    rule = Rule(
        id=rid, description=desc.strip(), kind=kind, pack=pack,
        origin=f"{ctx.path}:{ctx.line()}",
        why=_string(entry.get("why", ""), "why", ctx),
        risk=_enum(Risk, entry.get("risk", "safe"), "risk", ctx),
        sites=tuple(s.lower().removeprefix("www.") for s in values.get("sites", pack_sites)),
        examples=_examples(entry.get("examples"), ctx),
        trigger=_trigger(entry, "" if kind == RuleKind.BLOCK else "start_", "match", ctx),
        end=_trigger(entry, "end_", "match", ctx),
        **{n: v for n, v in values.items() if n in INTS | SHARES}
        | _kind_fields(kind, entry, values, ctx),
    )
    _check_kind(rule, ctx)
    return rule


def _kind_fields(kind: RuleKind, entry: dict, values: dict, ctx: _Ctx) -> dict[str, Any]:
    if kind == RuleKind.DUPLICATE:
        keep = entry.get("keep", "first")
        if keep not in ("first", "none"):
            raise ctx.fail("must be \"first\" (keep the first copy) or \"none\"", "keep")
        return {"keep": keep}
    if kind == RuleKind.BYLINE:
        # longest prefix first: "Texte :" must win over "Texte"
        prefixes = sorted({key(p) for p in values.get("prefixes", ())}, key=len, reverse=True)
        return {"prefixes": tuple(prefixes),
                "connectors": tuple(key(p) for p in values.get("connectors", ())),
                "first_names": vocabulary(entry.get("first_names_file"), ctx)}
    if kind == RuleKind.FRINGE:
        where = entry.get("where", "both")
        if where not in ("head", "tail", "both"):
            raise ctx.fail('must be "head", "tail" or "both"', "where")
        return {"where": where, "max_chars": values.get("max_chars", 40)}
    if kind == RuleKind.CARDS:
        return {"separators": _separators(values.get("separators", ()), ctx,
                                          "the lines that open a card"),
                "max_chars": values.get("max_chars", 150), "min_run": values.get("min_run", 3)}
    if kind == RuleKind.TITLE:
        return {"separators": _separators(values.get("separators", ()), ctx,
                                          "what stands between the headline and the site's name"),
                "max_chars": values.get("max_chars", 300), "min_chars": values.get("min_chars", 15),
                "max_words": values.get("max_words", 4),
                "connectors": tuple(key(p) for p in values.get("connectors", ()))}
    if kind == RuleKind.ELEMENT:
        for sel in values.get("selectors", ()):
            check_selector(sel, ctx)
        return {"selectors": values.get("selectors", ()),
                "tokens": tuple(t.lower() for t in values.get("tokens", ())),
                "tags": tuple(t.lower() for t in values.get("tags", ())),
                "max_chars": values.get("max_chars", 3000)}
    return {}


def _separators(values: tuple[str, ...], ctx: _Ctx, what: str) -> tuple[str, ...]:
    """Separators, compared by key: marks only (a word would make a heading a separator)."""
    if not values:
        raise ctx.fail(f'this kind of rule needs separators = ["-", ...]: {what}', "separators")
    for v in values:
        if not key(v) or re.search(r"\w", key(v)):
            raise ctx.fail(f"separator {v!r} must be marks only, such as \"-\" or \"*\" "
                           "(no letters, digits or invisible characters alone)", "separators")
    return tuple(dict.fromkeys(key(v) for v in values))


def _check_kind(rule: Rule, ctx: _Ctx) -> None:
    if rule.kind == RuleKind.BLOCK and not rule.trigger:
        raise ctx.fail("a block rule needs phrases = [...] or patterns = [...]", "phrases")
    if rule.kind == RuleKind.SECTION and not rule.trigger:
        raise ctx.fail("a section rule needs start_phrases or start_patterns", "start_phrases")
    if rule.kind == RuleKind.FRINGE and rule.min_run < 2:
        raise ctx.fail("must be 2 or more: one short line is not a menu", "min_run")
    if rule.kind == RuleKind.CARDS and rule.min_run < 2:
        raise ctx.fail("must be 2 or more: one card is not a run of teasers", "min_run")
    if rule.kind == RuleKind.CARDS and rule.max_card_blocks < 2:
        raise ctx.fail("must be 2 or more: a card is a headline and its blurb",
                       "max_card_blocks")
    if rule.kind == RuleKind.DUPLICATE and rule.max_copies < 2:
        raise ctx.fail("must be 2 or more", "max_copies")
    if rule.kind == RuleKind.ELEMENT and not (rule.selectors or rule.tokens or rule.tags):
        raise ctx.fail("an element rule needs selectors, tokens or tags", "selectors")
    if rule.kind == RuleKind.ELEMENT and any(t in PAGE_TAGS for t in rule.tags):
        raise ctx.fail(f"tags may not include {', '.join(sorted(PAGE_TAGS))}: "
                       "they hold the whole page", "tags")
    if rule.kind == RuleKind.SECTION and rule.max_share <= 0:
        raise ctx.fail("must be above 0", "max_share")


def _trigger(entry: dict, prefix: str, anchor_name: str, ctx: _Ctx) -> Trigger:
    phrases = entry.get(prefix + "phrases", [])
    patterns = entry.get(prefix + "patterns", [])
    if not phrases and not patterns:
        return Trigger()
    anchor = _enum(Anchor, entry.get(prefix + anchor_name, "full"), prefix + anchor_name, ctx)
    norm = []
    for p in phrases:
        folded = key(p) if anchor == Anchor.CONTAINS else full_key(p)
        if not folded or (anchor != Anchor.FULL and not re.search(r"\w", folded)):
            raise ctx.fail(f"phrase {p!r} is empty once case and punctuation are folded "
                           "(start and contains phrases need a word)", prefix + "phrases")
        norm.append(folded)
    for p in patterns:
        check_pattern(p, prefix + "patterns", ctx)
    return Trigger(tuple(dict.fromkeys(norm)), tuple(patterns), anchor)


def _examples(value: Any, ctx: _Ctx) -> Examples:
    if not isinstance(value, dict):
        raise ctx.fail("missing examples: add [rule.examples] with remove = [...] and keep = [...]",
                       "examples")
    bad = set(value) - {"remove", "keep"}
    if bad:
        raise ctx.fail(f"unknown key '{sorted(bad)[0]}'; use remove and keep", "examples")
    remove = _strings(value.get("remove", []), "examples", ctx)
    keep = _strings(value.get("keep", []), "examples", ctx)
    if not remove or not keep:
        raise ctx.fail("needs at least one text to remove and one to keep", "examples")
    return Examples(remove, keep)


def _check_value(name: str, value: Any, ctx: _Ctx) -> Any:
    if name in STRING_LISTS:
        return _strings(value, name, ctx)
    if name in INTS:
        if type(value) is not int or value < 0:
            raise ctx.fail(f"expected a whole number >= 0, got {value!r}", name)
        return value
    if type(value) not in (int, float) or not 0 <= value <= 1:
        raise ctx.fail(f"expected a share between 0 and 1, got {value!r}", name)
    return float(value)


def _strings(value: Any, name: str, ctx: _Ctx) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ctx.fail("expected a list of non-empty strings", name)
    return tuple(value)


def _string(value: Any, name: str, ctx: _Ctx) -> str:
    if not isinstance(value, str):
        raise ctx.fail("expected a string", name)
    return value.strip()


def _enum(enum: Any, value: Any, name: str, ctx: _Ctx) -> Any:
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(repr(e.value) for e in enum)
        raise ctx.fail(f"got {value!r}; expected one of {choices}", name) from None


