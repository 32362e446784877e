"""Batch mode: every record in gives one line out, in order, whatever is wrong with it."""

import base64
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLES, misbehaving_env

from cleaner.cli import main

ARTICLE = (SAMPLES / "defenseone-isis-coalition.txt").read_text(encoding="utf-8")
PAGE = "<html><head><title>Budget vote</title></head><body><article><h1>Budget vote</h1>" + \
    "".join(f"<p>The council met on day {i} to discuss the budget in great detail, the mayor said.</p>"
            for i in range(8)) + "<div class='share-bar'>Share</div></article></body></html>"


def run(argv, stdin=b""):
    out, err = io.BytesIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, [json.loads(x) for x in out.getvalue().splitlines()], err.getvalue()


def write_jsonl(path, records):
    path.write_bytes(b"".join(r if isinstance(r, bytes) else (json.dumps(r) + "\n").encode()
                              for r in records))
    return path


@pytest.fixture
def mixed(tmp_path):
    return write_jsonl(tmp_path / "in.jsonl", [
        {"id": 1, "text": ARTICLE, "url": "https://www.defenseone.com/x"},
        b"{not json\n",
        {"id": 2, "html": PAGE},
        {"id": 3, "body": "no text field"},
        b'{"id": 4, "text": "caf\xff"}\n',
        b"[1, 2]\n",
        {"id": 5, "text": "Title\n\nAdvertisement\n\nBody text stays."},
    ])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_record_comes_out_in_order(mixed, jobs):
    code, out, err = run(["--jsonl", "--jobs", jobs, str(mixed)])
    assert code == 0 and len(out) == 7
    assert [r.get("id") for r in out] == [1, None, 2, 3, None, None, 5]
    assert out[0]["clean_text"] == (SAMPLES / "defenseone-isis-coalition.expected.txt").read_text(encoding="utf-8")
    assert out[0]["clean_byline"] == "Kevin Baron" and out[0]["clean_removed"] > 5
    assert out[1] == {"error": out[1]["error"], "line": 2, "raw": "{not json"}
    assert "Share" not in out[2]["clean_text"] and out[2]["clean_title"] == "Budget vote"
    assert out[3]["error"] == "no text in field 'text'" and out[3]["body"] == "no text field"
    assert base64.b64decode(out[4]["raw_base64"]) == b'{"id": 4, "text": "caf\xff"}'
    assert out[5]["record"] == [1, 2]
    assert out[6]["clean_text"] == "Title\n\nBody text stays.\n" and out[6]["clean_rules"] == ["ads.label"]
    assert "7 records, 4 errors" in err


def test_jobs_1_and_2_give_the_same_output(mixed):
    assert run(["--jsonl", "--jobs", "1", str(mixed)])[1] == run(["--jsonl", "--jobs", "2", str(mixed)])[1]


def test_stdin_field_keep_removed_and_quiet():
    data = (json.dumps({"body": "Title\n\nShare this article\n\nBody text stays."}) + "\n").encode()
    code, out, err = run(["--jsonl", "--jobs", "1", "--field", "body", "--keep-removed", "--quiet"], data)
    assert out[0]["clean_removed_blocks"][0]["rule"] == "widget.share" and err == ""


def test_strict_exit_code(mixed):
    assert run(["--jsonl", "--strict", "--jobs", "1", str(mixed)])[0] == 1


def test_truncated_gzip_is_reported_and_the_run_goes_on(tmp_path):
    import random

    rng = random.Random(7)  # text that does not compress away: the cut must land mid-stream
    good = b"".join((json.dumps({"id": i, "text": "".join(rng.choice("abcdefgh ") for _ in range(400))})
                     + "\n").encode() for i in range(40))
    cut = tmp_path / "cut.jsonl.gz"
    packed = gzip.compress(good)
    cut.write_bytes(packed[: len(packed) // 2])
    other = write_jsonl(tmp_path / "b.jsonl", [{"id": "after", "text": "T\n\nBody."}])
    code, out, _ = run(["--jsonl", "--jobs", "1", str(cut), str(other)])
    assert "input broken after line" in out[-2]["error"] and out[-1]["id"] == "after"
    assert [r["id"] for r in out[:-2]] == list(range(len(out) - 2))


def _warc(path, pages):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                http_headers=headers))
    return path


