"""The command line: where argv, stdin and files meet the library.

The front module; behind it:

- `command`: `main(argv) -> int`, the options, one document after another;
- `files`: inputs named on the command line, directories expanded, `--output-dir`;
- `notes`: warnings about packs that never applied and sites no pack knows;
- `batch`: `--jsonl` and `--warc`, handed to cleaner.batch;
- `rules`: `cleaner rules list|show|test`.
"""

from .command import Exit, main, run

__all__ = ["Exit", "main", "run"]
