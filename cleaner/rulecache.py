"""A disk cache of compiled rule sets, so that a process does not pay ~0.6 s to compile.

Loading and compiling the built-in packs costs a CLI call or a batch's parent about
650 ms of CPU; unpickling the result costs about 30 ms. The cache is keyed by everything
the compiled value depends on: the bytes of every rule file and shared vocabulary, the
`disable` list, the source of the cleaner package itself, and the Python and `regex`
versions. A change to any of them is a new key, so a stale entry is never read.

Where: `$CLEANER_CACHE_DIR`, else the platform's user cache folder (`~/.cache/article-cleaner`,
`~/Library/Caches/article-cleaner`, `%LOCALAPPDATA%\\article-cleaner\\Cache`). Set
`CLEANER_NO_CACHE=1` to turn it off. An entry is a pickle written by this user into a folder
only this user can write (mode 0700), read with the same trust as the user's own rule files.
Any failure to read or write it (read-only home, a truncated file, another version's
pickle) falls back to compiling, silently: the cache can make a run faster, never different.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import regex

from .compile import CompiledRules
from .paths import builtin_rules_dir

FORMAT = 1  # bump when the entry's layout changes
KEEP = 16  # entries kept; the oldest go first
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The folder entries live in, or None when the cache is off."""
    if os.environ.get("CLEANER_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("CLEANER_CACHE_DIR"):
        return Path(os.environ["CLEANER_CACHE_DIR"])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "article-cleaner" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "article-cleaner"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "article-cleaner"


@lru_cache(maxsize=1)
def _code_digest() -> bytes:
    """The cleaner package's own source: a compiled value is only as good as its compiler."""
    h = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        h.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.digest()


def cache_key(files: Iterable[Path], disable: Iterable[str]) -> str:
    """Hex digest of what a compiled rule set depends on; files are read, not parsed."""
    h = hashlib.sha256()
    for part in (f"format {FORMAT}", sys.version, regex.__version__,
                 "disable " + "\0".join(sorted(disable))):
        h.update(part.encode() + b"\n")
    h.update(_code_digest())
    vocab = builtin_rules_dir() / "vocab"
    shared = sorted(vocab.glob("*.txt")) if vocab.is_dir() else []
    for path in [*files, *shared]:
        h.update(b"\nfile " + str(path).encode() + b"\0" + Path(path).read_bytes())
    return h.hexdigest()


def cached(files: list[Path], disable: Iterable[str],
           build: Callable[[], CompiledRules]) -> CompiledRules:
    """The compiled rule set for these files, from the cache or built (and then stored)."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        key = cache_key(files, disable)
    except OSError:  # a rule file that cannot be read: let the loader say so
        return build()
    entry = folder / f"rules-{key[:40]}.pickle"
    found = _read(entry, key)
    if found is not None:
        return found
    compiled = build()
    _write(folder, entry, key, compiled)
    return compiled


def _read(entry: Path, key: str) -> CompiledRules | None:
    try:
        with entry.open("rb") as f:
            stored_key, value = pickle.load(f)
    except Exception:  # missing, truncated, or written by another version: compile instead
        return None
    return value if stored_key == key and isinstance(value, CompiledRules) else None


def _write(folder: Path, entry: Path, key: str, compiled: CompiledRules) -> None:
    tmp = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rules-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump((key, compiled), f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, entry)  # atomic: a reader sees the old entry or the whole new one
        _prune(folder)
    except Exception:  # a read-only or full disk costs speed, not the run
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("rules-*.pickle"), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)
