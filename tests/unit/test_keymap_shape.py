"""A keymap's JSON shape checks: every bad part reported; numbers and macro items as QMK reads."""

from __future__ import annotations

import json
from typing import Any

import pytest
from kbapi.qmk.keymap import validate_keymap
from kbapi.qmk.keymap_shape import macro_fragment_problem, whole_number

BASE: dict[str, Any] = {"keyboard": "kb", "layout": "LAYOUT", "layers": [["KC_A"]]}


def messages(**fields: Any) -> list[str]:
    return [p.message for p in validate_keymap({**BASE, **fields})]


def test_every_bad_layer_is_reported() -> None:
    assert messages(layers=["x", {"y": 1}, ["KC_A", 3]]) == [
        "layer 0 must be a list of keycodes, got str",
        "layer 1 must be a list of keycodes, got dict",
        "layer 2, position 1: keycode must be a string, got int 3",
    ]


def test_every_bad_macro_is_reported() -> None:
    found = messages(macros=["x", ["ok", 5], [{"action": "jump"}]])
    assert found[0] == "macro 0 must be a list of strings and action objects"
    assert found[1].startswith("macro 1, item 1: must be a string or an object")
    assert found[2].startswith("macro 2, item 0: 'action' must be one of")
    assert len(found) == 3


@pytest.mark.parametrize(
    "encoders",
    [
        [[{"ccw": "KC_A", "cw": 1}]],
        [[{"ccw": "KC_A", "cw": "KC_B"}], [{"ccw": "KC_A"}]],
        [[{"ccw": "KC_A", "cw": "KC_B"}, "KC_C"]],
    ],
)
def test_an_encoder_entry_without_two_keycodes_is_refused(encoders: Any) -> None:
    assert messages(encoders=encoders) == [
        "field 'encoders' must be a list of layers of {ccw, cw} objects"
    ]


@pytest.mark.parametrize(
    ("value", "whole"),
    [
        (0, True),
        (1, True),
        (100, True),
        (0.0, True),
        (1.0, True),
        (-1, False),
        (-1.0, False),
        (1.5, False),
        (True, False),
        (False, False),
        ("1", False),
        (None, False),
    ],
)
def test_a_whole_number_is_an_unsigned_integer_as_json_schema_sees_it(
    value: Any, whole: bool
) -> None:
    assert whole_number(value) is whole


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"action": "tap", "keycodes": ["KC_A"], "b": 1, "a": 2}', "unknown key 'a'"),
        ('{"action": "jump"}', "'action' must be one of"),
        ('{"action": 5}', "'action' must be one of"),
        ('{"action": "delay", "duration": -1}', "a delay needs a whole 'duration' >= 0"),
        ('{"action": "delay", "duration": 1.5}', "a delay needs a whole 'duration' >= 0"),
        ('{"action": "tap", "keycodes": []}', "a tap needs 'keycodes', a non-empty list"),
        ('{"action": "down", "keycodes": [1]}', "a down needs 'keycodes', a non-empty list"),
        ('{"action": "up", "keycodes": "KC_A"}', "a up needs 'keycodes', a non-empty list"),
    ],
)
def test_a_macro_item_from_json_is_refused_with_its_reason(text: str, reason: str) -> None:
    found = macro_fragment_problem(json.loads(text))  # strings as a parser makes them
    assert found is not None and found.startswith(reason)


@pytest.mark.parametrize(
    "text",
    [
        '"hello"',
        '{"action": "delay", "duration": 0}',
        '{"action": "delay", "duration": 100.0}',
        '{"action": "tap", "keycodes": ["KC_A", "KC_B"]}',
        '{"action": "beep"}',
    ],
)
def test_a_good_macro_item_has_no_problem(text: str) -> None:
    assert macro_fragment_problem(json.loads(text)) is None
