"""The `cleaner` command: a Unix filter. stdin to stdout, diagnostics on stderr.

`main(argv)` returns an exit code and never calls sys.exit, so tests run it in process.
"""

from __future__ import annotations

import argparse
import json
import sys
from enum import IntEnum
from typing import BinaryIO

from . import __version__
from .api import Cleaner
from .config import Config
from .loader import RuleFileError
from .model import CLEANER_ERRORS, InputKind
from .render import Format, as_dict, explain, render

EXAMPLES = """\
examples:
  cleaner < page.txt > article.txt          clean stdin to stdout
  cleaner a.txt b.html                      several files, each under a '==> name <==' header
  cleaner --format json page.html           title, byline, text, removed blocks, repairs
  cleaner --explain page.txt >/dev/null     why each block was removed or repaired
  cleaner --rules mine.toml --disable widget.share page.txt
  cleaner rules list                        the rule catalogue
  cleaner rules show widget.share           one rule's page
  cleaner rules test mine.toml              validate a rule file and run its examples
  cleaner --jsonl corpus.jsonl > clean.jsonl    batch: one output line per record, all cores
  cleaner --warc crawl.warc.gz > clean.jsonl    batch: HTML responses of a WARC file

exit status: 0 success, 1 unreadable input or failing rule tests, 2 usage or rule-file error
"""


class Exit(IntEnum):
    OK = 0
    INPUT = 1
    USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 itself; keep our one-line form
        raise _UsageError(message)


class _UsageError(Exception):
    pass


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="cleaner", description="Strip boilerplate from scraped articles.",
                epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("files", nargs="*", metavar="FILE", help="files to clean (default: stdin)")
    p.add_argument("--format", choices=[f.value for f in Format], default="text",
                   help="output format (default: text)")
    p.add_argument("--input", choices=[k.value for k in InputKind], default=None,
                   help="treat input as text or html (default: detect)")
    p.add_argument("--rules", action="append", default=[], metavar="FILE",
                   help="load this rule file too; repeatable (default: none)")
    p.add_argument("--no-builtin-rules", action="store_true",
                   help="do not load the built-in packs (default: load them)")
    p.add_argument("--disable", action="append", default=[], metavar="RULE_ID",
                   help="leave this rule out; repeatable (default: none)")
    p.add_argument("--site", metavar="DOMAIN", help="apply this site's packs (default: from --url)")
    p.add_argument("--url", help="the page's URL; selects site packs (default: none)")
    p.add_argument("--smart-quotes", action="store_true",
                   help="also make straight double quotes curly (default: off)")
    p.add_argument("--explain", action="store_true",
                   help="print every removal and repair with its rule id to stderr (default: off)")
    p.add_argument("--timeout", type=float, default=5.0, metavar="SECONDS",
                   help="time limit per document; 0 for none (default: 5)")
    p.add_argument("--max-bytes", type=float, default=16, metavar="MB",
                   help="refuse larger documents; 0 for no limit (default: 16)")
    p.add_argument("--max-elements", type=int, default=300_000, metavar="N",
                   help="refuse pages with more HTML elements; 0 for no limit (default: 300000)")
    b = p.add_argument_group("batch mode (corpora)")
    mode = b.add_mutually_exclusive_group()
    mode.add_argument("--jsonl", action="store_true",
                      help="input is JSON Lines records; output one JSON line per record")
    mode.add_argument("--warc", action="store_true",
                      help="input is WARC files (.warc or .warc.gz): HTML responses are cleaned")
    b.add_argument("--field", help="record field to clean (default: html if present, else text)")
    b.add_argument("--url-field", default="url", help="record field with the page URL (default: url)")
    b.add_argument("--keep-removed", action="store_true",
                   help="add the removed blocks to each record (default: counts only)")
    b.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="worker processes (default: all cores)")
    b.add_argument("--max-memory", type=int, default=4000, metavar="MB",
                   help="address-space cap of each worker process (default: 4000)")
    b.add_argument("--quiet", action="store_true", help="no summary line (default: print one)")
    b.add_argument("--strict", action="store_true",
                   help="exit 1 if any record had an error (default: exit 0)")
    p.add_argument("--version", action="version", version=f"cleaner {__version__}")
    return p


