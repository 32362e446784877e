"""cleaner.spark on a real local Spark session: same output as the batch mode, row for row."""

import io
import json
import shutil

import pytest
from conftest import SAMPLES

from cleaner.cli import main

pyspark = pytest.importorskip("pyspark", reason="pyspark is the 'spark' extra: pip install '.[spark]'")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime on PATH", allow_module_level=True)

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))
         if not p.name.endswith(".expected.txt")]
HTMLS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.html"))]


def records():
    out = []
    for i in range(300):
        if i % 50 == 7:
            out.append({"id": i, "url": None, "html": None})  # no text: an error row
        elif HTMLS and i % 3 == 0:
            out.append({"id": i, "url": f"https://example.com/{i}", "html": HTMLS[i % len(HTMLS)]})
        else:
            out.append({"id": i, "url": "https://www.defenseone.com/x", "html": None,
                        "text": TEXTS[i % len(TEXTS)]})
    return out


@pytest.fixture(scope="module")
def spark():
    import os
    import sys

    from pyspark.sql import SparkSession

    # executors must run the Python that has cleaner installed, as on a real cluster
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

    session = (SparkSession.builder.master("local[2]").appName("cleaner-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .getOrCreate())
    yield session
    session.stop()


def batch_mode(recs):
    data = b"".join((json.dumps(r) + "\n").encode() for r in recs)
    out = io.BytesIO()
    assert main(["--jsonl", "--jobs", "1", "--field", "text", "--quiet"], stdin=io.BytesIO(data),
                stdout=out, stderr=io.StringIO()) == 0
    return [json.loads(x) for x in out.getvalue().splitlines()]


def test_rdd_equals_batch_mode(spark):
    from cleaner.batch import RecordOptions
    from cleaner.spark import clean_rdd

    recs = [{k: v for k, v in r.items() if k != "html"} | ({"text": r["html"]} if r.get("html") else {})
            for r in records()]
    got = clean_rdd(spark.sparkContext.parallelize(recs, 4), opts=RecordOptions(field="text")).collect()
    assert got == batch_mode(recs)
    assert sum("error" in r for r in got) == 6


def test_dataframe_keeps_every_row(spark):
    from cleaner.spark import clean_dataframe

    recs = [r for r in records() if "text" not in r]
    df = spark.createDataFrame(recs, "id long, url string, html string")
    rows = {r["id"]: r.asDict() for r in clean_dataframe(df, column="html").collect()}
    assert sorted(rows) == [r["id"] for r in recs]
    for r in recs:
        row = rows[r["id"]]
        if r["html"] is None:
            assert row["error"] == "no text in field 'html'" and row["clean_text"] is None
        else:
            assert row["error"] is None and row["clean_text"] and row["clean_removed"] >= 0
