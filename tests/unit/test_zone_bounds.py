"""Zone ids and grid cells at their bounds; layouts as shared values."""

from __future__ import annotations

from typing import Any

import pytest
from kbapi.daskeyboard.zone_ids import ZoneId, ZoneSyntaxError, parse_zone_id
from kbapi.daskeyboard.zones import Layout, OffGridError, get_layout, shift_xy_from_4q

LARGEST = 999_999_999  # the largest number a zone id may hold


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (LARGEST, ZoneId("linear", linear=LARGEST)),
        ((LARGEST, LARGEST), ZoneId("xy", x=LARGEST, y=LARGEST)),
        ((0, 0), ZoneId("xy", x=0, y=0)),
        (" " * 40 + "2,2" + " " * 40, ZoneId("xy", x=2, y=2)),  # spaces are trimmed first
        ("1" * 9, ZoneId("linear", linear=111_111_111)),
    ],
)
def test_zone_ids_at_the_bounds_are_read(value: Any, expected: ZoneId) -> None:
    assert parse_zone_id(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (LARGEST + 1, "far too large"),
        ((LARGEST + 1, 0), "far too large"),
        ((0, LARGEST + 1), "far too large"),
        ((0, -1), "never negative"),
        ((-1, 0), "never negative"),
        ("K" * 101, "too long"),
    ],
)
def test_zone_ids_past_the_bounds_are_refused(value: Any, reason: str) -> None:
    with pytest.raises(ZoneSyntaxError, match=reason):
        parse_zone_id(value)


def test_a_zone_id_text_of_100_characters_is_still_read() -> None:
    assert parse_zone_id("KEY_" + "Q" * 96) == ZoneId("code", code="KEY_" + "Q" * 96)


@pytest.mark.parametrize(
    "fields",
    [{"kind": "linear", "linear": -1}, {"kind": "xy", "x": 0, "y": LARGEST + 1}],
)
def test_a_zone_id_built_directly_checks_its_numbers(fields: dict[str, Any]) -> None:
    with pytest.raises(ZoneSyntaxError, match="numbers must be ints from 0 to 999999999"):
        ZoneId(**fields)


def test_a_zone_id_built_directly_may_hold_the_largest_number() -> None:
    assert ZoneId("linear", linear=LARGEST).linear == LARGEST


@pytest.mark.parametrize("cell", ["25,0", "0,7", "24,0", "0,6", "100,100"])
def test_cells_off_the_grid_are_refused(cell: str) -> None:
    with pytest.raises(OffGridError, match="off the grid: x must be 0-23 and y 0-5"):
        get_layout("en-US", "5Q").resolve(cell)


def test_the_last_4q_column_has_no_5q_cell_beyond_the_grid() -> None:
    assert shift_xy_from_4q("22,5") == "23,5"
    with pytest.raises(OffGridError, match="off the grid"):
        shift_xy_from_4q("23,5")


def test_layouts_are_equal_by_layout_and_device_and_shared() -> None:
    us, de = get_layout("en-US", "5Q"), get_layout("de-DE", "5Q")
    assert us == Layout("en-US", "5Q") and hash(us) == hash(Layout("en-US", "5Q"))
    assert us != de and de != us
    assert us != get_layout("en-US", "4Q") and get_layout("en-US", "4Q") != us
    assert get_layout("en-US", "5Q") is us  # one shared object per (layout, device)
