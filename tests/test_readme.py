"""The README is a test: its install lines, rule example, library code and `--explain`
excerpt are checked against what the tool does (issue 14)."""

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES, SITE_PACK

from cleaner.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")
CANON = SAMPLES / "defenseone-isis-coalition.txt"
DIST = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["name"]


def blocks(lang: str) -> list[str]:
    """The README's fenced code blocks in `lang`, in order."""
    return re.findall(rf"^```{lang}\n(.*?)^```", README, re.M | re.S)


def test_the_distribution_name_is_not_the_registrys_unrelated_cleaner():
    assert DIST == "article-cleaner"


def test_every_install_line_names_the_clone_or_our_distribution():
    installs = [m.group(1) for b in blocks("sh") for m in re.finditer(r"pip install (?:-q )?(?:-e )?(\S+)", b)]
    assert installs, "the README has install lines"
    for target in installs:
        name = target.strip("'\"").split("[")[0]
        assert name in (".", "article-cleaner"), f"installs {target}, not this project"


def write_readme_rules(where: Path) -> Path:
    (rules,) = blocks("toml")
    path = where / "my-rules.toml"
    path.write_text(rules, encoding="utf-8")
    return path


def test_the_readme_rule_file_passes_its_own_test(tmp_path):
    out, err = io.BytesIO(), io.StringIO()
    code = main(["rules", "test", str(write_readme_rules(tmp_path))], stdout=out, stderr=err)
    assert code == 0, out.getvalue().decode() + err.getvalue()
    assert b"examples: 2 passed, 0 failed" in out.getvalue()


def library_blocks() -> list[str]:
    return [b for b in blocks("python") if "from cleaner import" in b]


def test_the_library_examples_run(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write_readme_rules(tmp_path)
    assert len(library_blocks()) == 2
    for code in library_blocks():
        namespace = {"scraped_text": CANON.read_text(encoding="utf-8"), "__name__": "readme"}
        exec(compile(code, "README.md", "exec"), namespace)
        for name, test in namespace.items():  # the property-test snippet: run its tests
            if name.startswith("test_"):
                test()
    assert "byline.name-line" in capsys.readouterr().out  # the loop over result.removed printed


def test_the_explain_excerpt_is_what_the_command_prints():
    after = README.split("`--explain` on the canonical sample prints, among others:", 1)[1]
    excerpt = re.search(r"```\n(.*?)```", after, re.S).group(1).splitlines()
    err = io.StringIO()
    main(["--explain", str(CANON)], stdout=io.BytesIO(), stderr=err)
    printed = err.getvalue().splitlines()
    assert excerpt and all(line in printed for line in excerpt), "\n".join(printed)


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs a Java runtime on PATH")
def test_the_spark_example_runs_on_a_local_spark(tmp_path):
    pytest.importorskip("pyspark", reason="pyspark is the 'spark' extra")
    (code,) = [b for b in blocks("python") if "pyspark" in b]
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps({"url": "https://www.defenseone.com/x", "html": CANON.read_text()}) + "\n")
    code = (code.replace("hdfs:///crawl/pages.jsonl", str(pages))
            .replace("hdfs:///crawl/cleaned", str(tmp_path / "cleaned"))
            .replace(".getOrCreate()", '.master("local[2]").getOrCreate()'))
    script = tmp_path / "clean_corpus.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, check=True,
                   capture_output=True, timeout=300)
    (row,) = [json.loads(line) for part in (tmp_path / "cleaned").glob("part-*.json")
              for line in part.read_text().splitlines()]
    assert row["clean_title"] == "US to Convene 27-Nation Meeting on ISIS"


def test_the_suites_site_pack_is_the_readmes():
    assert blocks("toml") == [SITE_PACK]
