"""Batch mode: where JSON Lines and WARC records become cleaned JSON Lines.

The front module; behind it:

- `inputs`: files and stdin (gzip by its first bytes) read as Tasks, every cut reported;
- `records`: one record cleaned into its output fields (`clean_text`, `clean_meta`, ...);
- `runner`: tasks through worker processes in input order, each record under a hard
  deadline and a memory cap, with the run's summary.
"""

from .inputs import Task, jsonl_tasks, total_size, warc_tasks
from .records import RecordOptions, clean_line, clean_record, dumps
from .runner import Summary, run

__all__ = ["RecordOptions", "Summary", "Task", "clean_line", "clean_record", "dumps",
           "jsonl_tasks", "run", "total_size", "warc_tasks"]