def test_warc_input(tmp_path):
    latin = PAGE.replace("Budget vote</h1>", "Budget vote</h1><p>Caf\u00e9 owners came too, every one of them.</p>")
    path = _warc(tmp_path / "crawl.warc.gz", [
        ("https://example.com/a", PAGE.encode(), "text/html; charset=utf-8"),
        ("https://example.com/logo.png", b"\x89PNG", "image/png"),
        ("https://example.com/b", latin.encode("cp1252"), "text/html; charset=windows-1252"),
    ])
    code, out, _ = run(["--warc", "--jobs", "1", str(path)])
    assert [r["url"] for r in out] == ["https://example.com/a", "https://example.com/b"]
    assert all(r["record_id"].startswith("<urn:uuid:") and r["date"] for r in out)
    assert "Caf\u00e9 owners" in out[1]["clean_text"]


def test_warc_cut_between_records_is_reported(tmp_path):
    path = _warc(tmp_path / "crawl.warc.gz", [(f"https://example.com/{i}", PAGE.encode(), "text/html")
                                               for i in range(5)])
    data = path.read_bytes()
    path.write_bytes(data + data[:40])  # a second copy of the file, cut in its first record
    code, out, _ = run(["--warc", "--jobs", "1", str(path)])
    assert len(out) == 6 and "WARC broken after record 5" in out[-1]["error"]


def test_truncated_warc(tmp_path):
    path = _warc(tmp_path / "crawl.warc.gz", [(f"https://example.com/{i}", PAGE.encode(), "text/html")
                                               for i in range(30)])
    # 100 bytes short of the end: inside the last record's gzip member (each is ~480 bytes),
    # never on a member boundary, where a cut file is indistinguishable from a shorter one
    path.write_bytes(path.read_bytes()[:-100])
    code, out, _ = run(["--warc", "--jobs", "1", str(path)])
    assert code == 0 and "is cut short" in out[-1]["error"] and out[-1]["html"]
    assert [r["url"] for r in out] == [f"https://example.com/{i}" for i in range(30)]


def _batch_with_site(tmp_path, records, *args):
    env = misbehaving_env(tmp_path)
    path = write_jsonl(tmp_path / "in.jsonl", records)
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--jsonl", *args, str(path)],
                          capture_output=True, env=env, timeout=120)
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    return proc, lines, time.monotonic() - t0


def test_timeout_is_an_error_record(tmp_path):
    # hanging in Python code, which the worker's own timer stops
    proc, out, took = _batch_with_site(tmp_path, [{"id": 1, "text": "SLEEPY"}, {"id": 2, "text": "T\n\nBody."}],
                                       "--jobs", "1", "--timeout", "0.2")
    assert out[0]["error"] == "gave up after 0.2s (timeout, --timeout)" and out[1]["clean_text"]
    assert took < 15


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_record_stuck_in_c_code_is_killed_and_the_run_goes_on(tmp_path, jobs):
    records = [{"id": i, "text": "STUCK" if i == 4 else f"Title\n\nBody {i} stays."} for i in range(10)]
    proc, out, took = _batch_with_site(tmp_path, records, "--jobs", jobs, "--timeout", "1")
    assert proc.returncode == 0 and [r["id"] for r in out] == list(range(10))
    assert out[4]["error"].startswith("gave up after 1s") and out[4]["text"] == "STUCK"
    assert [i for i, r in enumerate(out) if "error" in r] == [4]  # only the record it was on
    assert took < 20 and b"Traceback" not in proc.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_record_over_the_memory_cap_is_an_error_line_and_the_run_goes_on(tmp_path, jobs):
    records = [{"id": i, "text": "HOG" if i == 2 else f"Title\n\nBody {i} stays."} for i in range(6)]
    proc, out, _ = _batch_with_site(tmp_path, records, "--jobs", jobs, "--max-memory", "1000")
    assert proc.returncode == 0 and [r["id"] for r in out] == list(range(6))
    assert "--max-memory 1000 MB" in out[2]["error"] and out[2]["text"] == "HOG"
    assert all("clean_text" in r for i, r in enumerate(out) if i != 2)
    assert b"Traceback" not in proc.stderr


def test_a_memory_cap_too_low_for_the_pages_loses_none_of_them(tmp_path):
    # issue 14: --max-memory 50 --jobs 2 ended in a MemoryError traceback, 0 lines, exit 1
    records = [{"id": i, "html": PAGE * (1 + 40 * (i % 2))} for i in range(6)]
    proc, out, _ = _batch_with_site(tmp_path, records, "--jobs", "2", "--max-memory", "50")
    assert proc.returncode == 0 and [r["id"] for r in out] == list(range(6))
    assert all("clean_text" in r or ("error" in r and r["html"] == records[i]["html"])
               for i, r in enumerate(out))
    assert b"Traceback" not in proc.stderr


