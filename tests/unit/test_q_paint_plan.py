"""A paint's plan at its edges: the zone cap, colour conflicts in any order, methods, values."""

from __future__ import annotations

import dataclasses

import pytest
from kbapi._core.errors import InputError
from kbapi.daskeyboard import get_layout
from kbapi.daskeyboard.paint import DuplicateZoneError, plan_paint
from kbapi.daskeyboard.signals import SignalSpec

SPEC = SignalSpec(pid="DK5QPID", layout=get_layout("en-US"))
LOOSE = SignalSpec(pid="DK5QPID", layout=get_layout("en-US"), validate=False)


def test_one_paint_takes_at_most_512_zones() -> None:
    assert plan_paint(dict.fromkeys(range(512), "red"), LOOSE, local=True).items  # accepted
    with pytest.raises(InputError, match=r"too many zones in one paint \(513 > 512\)"):
        plan_paint(dict.fromkeys(range(513), "red"), LOOSE, local=True)


@pytest.mark.parametrize(("first", "second"), [("blue", "red"), ("red", "blue")])
def test_one_zone_in_two_colours_is_refused_in_either_order(first: str, second: str) -> None:
    with pytest.raises(DuplicateZoneError, match="zone 2,2 is painted twice"):
        plan_paint({"KEY_Q": first, 74: second}, SPEC, local=True)


def test_methods_given_as_strings_made_at_run_time_work_like_the_literals() -> None:
    auto, v2 = "".join(["au", "to"]), "".join(["v", "2"])  # not the interned literals
    plan = plan_paint({"KEY_Q": "red"}, SPEC, local=True, method=auto)  # type: ignore[arg-type]
    assert (plan.mode, plan.fallback) == ("v2", True)
    forced = plan_paint({"KEY_Q": "red"}, SPEC, local=True, method=v2)  # type: ignore[arg-type]
    assert (forced.mode, forced.fallback) == ("v2", False)
    with pytest.raises(InputError, match="only on the local app"):
        plan_paint({"KEY_Q": "red"}, SPEC, local=False, method=v2)  # type: ignore[arg-type]


def test_a_long_bad_method_is_shown_cut_to_40_characters() -> None:
    method = "x" * 100
    with pytest.raises(InputError) as caught:
        plan_paint({"KEY_Q": "red"}, SPEC, local=True, method=method)  # type: ignore[arg-type]
    assert str(caught.value).endswith("got '" + "x" * 36 + "...")


def test_a_plan_and_its_items_are_immutable_values() -> None:
    plan = plan_paint({"KEY_Q": "red"}, SPEC, local=True)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
        plan.mode = "v1"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
        plan.items[0].color = "#000000"  # type: ignore[misc]
