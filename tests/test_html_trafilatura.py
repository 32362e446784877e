"""Tripwire: the private trafilatura names cleaner borrows (html/trafilatura_private.py) were read for
one trafilatura version. On any other this FAILS, on purpose: read the names again in
the new version (its docstring lists their users), then move WRITTEN_FOR."""

import ast
from pathlib import Path

import cleaner

PACKAGE = Path(cleaner.__file__).parent


def test_the_installed_trafilatura_is_the_one_the_adapter_was_written_for():
    import trafilatura

    from cleaner.html.trafilatura_private import WRITTEN_FOR

    assert trafilatura.__version__ == WRITTEN_FOR, (
        f"trafilatura {trafilatura.__version__} is installed; cleaner/html/trafilatura_private.py "
        f"borrows private names of {WRITTEN_FOR}: check them, then update WRITTEN_FOR")


def test_only_the_adapter_imports_private_trafilatura_names():
    import trafilatura

    public = set(trafilatura.__all__)
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.name == "trafilatura_private.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not node.level \
                    and (node.module or "").startswith("trafilatura"):
                names = {a.name for a in node.names}
                if node.module != "trafilatura" or not names <= public:
                    offenders.append(f"{path.name}: from {node.module} import {', '.join(sorted(names))}")
            elif isinstance(node, ast.Import) and any(a.name.startswith("trafilatura.") for a in node.names):
                offenders.append(f"{path.name}: import {node.names[0].name}")
    assert not offenders
