"""What a refused keymap says: each problem a value, the count in words."""

from __future__ import annotations

import dataclasses

import pytest
from kbapi.qmk.keymap import KeymapError, KeymapProblem


@pytest.mark.parametrize(
    ("count", "headline"),
    [(0, "0 problems in keymap:"), (1, "1 problem in keymap:"), (2, "2 problems in keymap:")],
)
def test_the_message_counts_the_problems_in_words(count: int, headline: str) -> None:
    problems = [KeymapProblem(f"bad {n}", kind="type") for n in range(count)]
    error = KeymapError(problems)
    assert str(error).splitlines() == [headline] + [f"- bad {n}" for n in range(count)]
    assert error.problems == tuple(problems)


def test_a_problem_is_an_immutable_value_shown_as_its_message() -> None:
    found = KeymapProblem("layer 0 is short", kind="layout", field="layers", layer=0)
    assert found == KeymapProblem("layer 0 is short", "layout", "layers", 0, None)
    assert str(found) == "layer 0 is short"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
        found.layer = 1  # type: ignore[misc]


def test_every_macro_item_after_a_string_or_delay_is_checked() -> None:
    from kbapi.qmk.keymap import validate_keymap

    macro = ["hello", {"action": "delay", "duration": 5}, {"action": "tap", "keycodes": ["NOPE"]}]
    body = {"keyboard": "kb", "keymap": "km", "layout": "LAYOUT", "layers": [["KC_A"]]}
    found = validate_keymap({**body, "macros": [macro]})
    assert [p.message.split(":")[0] for p in found] == ["macro 0, item 2"]
