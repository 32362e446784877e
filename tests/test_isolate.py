"""Config(isolate=True): a hard deadline from any thread, whatever the document does."""

import json
import subprocess
import sys
import textwrap
import time

from conftest import misbehaving_env

SCRIPT = textwrap.dedent("""
    import json
    import time
    from concurrent.futures import ThreadPoolExecutor
    from cleaner import Cleaner, Config
    from cleaner.model import CLEANER_ERRORS

    def one(doc):
        t0 = time.monotonic()
        try:
            out = c.clean(doc).text.strip()
        except CLEANER_ERRORS as exc:
            out = f"{type(exc).__name__}: {exc}"
        return json.dumps([round(time.monotonic() - t0, 2), out])

    if __name__ == "__main__":
        c = Cleaner(Config(timeout=1, isolate=True, isolate_workers=2))
        c.clean("warm up")  # the workers' start is not the documents' time
        with ThreadPoolExecutor(3) as pool:
            for line in pool.map(one, ["STUCK", "T\\n\\nBody one.", "T\\n\\nBody two.", "SLEEPY"]):
                print(line)
        c.close()
""")


def test_a_document_stuck_in_c_code_is_stopped_from_a_thread(tmp_path):
    (tmp_path / "script.py").write_text(SCRIPT)
    proc = subprocess.run([sys.executable, str(tmp_path / "script.py")], capture_output=True,
                          text=True, env=misbehaving_env(tmp_path), timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert [text for _, text in lines] == [
        "CleanerTimeout: gave up after 1s (timeout, --timeout): the process cleaning it was "
        "stopped at 1.5s",
        "T\n\nBody one.",
        "T\n\nBody two.",
        "CleanerTimeout: gave up after 1s (timeout, --timeout)"]
    assert lines[0][0] < 2  # at most twice the timeout, from a thread


def test_the_cli_stops_a_document_stuck_in_c_code_and_cleans_the_next(tmp_path):
    (tmp_path / "a.txt").write_text("STUCK")
    (tmp_path / "b.txt").write_text("Title\n\nAdvertisement\n\nBody stays.")
    t0 = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "cleaner", "--timeout", "1", "a.txt", "b.txt"],
                          capture_output=True, text=True, cwd=tmp_path, env=misbehaving_env(tmp_path),
                          timeout=120)
    assert proc.returncode == 1 and time.monotonic() - t0 < 15
    assert proc.stderr.startswith("cleaner: error: a.txt: gave up after 1s (timeout, --timeout)")
    assert proc.stdout == "==> b.txt <==\nTitle\n\nBody stays.\n"
