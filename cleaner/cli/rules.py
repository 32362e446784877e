"""`cleaner rules list|show|test`: the rule catalogue and a checker for rule files."""

from __future__ import annotations

import argparse
from typing import BinaryIO

from ..loader import RuleFileError, load_rules
from ..model import Rule, RuleKind
from ..ruletest import check_examples

USAGE = """\
usage: cleaner rules list [--rules FILE]...      the catalogue of loaded rules
       cleaner rules show RULE_ID [--rules FILE]  one rule's page
       cleaner rules test FILE...                 validate rule files, run their examples
                                                  and the over-stripping properties
"""


def rules_main(argv: list[str], out: BinaryIO, err) -> int:
    p = _Parser(prog="cleaner rules", add_help=False)
    p.add_argument("command", nargs="?", choices=["list", "show", "test"])
    p.add_argument("args", nargs="*")
    p.add_argument("--rules", action="append", default=[])
    p.add_argument("--no-builtin-rules", action="store_true")
    p.add_argument("--examples", type=int, default=100, help="hypothesis examples per property")
    p.add_argument("-h", "--help", action="store_true")
    try:
        ns, unknown = p.parse_known_intermixed_args(argv)
    except ValueError as exc:
        err.write(f"cleaner: error: {exc}\n{USAGE}")
        return 2
    if ns.help or not ns.command or unknown:
        (out.write(USAGE.encode()) if ns.help else err.write(USAGE))
        return 0 if ns.help else 2
    try:
        if ns.command == "test":
            return _test(ns.args, ns.examples, out, err)
        ruleset = load_rules(ns.rules, builtin=not ns.no_builtin_rules)
    except RuleFileError as exc:
        err.write(f"cleaner: error: {exc}\n")
        return 2
    if ns.command == "list":
        _write(out, "".join(f"{r.id:40} {r.kind.value:9} {r.risk.value:5} {r.description}\n"
                            for r in ruleset.rules))
        return 0
    missing = [i for i in ns.args if ruleset.get(i) is None]
    if not ns.args or missing:
        err.write(f"cleaner: error: no rule with id {(missing or [''])[0]!r} (see cleaner rules list)\n")
        return 2
    _write(out, "\n".join(page(ruleset.get(i)) for i in ns.args))
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse would print and exit; we return 2 instead
        raise ValueError(message)


def page(rule: Rule) -> str:
    """One rule's page, in the same shape for every rule (like `ruff rule ID`)."""
    lines = [f"{rule.id}  ({rule.kind.value}, {rule.risk.value})", "", rule.description, ""]
    if rule.why:
        lines += ["Why it is noise:", f"  {rule.why}", ""]
    lines += ["Matches:", *_matches(rule), ""]
    lines += ["Removes, for example:", *(f"  {e!r}" for e in rule.examples.remove), ""]
    lines += ["Keeps, for example:", *(f"  {e!r}" for e in rule.examples.keep), ""]
    lines += [f"Sites: {', '.join(rule.sites) or 'all'}", f"Defined at: {rule.origin}", ""]
    return "\n".join(lines)


def _matches(rule: Rule) -> list[str]:
    out = []
    t = rule.trigger
    label = "starts at" if rule.kind == RuleKind.SECTION else "blocks"
    if t.phrases:
        out.append(f"  {label} ({t.anchor.value}): " + "; ".join(t.phrases[:12])
                   + (f"; ... ({len(t.phrases)} phrases)" if len(t.phrases) > 12 else ""))
    out += [f"  {label} (pattern {n}): {p}" for n, p in enumerate(t.patterns, 1)]
    if rule.end:
        out.append(f"  ends before: {'; '.join(rule.end.phrases + rule.end.patterns)}")
    guards = {"max_chars": rule.max_chars, "within_first": rule.within_first,
              "after_share": rule.after_share}
    if rule.kind == RuleKind.SECTION:
        guards.update(after_prose=rule.after_prose, max_blocks=rule.max_blocks,
                      max_share=rule.max_share)
    if rule.kind == RuleKind.CARDS:
        out.append(f"  cards opened by: {'; '.join(map(repr, rule.separators))}")
        guards = {"max_chars": rule.max_chars, "min_run": rule.min_run,
                  "max_card_blocks": rule.max_card_blocks, "prose_chars": rule.prose_chars}
    if rule.kind == RuleKind.TITLE:
        out.append(f"  headline, then: {'; '.join(map(repr, rule.separators))}, then the site")
        guards = {"max_chars": rule.max_chars, "min_chars": rule.min_chars,
                  "max_words": rule.max_words, "within_first": rule.within_first}
    if rule.kind == RuleKind.DUPLICATE:
        guards = {"min_chars": rule.min_chars, "max_copies": rule.max_copies, "keep": rule.keep,
                  "max_gap": rule.max_gap, "within_first": rule.within_first}
    out.append("  guards: " + ", ".join(f"{k}={v}" for k, v in guards.items() if v))
    return out


def _test(files: list[str], examples: int, out: BinaryIO, err) -> int:
    if not files:
        err.write("cleaner: error: cleaner rules test needs a rule file\n")
        return 2
    ruleset = load_rules(files, builtin=False)
    failures = check_examples(ruleset)
    n = sum(len(r.examples.remove) + len(r.examples.keep) for r in ruleset.rules)
    _write(out, f"{len(ruleset.rules)} rules loaded from {len(files)} file(s)\n")
    for f in failures:
        _write(out, f"FAIL {f}\n")
    _write(out, f"examples: {n - len(failures)} passed, {len(failures)} failed\n")
    from ..testing import check_properties  # hypothesis loads only for this command

    problems = check_properties(ruleset, max_examples=examples)
    for p in problems:
        _write(out, f"FAIL {p}\n")
    _write(out, f"properties: {'passed' if not problems else f'{len(problems)} failed'}\n")
    return 1 if failures or problems else 0


def _write(out: BinaryIO, text: str) -> None:
    out.write(text.encode("utf-8"))
