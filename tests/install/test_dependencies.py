"""The dependencies pyproject declares are exactly the third-party imports of the code shipped.

The library (everything outside the optional modules below) may import only `dependencies`; each
optional module's imports are its extra's requirements. Distributions are found from import
names with the development venv's metadata, so a dependency nothing imports (such as `stamina`
was) or an import nothing declares (such as `anyio` was) fails here.
"""

from __future__ import annotations

import ast
import os
import re
import sys
import tomllib
from collections import defaultdict
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "wrapper" / "kbapi"
# Modules that need an extra, and which one (the longest matching prefix wins).
OPTIONAL = {
    "kbapi.cli": "cli",
    "kbapi.daskeyboard.render": "cli",
    "kbapi.mock": "mock",
    "kbapi.contract": "contract",
    "kbapi.testing": "testing",
}
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def shipped_modules() -> dict[str, Path]:
    """Every module of the package, the generated clients included (behind the symlink)."""
    found = {}
    for folder, _, files in os.walk(PACKAGE, followlinks=True):
        for name in files:
            if name.endswith(".py"):
                path = Path(folder) / name
                found[module_name(path)] = path
    return found


def imported_tops(path: Path) -> set[str]:
    """Top-level names of the absolute, non-stdlib, non-kbapi imports in one file."""
    tops = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            tops |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            tops.add(node.module.partition(".")[0])
    return {t for t in tops if t not in sys.stdlib_module_names and t != "kbapi"}


def extra_of(module: str) -> str | None:
    matches = [p for p in OPTIONAL if module == p or module.startswith(p + ".")]
    return OPTIONAL[max(matches, key=len)] if matches else None


def imported_distributions() -> dict[str | None, set[str]]:
    """Distributions imported by each extra's modules (None: the library itself)."""
    by_import = packages_distributions()
    found: dict[str | None, set[str]] = defaultdict(set)
    for module, path in shipped_modules().items():
        for top in imported_tops(path):
            assert top in by_import, f"{module} imports {top}, which no installed distribution has"
            found[extra_of(module)] |= {normalise(d) for d in by_import[top]}
    return found


def declared(requirements: list[str]) -> tuple[set[str], set[str]]:
    """(distributions, extras of kbapi itself) named by a requirement list."""
    names, included = set(), set()
    for text in requirements:
        req = Requirement(text)
        if normalise(req.name) == "kbapi":
            included |= req.extras
        else:
            names.add(normalise(req.name))
    return names, included


IMPORTS = imported_distributions()
RUNTIME = declared(PROJECT["dependencies"])[0]


def test_the_optional_modules_exist() -> None:
    modules = shipped_modules()
    assert set(OPTIONAL) <= set(modules)


def test_runtime_dependencies_are_what_the_library_imports() -> None:
    assert IMPORTS[None] == RUNTIME
    assert "stamina" not in RUNTIME


@pytest.mark.parametrize("extra", sorted(set(OPTIONAL.values())))
def test_each_extra_declares_what_its_modules_import(extra: str) -> None:
    names, included = declared(PROJECT["optional-dependencies"][extra])
    inherited = RUNTIME.union(*(declared(PROJECT["optional-dependencies"][e])[0] for e in included))
    assert names == IMPORTS[extra] - inherited
