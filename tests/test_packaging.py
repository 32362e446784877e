"""The rules must be found from a wheel and from an editable install (STYLE.md, point 11)."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from cleaner.paths import builtin_rule_files, builtin_rules_dir

RULE_FILES = sorted(p.relative_to(ROOT / "rules").as_posix() for p in (ROOT / "rules").rglob("*.toml"))


def test_source_tree_install_reads_the_repos_rules():
    if not (ROOT / "cleaner" / "builtin_rules").exists():
        assert builtin_rules_dir() == ROOT / "rules"
    assert [p.name for p in builtin_rule_files()]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
                   cwd=ROOT, check=True, capture_output=True)
    (path,) = out.glob("article_cleaner-*.whl")
    return path


def test_wheel_contains_every_rule_file(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    packed = sorted(n.removeprefix("cleaner/builtin_rules/") for n in names
                    if n.startswith("cleaner/builtin_rules/") and n.endswith(".toml"))
    assert packed == RULE_FILES
    assert "cleaner/py.typed" in names


def test_wheel_layout_finds_its_rules(wheel, tmp_path):
    zipfile.ZipFile(wheel).extractall(tmp_path)
    code = ("import cleaner.paths as p, cleaner; d = p.builtin_rules_dir(); "
            "print(d); print(len(cleaner.load_rules().rules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"}, check=True)
    where, count = out.stdout.split()
    assert Path(where) == tmp_path / "cleaner" / "builtin_rules"
    assert int(count) > 10
