"""Coverage-guided fuzzing of the three entry points with atheris (libFuzzer for Python).

    python bench/fuzz.py text  -max_total_time=600
    python bench/fuzz.py html  -max_total_time=600
    python bench/fuzz.py rules -max_total_time=600

Every target checks properties, not just "no exception": cleaning text must replay
from its steps and be idempotent; HTML must give text or one CleanerError; a rule file
must load or fail with a RuleFileError, and a loaded rule set must clean a document.
A crash writes its input as crash-*; keep each one as a regression test in
tests/test_fuzz_regressions.py. Seeds come from samples/ and rules/.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

try:
    import atheris
except ImportError:  # not a dependency of the tool: the `fuzz` extra (Linux wheels only)
    sys.exit("fuzz.py needs atheris: pip install -e '.[fuzz]' (Linux; elsewhere see atheris's README)")

with atheris.instrument_imports(include=["cleaner"]):
    from cleaner import Cleaner, Config, RuleFileError
    from cleaner.compile import compile_rules
    from cleaner.loader import parse_pack
    from cleaner.model import CleanerError, InputKind, RuleSet
    from cleaner.replay import replay
    from cleaner.segment import segment_text

ROOT = Path(__file__).resolve().parents[1]
TEXT = Cleaner(Config(input=InputKind.TEXT))
HTML = Cleaner(Config(input=InputKind.HTML, max_bytes=2_000_000))


def text_target(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    result = TEXT.clean(text)
    assert replay(segment_text(text), result) == result.text, "steps do not replay"
    assert TEXT.clean(result.text).text == result.text, "not idempotent"


def html_target(data: bytes) -> None:
    try:
        result = HTML.clean(data)
    except CleanerError:
        return
    assert isinstance(result.text, str)


def rules_target(data: bytes) -> None:
    # plain UTF-8, so that the seed rule files stay TOML and mutations start from there
    raw = data.decode("utf-8", "replace")
    try:
        rules = parse_pack(tomllib.loads(raw), "fuzz.toml", raw)
    except (tomllib.TOMLDecodeError, RuleFileError):
        return
    cleaner = Cleaner(rules=RuleSet(tuple(rules)))
    compile_rules(RuleSet(tuple(rules)))
    cleaner.clean("Title\n\nShare this article\n\nBody text, she said.\u201d")


TARGETS = {"text": text_target, "html": html_target, "rules": rules_target}
SEEDS = {"text": "samples/*.txt", "html": "samples/*.html", "rules": "rules/**/*.toml"}


def seed_corpus(name: str) -> str:
    """A folder of seed inputs for libFuzzer (created under bench/results/)."""
    out = ROOT / "bench" / "results" / f"fuzz-{name}"
    out.mkdir(parents=True, exist_ok=True)
    for path in ROOT.glob(SEEDS[name]):
        (out / path.name).write_bytes(path.read_bytes()[:100_000])
    return str(out)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        raise SystemExit(f"usage: python bench/fuzz.py {{{','.join(TARGETS)}}} [libFuzzer flags]")
    name = sys.argv.pop(1)
    args = [*sys.argv, seed_corpus(name)]
    if not any(a.startswith("-artifact_prefix") for a in args):
        args.insert(1, f"-artifact_prefix={ROOT / 'bench' / 'results'}/crash-{name}-")
    atheris.Setup(args, TARGETS[name])
    atheris.Fuzz()


if __name__ == "__main__":
    main()
