"""Pure signal logic: wire zones, bodies, checks, the colour endpoint's shapes, shadows."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kbapi._core.errors import APIResponseValidationError, InputError
from kbapi._generated.q_api.types import UNSET
from kbapi.daskeyboard import ColorError, EffectError, Signal, get_layout
from kbapi.daskeyboard.signals import (
    Shadow,
    SignalSpec,
    check_spec,
    color_map,
    layout_resolver,
    normalize_shadows,
    parse_zone_color,
    signal_body,
    status_patch,
    wire_zone,
)
from kbapi.daskeyboard.zones import (
    LAYOUT_TAGS,
    EmptyCellError,
    UnknownKeyCodeError,
    UnsupportedConversionError,
    ZoneSyntaxError,
)

US = get_layout("en-US")
FR = get_layout("fr-FR")


def _signal(zone_id: str, color: str = "#F00", pid: str = "DK5QPID", id: int = 1) -> Signal:
    return Signal(id=id, name="", pid=pid, zone_id=zone_id, color=color, created_at=1,
                  updated_at=1, effect="SET_COLOR")  # fmt: skip


# --- wire_zone ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "fmt", "wire"),
    [
        ("KEY_Q", "xy", "2,2"),
        (74, "xy", "2,2"),
        ((2, 2), "code", "KEY_Q"),
        ("2,2", "linear", "74"),
        ("key_q", "linear", "74"),
        ("(2, 2)", "xy", "2,2"),
        ("0,3", "xy", "0,0"),  # any cell of the left pipe is the pipe
        (192, "code", "KEY_LIGHT_PIPE_LEFT"),
    ],
)
def test_wire_zone_converts_to_the_asked_format(zone: Any, fmt: Any, wire: str) -> None:
    assert wire_zone(zone, US, fmt) == wire


def test_wire_zone_validates_against_the_layout() -> None:
    with pytest.raises(EmptyCellError, match="no key at cell 2,4"):
        wire_zone("2,4", US)
    with pytest.raises(UnknownKeyCodeError, match="de-DE"):
        wire_zone("KEY_UBERMUT", US)
    assert wire_zone("2,4", FR) == "2,4"  # the ISO key left of Z


def test_wire_zone_without_validation_sends_as_given() -> None:
    assert wire_zone("2,4", US, validate=False) == "2,4"
    assert wire_zone("KEY_UBERMUT", US, "xy", validate=False) == "KEY_UBERMUT"
    assert wire_zone("KEY_Q", US, "linear", validate=False) == "74"
    with pytest.raises(ZoneSyntaxError, match="'Q' is not a zone id"):
        wire_zone("Q", US, validate=False)  # syntax is always checked


def test_wire_zone_on_the_4q_is_xy_only() -> None:
    four = get_layout("en-US", "4Q")
    assert wire_zone("0,0", four) == "0,0"
    with pytest.raises(UnsupportedConversionError, match="4Q"):
        wire_zone("KEY_Q", four)
    assert wire_zone("KEY_Q", four, validate=False) == "KEY_Q"


@given(tag=st.sampled_from(LAYOUT_TAGS), data=st.data())
def test_every_zone_is_sent_as_its_xy(tag: str, data: st.DataObject) -> None:
    layout = get_layout(tag, data.draw(st.sampled_from(["5Q", "X50Q"])))
    zone = data.draw(st.sampled_from(layout.zones()))
    for given_as in (zone.code, zone.linear, zone.xy, (zone.x, zone.y)):
        assert wire_zone(given_as, layout) == zone.xy  # type: ignore[arg-type]


# --- bodies and checks --------------------------------------------------------------------


def test_signal_body_is_complete_and_normalised() -> None:
    spec = check_spec(SignalSpec(pid="DK5QPID", layout=US, effect="breathe", name="CI"))
    body = signal_body("KEY_Q", "#f00", spec).to_dict()
    assert body == {
        "name": "CI", "pid": "DK5QPID", "zoneId": "2,2", "color": "#FF0000",
        "effect": "BREATHE", "message": "", "clientName": "kbapi",
    }  # fmt: skip


def test_signal_body_colour_names_from_the_server_win() -> None:
    spec = SignalSpec(pid="DK5QPID", layout=US)
    assert signal_body("KEY_Q", "orange", spec).color == "#FFA500"
    assert signal_body("KEY_Q", "Orange", spec, color_names={"Orange": "#F80"}).color == "#FF8800"
    assert signal_body("KEY_Q", (1, 2, 3), spec).color == "#010203"
    with pytest.raises(ColorError, match="invalid colour '#GGG'"):
        signal_body("KEY_Q", "#GGG", spec)


def test_effects_are_checked_against_the_device_list_when_known() -> None:
    spec = SignalSpec(pid="X50QPID", layout=get_layout("en-US", "X50Q"), effect="WAVE")
    assert check_spec(spec).effect == "WAVE"
    with pytest.raises(EffectError, match="this device's effects"):
        check_spec(spec, effects=["SET_COLOR", "BLINK"])
    assert check_spec(SignalSpec(pid="X50QPID", layout=US, effect="NONE"), effects=[]).effect


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"pid": "dk5qpid"}, "pid must look like"),
        ({"pid": ""}, "pid must look like"),
        ({"name": "x" * 5000}, "name is longer"),
        ({"message": 7}, "message must be a string"),
        ({"action": "chrome"}, "action must look like"),
        ({"effect": "SPARKLE"}, "unknown effect"),
    ],
)
def test_check_spec_refuses(changes: dict[str, Any], message: str) -> None:
    spec = SignalSpec(**{"pid": "DK5QPID", "layout": US, **changes})
    with pytest.raises(InputError, match=message):
        check_spec(spec)


def test_status_patch() -> None:
    assert status_patch(read=True).to_dict() == {"isRead": True}
    body = status_patch(archived=False, muted=True)
    assert (body.is_read, body.is_archived, body.is_muted) == (UNSET, False, True)
    with pytest.raises(InputError, match="at least one"):
        status_patch()
    with pytest.raises(InputError, match="read must be True or False"):
        status_patch(read="yes")  # type: ignore[arg-type]


# --- colour endpoint ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [b"#FF0000", b"#f00", b'"#FF0000"', b'{"color": "#F00"}', b"  #ff0000\n", "#F00"],
)
def test_parse_zone_color_accepts_both_documented_shapes(body: bytes | str) -> None:
    assert parse_zone_color(body) == "#FF0000"


@pytest.mark.parametrize("body", [b"", b"red", b"{}", b'{"color": 5}', b"<html>", b'"#12"', b"{"])
def test_parse_zone_color_rejects_anything_else(body: bytes) -> None:
    with pytest.raises(APIResponseValidationError, match="colour endpoint"):
        parse_zone_color(body)


# --- shadows --------------------------------------------------------------------------------


def test_shadows_in_three_forms_are_one_zone() -> None:
    signals = [_signal("KEY_Q", "#F00", id=1), _signal("74", "#0F0", id=2), _signal("2,2", id=3)]
    shadows = normalize_shadows(signals, layout_resolver(US))
    assert [(s.xy, s.label, s.signal_id, s.color) for s in shadows] == [("2,2", "Q", 3, "#FF0000")]


def test_shadows_keep_unknown_zones_raw_and_devices_apart() -> None:
    signals = [
        _signal("KEY_NOPE", id=1),
        _signal("2,4", id=2),
        _signal("2,2", pid="DK4QPID", id=3),
        _signal("2,2", pid="Q_MATRIX", id=4),
        _signal("2,2", color="bogus", id=5),
    ]
    shadows = normalize_shadows(signals, layout_resolver(US))
    assert [(s.xy, s.zone_id, s.pid) for s in shadows] == [
        (None, "KEY_NOPE", "DK5QPID"),
        (None, "2,4", "DK5QPID"),
        ("2,2", "2,2", "DK4QPID"),
        ("2,2", "2,2", "Q_MATRIX"),
        ("2,2", "2,2", "DK5QPID"),
    ]
    assert shadows[2].label is None  # no key table for the 4Q
    assert shadows[4].color == "bogus"
    assert color_map(shadows) == {"2,2": "#FF0000"}


def test_shadow_repr_leaves_the_signal_out() -> None:
    shadow = normalize_shadows([_signal("KEY_Q")], layout_resolver(US))[0]
    assert isinstance(shadow, Shadow)
    assert "Signal(" not in repr(shadow)