def test_a_worker_that_cannot_start_says_why():
    from cleaner.workers import StartFailed, Worker

    worker = Worker(_cannot_start, None)
    with pytest.raises(StartFailed, match="MemoryError: no room"):
        worker.start(60)


def _cannot_start(arg):
    raise MemoryError("no room")


def _wait_for(condition, seconds: float = 30):
    """Poll until `condition()` is truthy (returned), or give up after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    return condition()


def _cli(*args, **kw):
    return subprocess.Popen([sys.executable, "-m", "cleaner", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, **kw)


def test_closed_pipe_ends_quietly(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": ARTICLE} for i in range(300)])
    proc = subprocess.run(f"{sys.executable} -m cleaner --jsonl --jobs 2 {path} | head -n 2",
                          shell=True, capture_output=True, timeout=120)
    assert len(proc.stdout.splitlines()) == 2
    assert b"Traceback" not in proc.stderr and b"BrokenPipe" not in proc.stderr


def test_ctrl_c_leaves_complete_lines(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": ARTICLE * 20} for i in range(3000)])
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "cleaner", "--jsonl", "--jobs", "2", str(path)],
                                stdout=sink, stderr=subprocess.PIPE)
        _wait_for(lambda: out.stat().st_size > 0)  # interrupt once it is under way
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    data = out.read_bytes()
    assert proc.returncode == 130 and data and data.endswith(b"\n")
    ids = [json.loads(line)["id"] for line in data.splitlines()]
    assert ids == list(range(len(ids))) and len(ids) < 3000


def test_progress_bar_only_on_a_terminal(tmp_path):
    class Tty(io.StringIO):
        def isatty(self):
            return True

    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": ARTICLE} for i in range(5)])
    err = Tty()
    main(["--jsonl", "--jobs", "1", str(path)], stdout=io.BytesIO(), stderr=err)
    assert "cleaning" in err.getvalue() and "records" in err.getvalue()
    assert os.environ.get("NO_SUCH") is None


def _children(pid: int) -> list[int]:
    return [int(p) for p in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True,
                                           text=True).stdout.split()]


def _workers(pid: int) -> list[int]:
    """The worker processes under `pid`: forked by it, or by its fork server (the leaves
    of its tree, less multiprocessing's resource tracker)."""
    found = []
    for child in _children(pid):
        below = _children(child)
        found += below or [child]
    return [p for p in found if b"resource_tracker" not in Path(f"/proc/{p}/cmdline").read_bytes()]


def test_a_killed_worker_costs_no_record(tmp_path):
    # The record at `held` makes its worker write its pid and wait (see conftest's
    # MISBEHAVING): the kill lands while that worker holds exactly that record, records
    # are on both sides of it, and no timing decides what the worker was doing.
    n, held, pidfile = 24, 9, tmp_path / "worker.pid"
    records = [{"id": i, "text": f"PIDFILE {pidfile}" if i == held else ARTICLE}
               for i in range(n)]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    out = tmp_path / "out.jsonl"
    with open(out, "wb") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "cleaner", "--jsonl", "--jobs", "2",
                                 "--timeout", "60", str(path)],
                                stdout=sink, stderr=subprocess.PIPE, env=misbehaving_env(tmp_path))
        assert _wait_for(pidfile.exists, 60), "the held record never reached a worker"
        os.kill(int(pidfile.read_text()), signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
    lines = [json.loads(x) for x in out.read_bytes().splitlines()]
    assert proc.returncode == 0 and [r["id"] for r in lines] == list(range(n))
    assert [i for i, r in enumerate(lines) if "error" in r] == [held]  # only the one it held
    assert lines[held]["error"] == "a worker process died on this record"
    assert lines[held]["text"] == records[held]["text"]
    assert all(r["clean_text"] for i, r in enumerate(lines) if i != held)
    assert b"Traceback" not in err


def test_an_input_field_called_error_is_not_ours(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "error": "404 upstream", "text": "T\n\nBody."}])
    code, out, err = run(["--jsonl", "--strict", "--jobs", "1", str(path)])
    assert code == 0 and out[0]["error"] == "404 upstream" and out[0]["clean_text"]
    assert "1 records, 0 errors" in err


