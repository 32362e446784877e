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
