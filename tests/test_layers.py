"""The packages form a one-way graph: organisations <- sso <- cases <- deliberations <- digests
<- api <- the project package (bedoeling), and `bench/` outside it. An import against that
direction — also one inside a function — fails the build, and so does mocking in app code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["organisations", "sso", "cases", "deliberations", "digests", "api", "bedoeling"]
OUTSIDE = {"bench", "tests"}


def _modules(package: str):
    for path in sorted((ROOT / package).rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imported_packages(tree: ast.AST) -> set[tuple[str, int]]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.add((alias.name.split(".")[0], node.lineno))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add((node.module.split(".")[0], node.lineno))
    return found


def _violations(package: str) -> list[str]:
    rank = LAYERS.index(package)
    problems = []
    for path, tree in _modules(package):
        for imported, line in sorted(_imported_packages(tree)):
            where = f"{path.relative_to(ROOT)}:{line}"
            if imported in OUTSIDE:
                problems.append(f"{where} imports {imported}")
            elif imported in LAYERS and LAYERS.index(imported) > rank:
                problems.append(f"{where} imports {imported}, a layer above {package}")
    return problems


@pytest.mark.parametrize("package", LAYERS)
def test_imports_run_one_way(package):
    assert _violations(package) == []


def test_the_check_would_see_an_import_against_the_direction():
    tree = ast.parse("def f():\n    from digests.models import Digest\n")
    assert ("digests", 2) in _imported_packages(tree)


@pytest.mark.parametrize("package", LAYERS)
def test_no_mocking_in_app_code(package):
    mocking = [
        f"{path.relative_to(ROOT)}"
        for path, tree in _modules(package)
        if any(name in {"unittest", "mock"} for name, _line in _imported_packages(tree))
    ]
    assert mocking == []
