"""`make mutation` decides: which mutants are equivalent by rule, which tests each one gets."""

from __future__ import annotations

import ast

import pytest

from tools.mutation_equivalent import equivalence
from tools.mutation_fast import changed_functions
from tools.mutation_select import Statement, choose_tests, statement_at

SOURCE = """\
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

LIMIT = 3


def pick(items: Sequence[int] | None, name: str = "x") -> int | None:
    total: int | None = None
    if items == None or name != "":
        return 0
    return items[0] == 300


class Box:
    size: int | None = 4

    @property
    def double(self) -> int:
        return self.size * 2
"""


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("items: Sequence[int] | None", "items: Sequence[int] * None"),
        ("-> int | None:", "-> int - None:"),
        ("total: int | None = None", "total: int ^ None = None"),
        ("size: int | None = 4", "size: int & None = 4"),
        ("if TYPE_CHECKING:", "if not TYPE_CHECKING:"),
    ],
)
def test_a_change_the_interpreter_never_runs_is_equivalent(before: str, after: str) -> None:
    assert equivalence(SOURCE, SOURCE.replace(before, after)) == "annotation"


@pytest.mark.parametrize(
    ("before", "after"),
    [("items == None", "items is None"), ('name != ""', 'name is not ""')],
)
def test_identity_against_an_interned_literal_is_equivalent(before: str, after: str) -> None:
    assert equivalence(SOURCE, SOURCE.replace(before, after)) == "interned-identity"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("items[0] == 300", "items[0] is 300"),  # 300 is not a cached int
        ("items == None", "items != None"),
        ("total: int | None = None", "total: int | None = 1"),  # the value runs
        ("size: int | None = 4", "size: int | None = 5"),
        ("self.size * 2", "self.size + 2"),
        ("LIMIT = 3", "LIMIT = 4"),
        ("    @property\n", ""),
    ],
)
def test_a_change_that_runs_is_not_equivalent(before: str, after: str) -> None:
    assert equivalence(SOURCE, SOURCE.replace(before, after)) is None


def test_a_mutant_in_a_function_body_gets_the_tests_of_its_statement() -> None:
    tree = ast.parse(SOURCE)
    line = SOURCE.splitlines().index('    if items == None or name != "":') + 1
    statement = statement_at(SOURCE, tree, line, 13)
    assert statement == Statement(line, line + 1, in_function=True)
    lines = {line: ["t::slow", "t::fast"], line + 1: ["t::other"], line + 2: ["t::unrelated"]}
    durations = {"t::slow": 2.0, "t::fast": 0.1, "t::other": 0.5}
    assert choose_tests(statement, lines, ["t::pool"], durations) == [
        "t::fast",
        "t::other",
        "t::slow",
    ]


def test_a_statement_also_run_outside_any_test_gets_the_whole_pool() -> None:
    tree = ast.parse(SOURCE)
    line = SOURCE.splitlines().index("        return self.size * 2") + 1
    statement = statement_at(SOURCE, tree, line, 20)
    assert statement.in_function
    lines = {line: ["", "t::a"], 3: ["t::b"]}  # "": ran while importing or collecting
    assert choose_tests(statement, lines, ["t::pool"], {}) == ["t::a", "t::b", "t::pool"]


@pytest.mark.parametrize("text", ["LIMIT = 3", "    size: int | None = 4", "    @property"])
def test_a_mutant_run_at_import_gets_the_whole_pool(text: str) -> None:
    tree = ast.parse(SOURCE)
    line = SOURCE.splitlines().index(text) + 1
    statement = statement_at(SOURCE, tree, line, len(text) - 1)
    assert not statement.in_function
    lines = {20: ["t::b"], 12: ["t::a"]}
    assert choose_tests(statement, lines, ["t::pool"], {}) == ["t::a", "t::b", "t::pool"]


def test_a_mutant_in_a_cached_function_gets_the_whole_pool() -> None:
    source = "import functools\n\n@functools.cache\ndef table():\n    return {1: 2}\n"
    assert not statement_at(source, ast.parse(source), 5, 12).in_function


def test_columns_count_characters_not_bytes() -> None:
    source = 'def f():\n    x = "é"; y = 1 + 2\n'
    tree = ast.parse(source)
    assert statement_at(source, tree, 2, 18).first == 2  # the "+" after a two-byte character


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        ("self.size * 2", "self.size + 2", ["Box.double"]),
        ("return 0\n", "return 1\n", ["pick"]),
        ("LIMIT = 3", "LIMIT = 4", None),  # module level: runs at import
        ('name: str = "x"', 'name: str = "y"', None),  # a default value: evaluated at import
        ("size: int | None = 4", "size: int | None = 5", None),  # class level
        ("    @property\n", "", None),  # a decorator: applied at import
        ("return 0\n", "return 0 +\n", None),  # not Python: fails at import
    ],
)
def test_the_fast_path_takes_only_mutants_inside_function_bodies(
    before: str, after: str, changed: list[str] | None
) -> None:
    mutant = SOURCE.replace(before, after)
    assert mutant != SOURCE
    assert changed_functions("m.py", SOURCE, mutant) == changed
