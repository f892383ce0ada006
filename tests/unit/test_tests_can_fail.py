"""Every test can fail: a static check of the test modules themselves (AST, no imports).

It fails on
- a test function with no check at all: no ``assert``, no ``pytest.raises`` / ``warns`` /
  ``fail``, no ``raise``, no ``assert_*(...)`` / ``call_and_validate()`` call, and no call of
  a helper that checks (a function anywhere in tests/ that does one of these, transitively);
- ``pytest.raises(...)`` without ``match=`` whose result is never inspected (no
  ``as caught`` read afterwards): any exception of the class passes, whatever raised it;
- ``suppress(...)`` anywhere in a test module: a check inside it runs only when nothing is
  raised, so it proves nothing when something is;
- ``except ...: pass`` (or ``...`` / ``continue``) inside a test function, for the same reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent
PYTEST_CHECKS = frozenset({"raises", "warns", "fail", "deprecated_call"})
# Calls of other libraries that fail the test themselves (besides any ``assert_*`` method, as
# pytester's ``assert_outcomes``): schemathesis validates the response against the spec.
CHECK_CALLS = frozenset({"call_and_validate", "validate_response"})


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    kind: str
    name: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind} in {self.name}"


def modules_under_test() -> list[Path]:
    return sorted(p for p in TESTS.rglob("test_*.py") if ".venv" not in p.parts)


@cache
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _called_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _is_pytest_check(call: ast.Call) -> bool:
    """``pytest.raises(...)`` and friends (also imported bare: ``raises(...)``)."""
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return func.value.id == "pytest" and func.attr in PYTEST_CHECKS
    return isinstance(func, ast.Name) and func.id in PYTEST_CHECKS


def _checks_itself(node: ast.AST) -> bool:
    """True if `node` holds an assert, a raise or a pytest check (nested functions included)."""
    for child in ast.walk(node):
        if isinstance(child, ast.Assert | ast.Raise):
            return True
        if isinstance(child, ast.Call) and (_is_pytest_check(child) or _is_check_call(child)):
            return True
    return False


def _is_check_call(call: ast.Call) -> bool:
    name = _called_name(call)
    return name is not None and (name in CHECK_CALLS or name.startswith("assert_"))


def _functions(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """Module-level functions and methods of module-level classes."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield item


def checking_helpers(trees: list[ast.Module]) -> frozenset[str]:
    """Names of the non-test functions of `trees` that check something, transitively."""
    bodies: dict[str, list[ast.AST]] = {}
    for tree in trees:
        for function in _functions(tree):
            if not function.name.startswith("test"):
                bodies.setdefault(function.name, []).append(function)
    checking = {name for name, defs in bodies.items() if any(map(_checks_itself, defs))}
    while more := {
        name
        for name, defs in bodies.items()
        if name not in checking and any(_calls_any(d, checking) for d in defs)
    }:
        checking |= more
    return frozenset(checking)


def _calls_any(node: ast.AST, names: set[str] | frozenset[str]) -> bool:
    return any(
        isinstance(child, ast.Call) and _called_name(child) in names for child in ast.walk(node)
    )


def _tests(tree: ast.Module) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for function in _functions(tree):
        if function.name.startswith("test"):
            yield function


def _unchecked_raises(function: ast.FunctionDef | ast.AsyncFunctionDef) -> Iterator[int]:
    """Lines of ``pytest.raises`` without ``match=`` whose result is never read."""
    read = {
        node.id
        for node in ast.walk(function)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    bound: dict[int, str | None] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                if isinstance(item.context_expr, ast.Call):
                    var = item.optional_vars
                    bound[id(item.context_expr)] = var.id if isinstance(var, ast.Name) else None
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            target = node.targets[0]
            bound[id(node.value)] = target.id if isinstance(target, ast.Name) else None
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and _is_pytest_check(node)):
            continue
        if _called_name(node) != "raises" or any(k.arg == "match" for k in node.keywords):
            continue
        if bound.get(id(node)) not in read:
            yield node.lineno


def _swallowing(handler: ast.ExceptHandler) -> bool:
    return all(
        isinstance(stmt, ast.Pass | ast.Continue)
        or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
        for stmt in handler.body
    )


def findings_in(tree: ast.Module, name: str, helpers: frozenset[str]) -> list[Finding]:
    """What the rules find in one test module; `helpers` are the checking helper names."""
    found: list[Finding] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node) == "suppress":
            found.append(Finding(name, node.lineno, "suppress(", "the module"))
    for test in _tests(tree):
        if not (_checks_itself(test) or _calls_any(test, helpers)):
            found.append(Finding(name, test.lineno, "no check", test.name))
        for line in _unchecked_raises(test):
            found.append(Finding(name, line, "pytest.raises without match=", test.name))
        for node in ast.walk(test):
            if isinstance(node, ast.ExceptHandler) and _swallowing(node):
                found.append(Finding(name, node.lineno, "except ...: pass", test.name))
    return found


def test_every_test_can_fail() -> None:
    modules = modules_under_test()
    assert len(modules) > 50  # the walk found the suite
    everything = [parsed(p) for p in sorted(TESTS.rglob("*.py")) if ".venv" not in p.parts]
    helpers = checking_helpers(everything)
    findings = [
        f
        for path in modules
        for f in findings_in(parsed(path), str(path.relative_to(ROOT)), helpers)
    ]
    assert not findings, f"{len(findings)} found:\n" + "\n".join(map(str, findings))


# The checker checked: each rule on a small module, and what it must not flag.

BAD = """
import contextlib, pytest

def helper_without_check(x):
    return x + 1

def test_nothing():
    helper_without_check(1)

def test_bare_raises():
    with pytest.raises(ValueError):
        int("x")

def test_raises_unread():
    with pytest.raises(ValueError) as caught:
        int("x")

def test_suppressed():
    with contextlib.suppress(ValueError):
        assert int("x") == 1

def test_swallowed():
    try:
        assert int("x") == 1
    except ValueError:
        pass
"""

GOOD = """
import pytest

def checker(x):
    assert x

def indirect(x):
    checker(x)

def test_assert():
    assert 1

def test_helper():
    indirect(1)

def test_match():
    with pytest.raises(ValueError, match="invalid literal"):
        int("x")

def test_read():
    with pytest.raises(ValueError) as caught:
        int("x")
    assert "x" in str(caught.value)

def test_pytester(pytester):
    pytester.runpytest().assert_outcomes(passed=1)

class TestGrouped:
    def test_method(self):
        assert True
"""


def _findings_of(source: str) -> list[tuple[str, str]]:
    tree = ast.parse(source)
    return [(f.kind, f.name) for f in findings_in(tree, "sample", checking_helpers([tree]))]


def test_the_checker_flags_each_rule() -> None:
    assert sorted(_findings_of(BAD)) == [
        ("except ...: pass", "test_swallowed"),
        ("no check", "test_nothing"),
        ("pytest.raises without match=", "test_bare_raises"),
        ("pytest.raises without match=", "test_raises_unread"),
        ("suppress(", "the module"),
    ]


def test_the_checker_passes_checked_tests() -> None:
    assert _findings_of(GOOD) == []
