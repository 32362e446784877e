"""Cleaning on an Apache Spark cluster: the batch mode's records, one row at a time.

The rule set is compiled once per executor process (and so never per row): the
compiled Cleaner is kept by its Config, a frozen value, as `clean()` keeps it (see
api._shared_cleaner), so the cache can never make one row's result depend on another's.

    from cleaner.spark import clean_dataframe
    cleaned = clean_dataframe(spark.read.json("corpus.jsonl"), column="html")

Every input row gives one output row, with the same fields as `cleaner --jsonl`:
clean_text, clean_title, clean_byline, clean_removed, clean_repairs, clean_rules,
and `error` when the row could not be cleaned (its other fields untouched).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .api import _shared_cleaner
from .batch import RecordOptions, clean_record
from .config import Config

OUTPUT_FIELDS = ("clean_text", "clean_title", "clean_byline", "clean_removed", "clean_repairs",
                 "clean_rules", "clean_meta", "clean_warnings", "error")
META_FIELDS = ("title", "author", "date", "site_name", "language")  # batch.meta_dict


def clean_partition(records: Iterable[dict[str, Any]], config: Config | None = None,
                    opts: RecordOptions | None = None) -> Iterator[dict[str, Any]]:
    """mapPartitions function: dict records in, output records out, one for one."""
    # executors run rows in their main thread, so Config's time limit works there
    cleaner = _shared_cleaner(config or Config())
    opts = opts or RecordOptions()
    for record in records:
        try:
            yield clean_record(cleaner, record, opts)
        except MemoryError:  # the row is kept, with the reason; the executor goes on
            yield {**record, "error": "out of memory cleaning this record"}


def clean_rdd(rdd, config: Config | None = None, opts: RecordOptions | None = None):
    """An RDD of dict records -> an RDD of output records (same order within partitions)."""
    return rdd.mapPartitions(lambda part: clean_partition(part, config, opts))


def clean_dataframe(df, column: str = "html", url_column: str | None = "url",
                    config: Config | None = None, keep_removed: bool = False):
    """A DataFrame -> the same rows with the cleaned fields added (and `error` where needed)."""
    from pyspark.sql import types as T

    opts = RecordOptions(field=column, url_field=url_column, keep_removed=keep_removed)
    fields = [f for f in df.schema.fields if f.name not in OUTPUT_FIELDS]
    schema = T.StructType(fields + [
        T.StructField("clean_text", T.StringType()),
        T.StructField("clean_title", T.StringType()),
        T.StructField("clean_byline", T.StringType()),
        T.StructField("clean_removed", T.IntegerType()),
        T.StructField("clean_repairs", T.IntegerType()),
        T.StructField("clean_rules", T.ArrayType(T.StringType())),
        T.StructField("clean_meta", T.StructType([T.StructField(n, T.StringType()) for n in META_FIELDS])),
        T.StructField("clean_warnings", T.ArrayType(T.StringType())),
        T.StructField("error", T.StringType()),
    ] + ([T.StructField("clean_removed_blocks", T.ArrayType(T.StructType([
        T.StructField("rule", T.StringType()), T.StructField("block", T.IntegerType()),
        T.StructField("reason", T.StringType()), T.StructField("text", T.StringType()),
    ])))] if keep_removed else []))
    names = [f.name for f in schema.fields]
    rows = clean_rdd(df.rdd.map(lambda row: row.asDict()), config, opts)
    return df.sparkSession.createDataFrame(rows.map(lambda r: tuple(r.get(n) for n in names)), schema)
