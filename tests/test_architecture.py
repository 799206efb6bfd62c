"""The layout's rules (docs/ARCHITECTURE.md), read from the source: who may import whom, and no cycles.

Imports inside functions count: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASE = {"errors", "files", "cache", "workspace", "config", "ids", "http", "vcs", "__init__", "__main__", "cli"}

# For each area, the areas its modules may import (besides the base and itself).
ALLOWED = {
    "base": set(),
    "reading": set(),
    "library": {"reading"},
    "review": {"reading", "library", "training.records"},
    "training": set(),
    "tui": {"reading", "library", "review", "training"},
    "commands": {"reading", "library", "review", "training", "tui"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every module this file imports, at any depth of the file (functions included), resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = _module_name(path) if path.is_relative_to(ROOT) else path.stem
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return found


def _sources() -> dict[str, Path]:
    files = [*ROOT.joinpath("paperkit").rglob("*.py"), *ROOT.joinpath("reproductions").rglob("*.py")]
    return {_module_name(p): p for p in files}


SOURCES = _sources()


def _graph() -> dict[str, set[str]]:
    return {name: {m for m in _imports(path) if m in SOURCES and m != name} for name, path in SOURCES.items()}


def _area(module: str) -> str:
    parts = module.split(".")
    if parts[0] != "paperkit":
        return parts[0]
    if len(parts) == 1 or parts[1] in BASE:
        return "base"
    return parts[1]


def _allowed(importer: str, imported: str) -> bool:
    a, b = _area(importer), _area(imported)
    if b in ("base", a):
        return True
    allowed = ALLOWED.get(a, set())
    return b in allowed or any(imported == f"paperkit.{x}" or imported.startswith(f"paperkit.{x}.") for x in allowed)


def test_the_areas_are_what_the_rules_name():
    areas = {_area(m) for m in SOURCES if m.startswith("paperkit")}
    assert areas == set(ALLOWED), "a new subpackage needs its place in docs/ARCHITECTURE.md and in ALLOWED here"


def test_dependencies_run_one_way():
    wrong = sorted(
        f"{importer} imports {imported}"
        for importer, targets in _graph().items()
        if importer.startswith("paperkit")
        for imported in targets
        if imported.startswith("paperkit") and not _allowed(importer, imported)
    )
    assert not wrong, "\n".join(wrong)


def test_nothing_imports_the_commands_but_the_cli():
    graph = _graph()
    wrong = [m for m, targets in graph.items() if not m.startswith("paperkit.commands") and any(t.startswith("paperkit.commands") for t in targets)]
    assert not wrong


def test_reproductions_import_paperkit_only_through_the_contract():
    wrong = sorted(
        f"{m} imports {t}"
        for m, targets in _graph().items()
        if m.startswith("reproductions")
        for t in targets
        if t.startswith("paperkit") and t not in ("paperkit", "paperkit.training", "paperkit.training.plugin")
    )
    assert not wrong, "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_functions_included():
    assert _cycles(_graph()) == []


@pytest.mark.parametrize("graph, expected", [
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
])
def test_the_cycle_finder_itself(graph, expected):
    assert _cycles(graph) == expected


def test_lazy_imports_count(tmp_path):
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from paperkit.training import runner\n    import paperkit.reading.parse\n")
    assert {"paperkit.training.runner", "paperkit.reading.parse"} <= _imports(source)
