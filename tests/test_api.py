"""The library: clean(), Cleaner, typed results, replay, threads."""

from concurrent.futures import ThreadPoolExecutor

from conftest import SAMPLES

import cleaner as lib
from cleaner import Cleaner, Config, clean
from cleaner.replay import replay
from cleaner.segment import segment_text

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))
         if not p.name.endswith(".expected.txt")]


def test_clean_returns_text():
    out = clean("Title\n\nAdvertisement\n\nThe body stays here.")
    assert out == "Title\n\nThe body stays here.\n"


def test_result_is_typed_and_explains_itself():
    r = Cleaner().clean((SAMPLES / "defenseone-isis-coalition.txt").read_bytes())
    assert r.title == "US to Convene 27-Nation Meeting on ISIS" and r.byline == "Kevin Baron"
    assert {s.rule for s in r.removed} >= {"byline.name-line", "widget.font-size", "caption.printed-twice"}
    assert all(s.stage == "remove" and s.text and s.reason for s in r.removed)
    assert [s.block for s in r.repairs] == [10, 11]


def test_replaying_the_steps_reproduces_every_sample():
    c = Cleaner()
    for text in TEXTS:
        assert replay(segment_text(text), c.clean(text)) == c.clean(text).text


def test_one_cleaner_shared_by_8_threads_matches_a_single_thread():
    c = Cleaner()
    pages = [p.read_bytes() for p in sorted(SAMPLES.glob("*.html"))]
    docs = TEXTS * 80 + pages * 40  # over 1,000 documents, text and HTML
    single = [c.clean(d) for d in docs]
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(c.clean, docs))
    assert threaded == single


def test_a_cleaner_pickles_for_spark_closures_and_worker_pools():
    import pickle

    c = Cleaner()
    page = sorted(SAMPLES.glob("*.html"))[0].read_bytes()
    assert pickle.loads(pickle.dumps(c)).clean(page) == c.clean(page)


def test_config_is_frozen_and_options_apply():
    cfg = Config(disable=frozenset({"byline.name-line"}))
    try:
        cfg.site = "x"
        raise AssertionError("Config should be frozen")
    except AttributeError:
        pass
    r = Cleaner(cfg).clean((SAMPLES / "defenseone-isis-coalition.txt").read_text(encoding="utf-8"))
    assert "Kevin Baron" in r.paragraphs


def test_bytes_and_str_give_the_same_result():
    raw = (SAMPLES / "defenseone-isis-coalition.txt").read_bytes()
    c = Cleaner()
    assert c.clean(raw) == c.clean(raw.decode("utf-8"))


def test_public_names():
    assert {"clean", "Cleaner", "Config", "Result", "load_rules", "RuleFileError"} <= set(lib.__all__)


def test_wrong_type_is_a_clear_error():
    try:
        clean(42)
    except TypeError as exc:
        assert "str or bytes" in str(exc)
    else:
        raise AssertionError("expected TypeError")


def test_str_input_with_a_byte_order_mark():
    assert Cleaner().clean("\ufeffCouncil vote\n\nBody text here.").title == "Council vote"


def test_disable_applies_to_a_given_rule_set():
    from cleaner import load_rules

    r = Cleaner(Config(disable=frozenset({"byline.name-line"})), rules=load_rules()).clean(
        (SAMPLES / "defenseone-isis-coalition.txt").read_text(encoding="utf-8"))
    assert "Kevin Baron" in r.paragraphs


class _CountCompiles:
    """Wraps compile_rules and counts its calls, with an empty front-door cache."""

    def __init__(self, monkeypatch):
        import cleaner.api as api

        self.calls = 0
        real = api.compile_rules

        def counted(ruleset):
            self.calls += 1
            return real(ruleset)

        monkeypatch.setattr(api, "compile_rules", counted)
        monkeypatch.setattr(api, "_shared", type(api._shared)())
        monkeypatch.setenv("CLEANER_NO_CACHE", "1")  # count compiles, not disk-cache hits


