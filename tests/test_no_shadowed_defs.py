"""No module of the package defines one top-level function or class twice: the later definition
silently replaces the earlier one, and callers written for the first get the second (two branches
merged cleanly, each adding a `_code_over` with its own arguments, and the figure crops of one of
them went wrong without an error)."""
import ast
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(p for d in ("paperkit", "reproductions", "benchmarks") for p in (ROOT / d).rglob("*.py"))


def _twice(source: str) -> list[str]:
    tree = ast.parse(source)
    names = Counter(node.name for node in tree.body
                    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
    return sorted(name for name, n in names.items() if n > 1)


def test_the_check_sees_a_shadowed_function():
    assert _twice("def f(a):\n    return a\n\n\ndef g():\n    pass\n\n\ndef f(a, b):\n    return b\n") == ["f"]
    assert _twice("def f():\n    pass\n\n\nclass F:\n    def f(self):\n        pass\n") == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_top_level_name_is_defined_twice(path):
    assert _twice(path.read_text(encoding="utf-8")) == []