def main(argv: list[str] | None = None, stdin: BinaryIO | None = None,
         stdout: BinaryIO | None = None, stderr=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = stdout or sys.stdout.buffer
    err = stderr or sys.stderr
    try:
        if argv[:1] == ["rules"]:
            from .rules_cli import rules_main

            return rules_main(argv[1:], out, err)
        args = parser().parse_args(argv)
        if args.warc and not args.files:
            raise _UsageError("--warc needs WARC files")
        _check_rule_files(args.rules, err)
        if args.jsonl or args.warc:
            config = _config(args)
            Cleaner(config)  # rule-file errors surface here, before any worker starts
            from .cli_batch import run_batch

            return run_batch(args, config, stdin or sys.stdin.buffer, out, err)
        cleaner = Cleaner(_config(args))
    except _UsageError as exc:
        err.write(f"cleaner: error: {exc}\n(see cleaner --help)\n")
        return Exit.USAGE
    except RuleFileError as exc:
        err.write(f"cleaner: error: {exc}\n")
        return Exit.USAGE
    try:
        return _clean_all(cleaner, args, stdin or sys.stdin.buffer, out, err)
    finally:
        cleaner.close()


def _check_rule_files(files: list[str], err) -> None:
    """Run the user's rules on their own examples, as `cleaner rules test` does (not its
    generated articles: too slow for every run); a failing example is a warning. A rule
    that removes what it says to keep (selectors = ["*"]) is then said before it runs."""
    if not files:
        return
    from .loader import load_rules
    from .ruletest import check_examples

    for failure in check_examples(load_rules(files, builtin=False)):
        err.write(f"cleaner: warning: {failure} (see cleaner rules test)\n")


def _config(args: argparse.Namespace) -> Config:
    return Config(
        rule_files=tuple(args.rules),
        builtin_rules=not args.no_builtin_rules,
        disable=frozenset(args.disable),
        site=args.site,
        input=InputKind(args.input) if args.input else None,
        smart_quotes=args.smart_quotes,
        timeout=args.timeout,
        max_bytes=int(args.max_bytes * 1e6),
        max_elements=args.max_elements,
        isolate=args.timeout > 0,  # the timeout holds even inside a long C call
    )


def _clean_all(cleaner: Cleaner, args, stdin: BinaryIO, out: BinaryIO, err) -> int:
    status = Exit.OK
    names = args.files or ["-"]
    fmt = Format(args.format)
    for name in names:
        limit = cleaner.config.max_bytes
        try:
            content = _read(stdin if name == "-" else None, name, limit)
        except OSError as exc:
            err.write(f"cleaner: error: cannot read {name}: {exc.strerror or exc}\n")
            status = Exit.INPUT
            continue
        try:
            result = cleaner.clean(content, url=args.url)
        except CLEANER_ERRORS as exc:
            err.write(f"cleaner: error: {name}: {exc}\n")
            status = Exit.INPUT
            continue
        except Exception as exc:  # a bug of ours or a library's: say so, go on with the rest
            err.write(f"cleaner: error: {name}: internal error: {type(exc).__name__}: {exc}\n")
            status = Exit.INPUT
            continue
        for warning in result.warnings:  # content the parser or a limit dropped is said aloud
            if warning.startswith("lost: "):
                err.write(f"cleaner: warning: {name}: {warning.removeprefix('lost: ')}\n")
        if args.explain:
            err.write(explain(result, name if len(names) > 1 else ""))
        if fmt == Format.JSON:
            record = {"source": name, **as_dict(result)} if len(names) > 1 else as_dict(result)
            text = json.dumps(record, ensure_ascii=False) + "\n"
        else:
            text = render(result, fmt)
            if len(names) > 1:
                text = f"==> {name} <==\n{text}"
        out.write(text.encode("utf-8", "replace"))
    out.flush()
    return status


def _read(stream: BinaryIO | None, name: str, limit: int) -> bytes:
    """The input, but never much more than `limit` bytes of it in memory: a larger one
    is cut at limit + 1, which the cleaner then refuses as too large."""
    size = limit + 1 if limit else -1
    if stream is not None:
        return stream.read(size)
    with open(name, "rb") as f:
        return f.read(size)


def run() -> None:
    """Console-script entry point."""
    try:
        code = main()
    except BrokenPipeError:  # `cleaner ... | head`: the reader left, nothing to report
        sys.stderr.close()
        code = Exit.OK
    except KeyboardInterrupt:
        code = 130
    sys.exit(int(code))