def test_clean_compiles_the_rules_once_per_config(monkeypatch):
    count = _CountCompiles(monkeypatch)
    text = TEXTS[0]
    expected = Cleaner().clean(text).text
    assert count.calls == 1
    assert clean(text) == expected and clean(text) == expected and clean(text + "\n") == expected
    assert count.calls == 2  # once for the Cleaner above, once for all three clean() calls
    cfg = Config(disable=frozenset({"byline.name-line"}))
    assert clean(text, config=cfg) == Cleaner(cfg).clean(text).text
    assert clean(text, config=Config(disable=frozenset({"byline.name-line"}))) == \
        Cleaner(cfg).clean(text).text
    assert count.calls == 5  # an equal Config is the same key; the two Cleaners compile


def test_clean_compiles_a_new_rule_set_object_anew(monkeypatch):
    from cleaner import load_rules

    count = _CountCompiles(monkeypatch)
    text = (SAMPLES / "defenseone-isis-coalition.txt").read_text(encoding="utf-8")
    full = load_rules()
    assert clean(text, rules=full) == clean(text, rules=full) == Cleaner().clean(text).text
    assert count.calls == 2
    without = load_rules(disable=["byline.name-line"])
    assert "Kevin Baron" in clean(text, rules=without)
    assert count.calls == 3


def test_clean_reloads_an_edited_rule_file(tmp_path, monkeypatch):
    import os

    count = _CountCompiles(monkeypatch)
    pack = tmp_path / "mine.toml"
    rule = '''[pack]
name = "mine"
description = "a test pack"

[[rule]]
id = "mine.junk"
kind = "block"
description = "a junk line"
phrases = ["{phrase}"]
[rule.examples]
remove = ["{phrase}"]
keep = ["A sentence of the body."]
'''
    pack.write_text(rule.format(phrase="Junk line one"), encoding="utf-8")
    cfg = Config(rule_files=(pack,), builtin_rules=False)
    text = "Title\n\nJunk line one\n\nJunk line two\n\nThe body stays here, it is long enough."
    first = clean(text, config=cfg)
    assert "Junk line one" not in first and "Junk line two" in first
    assert clean(text, config=cfg) == first and count.calls == 1
    pack.write_text(rule.format(phrase="Junk line two"), encoding="utf-8")
    stat = pack.stat()  # a later mtime, even where the clock is coarse
    os.utime(pack, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    second = clean(text, config=cfg)
    assert "Junk line one" in second and "Junk line two" not in second
    assert count.calls == 2


def test_clean_keeps_a_bounded_number_of_cleaners(monkeypatch):
    import cleaner.api as api

    count = _CountCompiles(monkeypatch)
    configs = [Config(max_removed_share=0.5 + n / 100) for n in range(api.SHARED_CLEANERS + 2)]
    for cfg in configs:
        clean("Title\n\nThe body stays here.", config=cfg)
    assert len(api._shared) == api.SHARED_CLEANERS
    clean("Title\n\nThe body stays here.", config=configs[-1])  # still kept
    assert count.calls == len(configs)
    clean("Title\n\nThe body stays here.", config=configs[0])  # the oldest went out
    assert count.calls == len(configs) + 1


def test_clean_with_an_unhashable_config_still_works(monkeypatch):
    count = _CountCompiles(monkeypatch)
    cfg = Config(disable={"byline.name-line"})  # a set, not a frozenset: no key
    text = (SAMPLES / "defenseone-isis-coalition.txt").read_text(encoding="utf-8")
    assert "Kevin Baron" in clean(text, config=cfg) and "Kevin Baron" in clean(text, config=cfg)
    assert count.calls == 2


def test_clean_from_8_threads_compiles_once_per_key_in_the_end(monkeypatch):
    import cleaner.api as api

    _CountCompiles(monkeypatch)
    docs = TEXTS * 4
    c = Cleaner()
    single = [c.clean(d).text for d in docs]
    with ThreadPoolExecutor(8) as pool:
        threaded = list(pool.map(clean, docs))
    assert threaded == single
    assert len(api._shared) == 1
