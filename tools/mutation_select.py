"""Pick the tests a mutant could fail: those that ran its statement, from the coverage map.

A mutant inside a function body changes only what happens when that statement runs, so the
tests to run are the ones that executed one of the statement's lines (tools/mutation_map.py).
A mutant elsewhere (module or class level, a decorator, a default value, a signature, the body
of a cached function, which runs once for whichever test calls it first), or in a
statement that also ran outside any test (while importing or collecting, maybe into a cached
value), changes what every test may see, so it gets the module's whole pool: the tests of its
unit test files (`mutation.MUTANT_TESTS`) and every test that ran any of its lines.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    """Where a mutant sits: the lines of its innermost statement, and whether a function runs it."""

    first: int
    last: int
    in_function: bool


def statements(tree: ast.Module) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    """Every statement's (start, end, inside a function body), decorators counted as its start."""
    found: list[tuple[tuple[int, int], tuple[int, int], bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                starts = [(child.lineno, child.col_offset)]
                starts += [(d.lineno, d.col_offset) for d in getattr(child, "decorator_list", [])]
                end = (child.end_lineno or child.lineno, child.end_col_offset or 0)
                found.append((min(starts), end, in_function))
            body_runs_later = isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if body_runs_later and _cached(child):
                body_runs_later = False  # its body runs once, for whichever test calls it first
            visit(child, in_function or body_runs_later)

    visit(tree, False)
    return found


def _cached(function: ast.AST) -> bool:
    """True for a function under a caching decorator (functools.cache, lru_cache and the like)."""
    decorators = getattr(function, "decorator_list", [])
    return any("cache" in ast.unparse(d) for d in decorators)


def statement_at(source: str, tree: ast.Module, line: int, column: int) -> Statement:
    """The innermost statement holding the character at (line, column) (column in characters)."""
    lines = source.splitlines()
    offset = len(lines[line - 1][:column].encode()) if line <= len(lines) else column
    position = (line, offset)
    best: tuple[tuple[int, int], tuple[int, int], bool] | None = None
    for start, end, in_function in statements(tree):
        if start <= position < end and (best is None or start >= best[0]):
            best = (start, end, in_function)
    if best is None:
        return Statement(line, line, False)
    (first, _), (last, _), in_function = best
    # A def or class statement inside a function: its header runs when the function does,
    # but the tests of its own body count too; in a module or class it runs at import.
    return Statement(first, last, in_function)


def choose_tests(
    statement: Statement,
    lines: Mapping[int, Sequence[str]],
    pool: Iterable[str],
    durations: Mapping[str, float],
) -> list[str]:
    """The tests to run against a mutant in `statement`, fastest first.

    A statement that also ran outside any test (context "": at import or collection, maybe
    into a cached value every test then uses) counts as run at import."""
    chosen = {t for n in range(statement.first, statement.last + 1) for t in lines.get(n, ())}
    if not statement.in_function or "" in chosen:
        chosen = set(pool) | {t for tests in lines.values() for t in tests}
    chosen.discard("")
    return sorted(chosen, key=lambda t: (durations.get(t, 0.0), t))
