"""The command line, run in process through main(argv) and once as a real subprocess."""

import io
import json
import subprocess
import sys

from conftest import SAMPLES, SITE_PACK

from cleaner.cli import Exit, main

CANON = SAMPLES / "defenseone-isis-coalition.txt"


def run(argv, stdin=b""):
    out, err = io.BytesIO(), io.StringIO()
    code = main(argv, stdin=io.BytesIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue().decode("utf-8"), err.getvalue()


def test_stdin_to_stdout():
    code, out, err = run([], CANON.read_bytes())
    assert code == Exit.OK and err == ""
    assert out == (SAMPLES / "defenseone-isis-coalition.expected.txt").read_text(encoding="utf-8")


def test_files_get_headers():
    code, out, _ = run([str(CANON), str(CANON)])
    assert code == 0 and out.count(f"==> {CANON} <==") == 2


def test_json_format():
    code, out, _ = run(["--format", "json", str(CANON)])
    data = json.loads(out)
    assert data["title"] == "US to Convene 27-Nation Meeting on ISIS"
    assert data["byline"] == "Kevin Baron"
    assert data["paragraphs"][0].startswith("It's a true working ministerial meeting")
    assert {"rule", "block", "reason", "text"} <= data["removed"][0].keys()
    assert data["repairs"][0]["inserted"] == "\u201c"


def test_markdown_format():
    code, out, _ = run(["--format", "markdown", str(CANON)])
    assert out.startswith("# US to Convene 27-Nation Meeting on ISIS\n\n")


def test_explain_goes_to_stderr():
    code, out, err = run(["--explain"], CANON.read_bytes())
    assert "[byline.name-line]" in err and "[quote-opening]" in err
    assert "[byline.name-line]" not in out


def test_unreadable_input_is_exit_1_and_the_rest_is_cleaned(tmp_path):
    code, out, err = run([str(tmp_path / "missing.txt"), str(CANON)])
    assert code == Exit.INPUT
    assert err.startswith("cleaner: error: cannot read") and err.count("\n") == 1
    assert "US to Convene" in out


def test_usage_error_is_exit_2_with_one_line():
    code, out, err = run(["--format", "pdf"])
    assert code == Exit.USAGE and err.startswith("cleaner: error:") and out == ""


def test_bad_rule_file_is_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[pack]\nname='x'\ndescription='y'\n[[rule]]\nid='a'\n")
    code, _, err = run(["--rules", str(bad)], b"x")
    assert code == Exit.USAGE and "bad.toml" in err and "rule 'a'" in err


def test_disable_a_rule():
    _, out, _ = run(["--disable", "byline.name-line"], CANON.read_bytes())
    assert "\n\nKevin Baron\n\n" in out


def test_no_builtin_rules_keeps_everything_but_repairs():
    _, out, _ = run(["--no-builtin-rules"], b"Title\n\nShare this article\n\nWe agreed,\xe2\x80\x9d he said. \xe2\x80\x9cYes.\xe2\x80\x9d\n")
    assert "Share this article" in out and "\u201cWe agreed" in out


def test_user_rule_file(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[pack]\nname="m"\ndescription="d"\n[[rule]]\nid="m.member"\n'
                    'description="Member promo."\nkind="block"\nphrases=["Become a member today"]\n'
                    'match="start"\n[rule.examples]\nremove=["Become a member today!"]\n'
                    'keep=["Become a member today, the union urged, and the strike ends."]\n')
    _, out, _ = run(["--rules", str(mine)], b"Title\n\nBecome a member today and save\n\nBody text here.\n")
    assert out == "Title\n\nBody text here.\n"


def test_rules_list_show_and_test(tmp_path):
    code, out, _ = run(["rules", "list"])
    assert code == 0 and "widget.share" in out
    code, out, _ = run(["rules", "show", "widget.share"])
    assert code == 0 and "Keeps, for example:" in out and "Why it is noise:" in out
    code, _, err = run(["rules", "show", "nope"])
    assert code == 2 and "nope" in err


def test_rules_test_reports_a_failing_example(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[pack]\nname="m"\ndescription="d"\n[[rule]]\nid="m.share"\n'
                    'description="Share."\nkind="block"\nphrases=["share"]\nmatch="contains"\n'
                    '[rule.examples]\nremove=["Share"]\nkeep=["Share prices fell."]\n')
    code, out, _ = run(["rules", "test", "--examples", "20", str(mine)])
    assert code == 1 and "FAIL" in out and "m.share" in out


def test_help_has_examples():
    out = subprocess.run([sys.executable, "-m", "cleaner", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "examples:" in out.stdout and "(default: text)" in out.stdout


def test_module_entry_point_as_a_pipe():
    out = subprocess.run([sys.executable, "-m", "cleaner"], input=CANON.read_bytes(), capture_output=True)
    assert out.returncode == 0 and out.stdout.startswith(b"US to Convene")


def test_rules_subcommand_usage_error_is_exit_2_not_an_exception():
    code, _, err = run(["rules", "bogus"])
    assert code == Exit.USAGE and err.startswith("cleaner: error:")


def test_input_over_max_bytes_is_refused_without_reading_it_all(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 400_000)  # 2 MB
    code, out, err = run(["--max-bytes", "1", str(big), str(CANON)])
    assert code == Exit.INPUT and "over the limit" in err and "US to Convene" in out


def test_limit_message_tells_the_files_real_size_in_bytes_when_mb_would_read_equal(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(b"word " * 30)  # 150 bytes
    code, _, err = run(["--max-bytes", "0.0001", str(page)])
    assert code == Exit.INPUT
    assert "document of 150 bytes is over the limit of 100 bytes" in err
    code, _, err = run(["--max-bytes", "0.0001"], b"word " * 30)  # stdin: cut at the limit
    assert "document is over the limit of 100 bytes" in err


def test_explain_names_a_pattern_by_number_not_by_a_cut_regex():
    _, _, err = run(["--explain", str(SAMPLES / "de-noise-and-low-high-quotes.txt"), str(CANON)])
    assert "[caption.photo-credit] pattern 1;" in err
    assert '(pattern 1): ' in err  # a section's reason names its trigger the same way
    assert "\\\\" not in err and "(?:" not in err


def test_rules_show_numbers_the_patterns_that_explain_names():
    _, out, _ = run(["rules", "show", "caption.photo-credit"])
    assert "(pattern 1): ^" in out


PAGE = b"Title here\n\nBecome a member today and save 20%\n\nThe council said on Tuesday that it would review it.\n"


def test_a_site_pack_that_never_applies_says_so_once(tmp_path):
    rules = tmp_path / "my-rules.toml"
    rules.write_text(SITE_PACK, encoding="utf-8")
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE)
    code, out, err = run(["--rules", str(rules), str(page), str(page)])
    assert code == Exit.OK and "Become a member" in out
    assert err.count("cleaner: warning: pack 'my-site'") == 1 and "--site example.com" in err
    code, out, err = run(["--rules", str(rules), "--url", "https://www.example.com/a", str(page), str(page)])
    assert err == "" and "Become a member" not in out


def test_a_site_no_pack_names_is_warned_about():
    code, _, err = run(["--site", "exampl.org"], PAGE)
    assert code == Exit.OK and err.startswith("cleaner: warning: no rule pack names the site 'exampl.org'")
    code, _, err = run(["--site", "defenseone.com"], PAGE)
    assert err == ""


def test_no_article_text_is_said_on_stderr_with_exit_status_unchanged(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b"<p>hi</p>")
    code, out, err = run([str(page)])
    assert code == Exit.OK and out == ""
    assert err == f"cleaner: warning: {page}: no article text found: the output is empty\n"


def test_binary_input_is_refused_clearly_and_the_rest_is_cleaned(tmp_path):
    import random

    blob = tmp_path / "photo.jpg"
    blob.write_bytes(random.Random(14).randbytes(20_000))
    code, out, err = run([str(blob), str(CANON)])
    assert code == Exit.INPUT and "US to Convene" in out
    assert err.startswith(f"cleaner: error: {blob}: not text:") and err.count("\n") == 1


def test_utf16_text_is_not_taken_for_binary():
    code, out, err = run([], "Headline\n\nThe council said it would vote.\n".encode("utf-16"))
    assert code == Exit.OK and "The council said" in out and err == ""


def test_a_directory_is_every_file_under_it_and_output_dir_keeps_their_names(tmp_path):
    src = tmp_path / "pages"
    (src / "world").mkdir(parents=True)
    (src / "canon.txt").write_bytes(CANON.read_bytes())
    (src / "world" / "soup.html").write_bytes((SAMPLES / "html-div-soup.html").read_bytes())
    (src / ".seen").write_bytes(b"not an input")
    dest = tmp_path / "clean"
    code, out, err = run([str(src), "--output-dir", str(dest)])
    assert code == Exit.OK and out == "" and err == ""
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()) == \
        ["canon.txt", "world/soup.html"]
    assert (dest / "canon.txt").read_text(encoding="utf-8") == \
        (SAMPLES / "defenseone-isis-coalition.expected.txt").read_text(encoding="utf-8")
    assert (dest / "world" / "soup.html").read_text(encoding="utf-8") == \
        (SAMPLES / "html-div-soup.expected.txt").read_text(encoding="utf-8")
    code, out, _ = run([str(src)])  # without --output-dir: to stdout, each under its header
    assert out.count("==> ") == 2 and f"==> {src / 'world' / 'soup.html'} <==" in out


def test_two_inputs_of_one_name_under_output_dir_are_a_usage_error(tmp_path):
    code, _, err = run([str(CANON), str(CANON), "--output-dir", str(tmp_path)])
    assert code == Exit.USAGE and "would both be written to" in err
