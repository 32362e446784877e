"""The `cleaner` command: a Unix filter. stdin to stdout, diagnostics on stderr.

`main(argv)` returns an exit code and never calls sys.exit, so tests run it in process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from enum import IntEnum
from typing import BinaryIO

from .. import __version__
from ..api import Cleaner
from ..config import Config
from ..loader import RuleFileError
from ..model import CLEANER_ERRORS, CleanerError, InputKind, InputTooLarge, Result
from ..render import Format, as_dict, explain, render
from ..source import not_text, too_large
from .files import Input, InputError, expand, write_output
from .notes import packs_never_applied, unknown_site

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
    p.add_argument("files", nargs="*", metavar="FILE",
                   help="files or directories (every file under them) to clean (default: stdin)")
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
    p.add_argument("--output-dir", metavar="DIR",
                   help="write each input's output to its own file in DIR, under the input's "
                        "name (relative to a directory given); default: stdout")
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
    b.add_argument("--drop-source", action="store_true",
                   help="leave the cleaned field (html, text) out of cleaned records; error "
                        "records keep it (default: keep it)")
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
            from .rules import rules_main

            return rules_main(argv[1:], out, err)
        args = parser().parse_args(argv)
        if args.warc and not args.files:
            raise _UsageError("--warc needs WARC files")
        if args.output_dir and (args.jsonl or args.warc):
            raise _UsageError("--output-dir is for documents; batch mode writes JSON Lines to stdout")
        _check_rule_files(args.rules, err)
        if args.jsonl or args.warc:
            config = _config(args)
            Cleaner(config)  # rule-file errors surface here, before any worker starts
            from .batch import run_batch

            return run_batch(args, config, stdin or sys.stdin.buffer, out, err)
        inputs = expand(args.files or ["-"], args.output_dir)
        cleaner = Cleaner(_config(args))
    except (_UsageError, InputError) as exc:
        err.write(f"cleaner: error: {exc}\n(see cleaner --help)\n")
        return Exit.USAGE
    except RuleFileError as exc:
        err.write(f"cleaner: error: {exc}\n")
        return Exit.USAGE
    try:
        return _clean_all(cleaner, args, inputs, stdin or sys.stdin.buffer, out, err)
    finally:
        cleaner.close()


def _check_rule_files(files: list[str], err) -> None:
    """Run the user's rules on their own examples, as `cleaner rules test` does (not its
    generated articles: too slow for every run); a failing example is a warning. A rule
    that removes what it says to keep (selectors = ["*"]) is then said before it runs."""
    if not files:
        return
    from ..loader import load_rules
    from ..ruletest import check_examples

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


def _clean_all(cleaner: Cleaner, args, inputs: list[Input], stdin: BinaryIO, out: BinaryIO,
               err) -> int:
    status = Exit.OK
    many = len(inputs) > 1
    sites: list[str | None] = []  # of the inputs, to tell which site packs never applied
    _warn(err, [unknown_site(cleaner.rules, args.site)])
    for item in inputs:
        result = _clean_one(cleaner, item.path, args.url, stdin, err)
        if result is None:
            status = Exit.INPUT
            continue
        sites.append(result.site)
        # content the parser or a limit dropped is said aloud, first
        _warn(err, [f"{item.path}: {w.removeprefix('lost: ')}" for w in result.warnings
                    if w.startswith("lost: ")])
        if not result.text.strip():
            _warn(err, [f"{item.path}: no article text found: the output is empty"])
        if args.explain:
            err.write(explain(result, item.path if many else ""))
        if args.output_dir:
            try:
                data = _format(result, args.format, "").encode("utf-8", "replace")
                write_output(args.output_dir, item.name, data)
            except OSError as exc:
                err.write(f"cleaner: error: cannot write {item.name}: {exc.strerror or exc}\n")
                status = Exit.INPUT
            continue
        text = _format(result, args.format, item.path if many else "")
        out.write(text.encode("utf-8", "replace"))
    out.flush()
    _warn(err, packs_never_applied(cleaner.rules, cleaner.config.rule_files, sites) if sites else [])
    return status


def _clean_one(cleaner: Cleaner, name: str, url: str | None, stdin: BinaryIO, err) -> Result | None:
    """One input's Result, or None after a one-line error on `err`."""
    limit = cleaner.config.max_bytes
    try:
        content = _read(stdin if name == "-" else None, name, limit)
    except OSError as exc:
        err.write(f"cleaner: error: cannot read {name}: {exc.strerror or exc}\n")
        return None
    try:
        if limit and len(content) > limit:  # cut off at limit + 1: say what is known
            raise InputTooLarge(too_large(_file_size(name), limit))
        if (why := not_text(content)):
            raise CleanerError(why)
        return cleaner.clean(content, url=url)
    except CLEANER_ERRORS as exc:
        err.write(f"cleaner: error: {name}: {exc}\n")
    except Exception as exc:  # a bug of ours or a library's: say so, go on with the rest
        err.write(f"cleaner: error: {name}: internal error: {type(exc).__name__}: {exc}\n")
    return None


def _format(result: Result, fmt: str, name: str) -> str:
    """The output of one input; `name` heads it when there are several on one stream."""
    if Format(fmt) == Format.JSON:
        record = {"source": name, **as_dict(result)} if name else as_dict(result)
        return json.dumps(record, ensure_ascii=False) + "\n"
    text = render(result, Format(fmt))
    return f"==> {name} <==\n{text}" if name else text


def _warn(err, warnings: list[str | None]) -> None:
    for warning in filter(None, warnings):
        err.write(f"cleaner: warning: {warning}\n")


def _read(stream: BinaryIO | None, name: str, limit: int) -> bytes:
    """The input, but never much more than `limit` bytes of it in memory: a larger one
    is cut at limit + 1, which the cleaner then refuses as too large."""
    size = limit + 1 if limit else -1
    if stream is not None:
        return stream.read(size)
    with open(name, "rb") as f:
        return f.read(size)


def _file_size(name: str) -> int | None:
    try:
        return os.path.getsize(name) if name != "-" and os.path.isfile(name) else None
    except OSError:
        return None


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
