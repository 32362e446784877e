"""The README is a test: its install lines, rule example, library code and `--explain`
excerpt are checked against what the tool does (issue 14)."""

import re
import tomllib

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
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