def test_a_json_line_of_100_mb_is_an_error_line_and_the_run_goes_on(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "w") as f:
        f.write(json.dumps({"id": "before", "text": "T\n\nBody."}) + "\n")
        f.write('{"id": "huge", "text": "' + "word " * 20_000_000 + '"}\n')  # 100 MB
        f.write(json.dumps({"id": "after", "text": "T\n\nBody."}) + "\n")
    code, out, _ = run(["--jsonl", "--jobs", "1", "--quiet", str(path)])
    assert [r["id"] for r in out] == ["before", "huge", "after"]
    assert "over the limit" in out[1]["error"] and len(out[1]["text"]) == 100_000_000
    assert "error" not in out[2]


def test_blank_lines_are_skipped_and_counted(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "T\n\nBody."}, b"\n", b"  \r\n",
                                               {"id": 2, "text": "T\n\nBody."}])
    code, out, err = run(["--jsonl", "--jobs", "1", str(path)])
    assert [r["id"] for r in out] == [1, 2] and "2 records, 0 errors" in err and "2 blank lines skipped" in err


def test_a_lone_surrogate_is_written_back_as_valid_utf8_json(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [b'{"id": 1, "text": "T\\n\\nBody \\ud800 here."}\n'])
    out = io.BytesIO()
    main(["--jsonl", "--jobs", "1", "--quiet", str(path)], stdout=out, stderr=io.StringIO())
    line = out.getvalue().decode("utf-8")  # strict: raises on invalid UTF-8
    assert "\\ud800" in line and json.loads(line)["text"] == "T\n\nBody \ud800 here."


def test_gzip_on_stdin_is_detected_by_its_magic_bytes():
    data = gzip.compress(b"".join((json.dumps({"id": i, "text": "T\n\nBody."}) + "\n").encode() for i in range(3)))
    code, out, err = run(["--jsonl", "--jobs", "1"], data)
    assert [r["id"] for r in out] == [0, 1, 2] and "3 records, 0 errors" in err


def _full_warc(path, gz=True):
    """warcinfo, an HTML response, an image response, a revisit: (data, record ends)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    w.write_record(w.create_warcinfo_record("x.warc", {"software": "test", "description": "y" * 300}))
    ends = [buf.tell()]
    html = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://e.com/a", "response", payload=io.BytesIO(PAGE.encode()),
                                        http_headers=html))
    ends.append(buf.tell())
    png = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://e.com/i.png", "response",
                                        payload=io.BytesIO(b"\x89PNG" + bytes(range(256)) * 12), http_headers=png))
    ends.append(buf.tell())
    w.write_record(w.create_revisit_record("https://e.com/a", digest="sha1:AAAA", refers_to_uri="https://e.com/a",
                                           refers_to_date="2020-01-01T00:00:00Z", http_headers=html))
    ends.append(buf.tell())
    return buf.getvalue(), ends


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("where", ["warcinfo", "image", "revisit", "image header"])
def test_every_warc_truncation_is_an_error_line(tmp_path, gz, where):
    data, ends = _full_warc(tmp_path, gz)
    cut = {"warcinfo": ends[0] // 2, "image": (ends[1] + ends[2]) // 2,
           "revisit": (ends[2] + ends[3]) // 2, "image header": ends[1] + 40}[where]
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(data[:cut])
    code, out, err = run(["--warc", "--jobs", "1", str(path)])
    assert code == 0 and "1 errors" in err
    assert "cut short" in out[-1]["error"] or "the file ends inside a record" in out[-1]["error"]
    assert "NoneType" not in out[-1]["error"]


def test_a_file_that_is_not_warc_is_refused_in_one_line(tmp_path):
    path = write_jsonl(tmp_path / "in.jsonl", [{"id": i, "text": "T\n\nBody."} for i in range(1000)])
    code, out, err = run(["--warc", "--jobs", "1", str(path)])
    assert len(out) == 1 and out[0]["error"].startswith(f"{path}: not a WARC file (it begins b'{{\"id\": 0")
    assert len(err.splitlines()) == 1  # the summary, no warnings from the reader


def test_warming_the_parent_changes_no_result_and_ignores_the_run_limits():
    from cleaner import Cleaner, Config
    from cleaner.batch.warm import warm

    cleaner = Cleaner(Config(timeout=0.001, max_bytes=10))  # every warming document refused
    warm(cleaner)  # and yet no error, and the Cleaner keeps its own limits
    assert cleaner.config.timeout == 0.001 and cleaner.config.max_bytes == 10
    plain = Cleaner()
    before = [plain.clean(d) for d in (ARTICLE, PAGE)]
    warm(plain)
    assert [plain.clean(d) for d in (ARTICLE, PAGE)] == before
