"""Where the built-in rule packs are.

In a wheel they are packaged as cleaner/builtin_rules (force-included from the
top-level rules/). An editable install imports the package from the source tree,
where that copy does not exist, so we fall back to the repo's rules/ beside it.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def builtin_rules_dir() -> Path:
    for candidate in (_PACKAGE / "builtin_rules", _PACKAGE.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "built-in rules not found: expected cleaner/builtin_rules (wheel) or rules/ (source tree)"
    )


def builtin_rule_files() -> list[Path]:
    """Every *.toml under the built-in rules folder, site packs included, in a stable order."""
    return sorted(builtin_rules_dir().rglob("*.toml"))
