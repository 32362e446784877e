import gzip
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from cleaner import Cleaner

# one compiled-rules disk cache for the whole run, never the user's own (cleaner/rulecache.py)
os.environ.setdefault("CLEANER_CACHE_DIR", tempfile.mkdtemp(prefix="cleaner-test-cache-"))

# dev: quick and random; ci: derandomized so that a red build is reproducible
settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"

# a user's site-scoped pack, as the README writes one
SITE_PACK = """\
[pack]
name = "my-site"
description = "Noise of example.com"
sites = ["example.com"]

[[rule]]
id = "my-site.promo"
description = "The members' promo under every article."
kind = "block"
phrases = ["Become a member today and save"]
match = "start"
[rule.examples]
remove = ["Become a member today and save 20%"]
keep = ["Become a member today, the union urged its workers, and the strike will end."]
"""


@pytest.fixture(scope="session")
def cleaner() -> Cleaner:
    return Cleaner()


def shared_path(*parts: str) -> Path:
    """A file of ../shared, or a skip saying why: a user's clone does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not found: ../shared sits beside the repo only on the team's machines")
    return path


def sample_and_bench_pages() -> list[str]:
    """The HTML samples, and the benchmark's pages where ../shared is there (a user's
    clone runs on the samples alone)."""
    htmls = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.html"))]
    pages = SHARED / "bench" / "aeb-dev" / "html"
    if pages.is_dir():
        htmls += [gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
                  for p in sorted(pages.glob("*.html.gz"))]
    return htmls


# Imported first by every process started with misbehaving_env (PYTHONPATH), workers
# included: a document saying STUCK behaves as a long C call does (no Python signal
# handler runs until it returns), SLEEPY hangs in Python (a timer stops it), HOG asks
# for more memory than any cap allows.
MISBEHAVING = """
import os, signal, time
import cleaner.pipeline as p
real = p._run
def _run(content, *args):
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    if "STUCK" in text:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
    if "SLEEPY" in text:
        time.sleep(30)
    if "HOG" in text:
        hog = bytearray(8 << 30)
    if text.startswith("PIDFILE "):  # say which process holds this record, then hold it
        path = text.split()[1]
        with open(path + ".tmp", "w") as f:
            f.write(str(os.getpid()))
        os.replace(path + ".tmp", path)
        time.sleep(60)
    return real(content, *args)
p._run = _run
"""


def misbehaving_env(tmp_path: Path) -> dict[str, str]:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(MISBEHAVING)
    return {**os.environ, "PYTHONPATH": str(site)}
