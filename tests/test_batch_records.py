"""Batch records carry the page's metadata and warnings, can leave the source out, and
progress is counted in the units of its total (issue 14)."""

import gzip
import io
import json

from conftest import SAMPLES

from cleaner.batch import jsonl_tasks, total_size, warc_tasks
from cleaner.cli import main

ARTICLE = (SAMPLES / "defenseone-isis-coalition.txt").read_text(encoding="utf-8")
PAGE = ("<html lang='en'><head><title>Budget vote</title><meta name='author' content='Ana Ruiz'>"
        "<meta property='og:site_name' content='Riverton Post'>"
        "<meta property='article:published_time' content='2024-03-05'></head><body><article>"
        "<h1>Budget vote</h1>"
        + "".join(f"<p>The council met on day {i} to discuss the budget in great detail, the mayor said.</p>"
                  for i in range(8)) + "</article></body></html>")


def run(argv, stdin=b""):
    out, err = io.BytesIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, [json.loads(x) for x in out.getvalue().splitlines()], err.getvalue()


def lines(*records) -> bytes:
    return b"".join((json.dumps(r) + "\n").encode() for r in records)


def test_records_carry_the_pages_metadata_and_the_warnings():
    _, (page, text, empty), _ = run(["--jsonl", "--jobs", "1", "--quiet"], lines(
        {"id": 1, "html": PAGE}, {"id": 2, "text": ARTICLE}, {"id": 3, "html": "<p>hi</p>"}))
    assert page["clean_meta"] == {"title": "Budget vote", "author": "Ana Ruiz", "date": "2024-03-05",
                                  "site_name": "Riverton Post", "language": "en"}
    assert page["clean_warnings"] == []
    assert text["clean_meta"] == dict.fromkeys(["title", "author", "date", "site_name", "language"])
    assert empty["clean_warnings"] == ["no article text found in the page"]


def test_drop_source_leaves_the_cleaned_field_out_but_errors_keep_it():
    _, (done, failed), _ = run(["--jsonl", "--jobs", "1", "--quiet", "--drop-source", "--field", "body"],
                               lines({"id": 1, "body": ARTICLE}, {"id": 2, "body": 7}))
    assert "body" not in done and done["id"] == 1 and done["clean_text"].startswith("US to Convene")
    assert failed["body"] == 7 and "error" in failed
    _, (kept,), _ = run(["--jsonl", "--jobs", "1", "--quiet"], lines({"id": 1, "text": ARTICLE}))
    assert kept["text"] == ARTICLE


def test_gzip_progress_counts_compressed_bytes_like_its_total(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(lines(*[{"id": i, "text": ARTICLE} for i in range(400)])))
    tasks = list(jsonl_tasks([str(path)]))
    total = total_size([str(path)])
    assert sum(t.size for t in tasks) > 5 * total  # the lines, uncompressed, for the summary
    counted = sum(t.progress for t in tasks)
    assert 0.9 * total <= counted <= total


def test_warc_progress_counts_bytes_of_the_file(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(200):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://example.com/{i}", "response",
                                                payload=io.BytesIO(PAGE.encode()), http_headers=headers))
    tasks = list(warc_tasks([str(path)]))
    total = total_size([str(path)])
    assert len(tasks) == 200 and sum(t.size for t in tasks) > total
    assert 0.9 * total <= sum(t.progress for t in tasks) <= total


def test_the_bar_counts_decimal_megabytes_as_the_summary_does(tmp_path):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    path = tmp_path / "in.jsonl"
    path.write_bytes(lines(*[{"id": i, "text": ARTICLE} for i in range(300)]))  # about 2.3 MB
    err = Tty()
    main(["--jsonl", "--jobs", "1", str(path)], stdout=io.BytesIO(), stderr=err)
    size = path.stat().st_size
    assert f"{size / 1e6:.1f} MB in" in err.getvalue()
    assert f"{size / 1e6:.2f}M/{size / 1e6:.2f}M" in err.getvalue()  # tqdm's own figures
