"""The disk cache of compiled rule sets (cleaner/rulecache.py): faster, never different."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import cleaner.api as api
from cleaner import Cleaner, Config
from cleaner.rulecache import cache_dir, cache_key

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "samples" / "defenseone-isis-coalition.txt").read_text(encoding="utf-8")
RULE = """\
[pack]
name = "mine"
description = "A promo line"

[[rule]]
id = "mine.promo"
description = "The promo under every article."
kind = "block"
phrases = ["{word} today and save"]
match = "start"
[rule.examples]
remove = ["{word} today and save 20%"]
keep = ["{word} today, the union urged, and the strike will end."]
"""


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder, and a count of real compiles."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(folder))
    monkeypatch.delenv("CLEANER_NO_CACHE", raising=False)
    calls = []
    real = api.compile_rules
    monkeypatch.setattr(api, "compile_rules", lambda rs: calls.append(1) or real(rs))
    return folder, calls


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("rules-*.pickle"))


def test_a_second_cleaner_reads_the_compiled_rules_from_disk(cache):
    folder, calls = cache
    first = Cleaner().clean(TEXT)
    assert len(calls) == 1 and len(_entries(folder)) == 1
    second = Cleaner().clean(TEXT)
    assert len(calls) == 1  # no second compile
    assert second == first


def test_an_edited_rule_file_is_a_new_entry(cache, tmp_path):
    folder, calls = cache
    mine = tmp_path / "mine.toml"
    mine.write_text(RULE.replace("{word}", "Join"), encoding="utf-8")
    config = Config(rule_files=(mine,))
    assert Cleaner(config).clean("Title\n\nJoin today and save 20%\n\nBody text.").removed
    mine.write_text(RULE.replace("{word}", "Subscribe"), encoding="utf-8")
    result = Cleaner(config).clean("Title\n\nJoin today and save 20%\n\nBody text.")
    assert len(calls) == 2 and len(_entries(folder)) == 2
    assert "Join today and save 20%" in result.paragraphs  # the old rule is not used


def test_disable_is_part_of_the_key(cache):
    _, calls = cache
    Cleaner().clean(TEXT)
    off = Cleaner(Config(disable=frozenset({"byline.name-line"}))).clean(TEXT)
    assert len(calls) == 2
    assert "Kevin Baron" in off.paragraphs


def test_a_corrupt_entry_is_compiled_again_and_replaced(cache):
    folder, calls = cache
    expected = Cleaner().clean(TEXT)
    (entry,) = _entries(folder)
    entry.write_bytes(b"not a pickle")
    assert Cleaner().clean(TEXT) == expected
    assert len(calls) == 2
    key, _ = pickle.loads(entry.read_bytes())
    assert entry.name.startswith(f"rules-{key[:40]}")


def test_an_entry_of_another_key_is_not_used(cache):
    folder, calls = cache
    Cleaner()
    (entry,) = _entries(folder)
    _, value = pickle.loads(entry.read_bytes())
    entry.write_bytes(pickle.dumps(("another key", value)))
    Cleaner()
    assert len(calls) == 2


def test_an_unwritable_cache_folder_costs_nothing_but_time(cache, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(blocker / "below"))  # cannot be made
    _, calls = cache
    expected = Cleaner().clean(TEXT)
    assert Cleaner().clean(TEXT) == expected
    assert len(calls) == 2


def test_it_can_be_turned_off(cache, monkeypatch):
    folder, calls = cache
    monkeypatch.setenv("CLEANER_NO_CACHE", "1")
    assert cache_dir() is None
    Cleaner()
    Cleaner()
    assert len(calls) == 2 and not folder.exists()


def test_the_key_reads_every_file_it_depends_on(tmp_path):
    a = tmp_path / "a.toml"
    a.write_text(RULE, encoding="utf-8")
    k1 = cache_key([a], ())
    assert k1 == cache_key([a], ())
    a.write_text(RULE + "\n", encoding="utf-8")
    assert cache_key([a], ()) != k1
    assert cache_key([a], ("x",)) != cache_key([a], ())
