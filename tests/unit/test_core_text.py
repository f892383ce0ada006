"""How error messages show a caller's value: `shown()` cuts long reprs and never fails."""

from __future__ import annotations

import pytest
from kbapi._core.text import shown


class _BrokenRepr:
    def __repr__(self) -> str:
        raise RuntimeError("repr fails")


def test_a_short_value_is_its_repr() -> None:
    assert shown("abc") == "'abc'"
    assert shown([1, None]) == "[1, None]"


@pytest.mark.parametrize("limit", [10, 40, 60])
def test_a_repr_of_exactly_the_limit_is_kept_whole(limit: int) -> None:
    value = "x" * (limit - 2)  # the quotes make the repr `limit` characters long
    assert shown(value, limit) == f"'{value}'"


@pytest.mark.parametrize("limit", [10, 40, 60])
def test_a_longer_repr_is_cut_to_the_limit_with_an_ellipsis(limit: int) -> None:
    value = "x" * (limit - 1)  # a repr one character too long
    assert shown(value, limit) == "'" + "x" * (limit - 4) + "..."
    assert len(shown("y" * 500, limit)) == limit


def test_the_default_limit_is_60_characters() -> None:
    assert shown("z" * 58) == "'" + "z" * 58 + "'"
    assert shown("z" * 59) == "'" + "z" * 56 + "..."


def test_a_value_whose_repr_fails_is_shown_by_its_type() -> None:
    assert shown(_BrokenRepr()) == "<_BrokenRepr>"
    assert shown(10**5000) == "<int>"  # repr refuses ints over 4300 digits
