"""Signal colours and effects: accepted forms, names, errors and fuzzing."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kbapi._core.errors import InputError
from kbapi.daskeyboard.colors import BUILTIN_COLORS, ColorError, normalize_color, to_short
from kbapi.daskeyboard.effects import (
    DEFAULT_EFFECT,
    EFFECT_NONE,
    Effect,
    EffectError,
    validate_effect,
)

WIRE_COLOR = re.compile(r"#[0-9A-F]{6}")
API_COLOR = re.compile(r"^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")  # reference §6.1

# --- colours -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#F00", "#FF0000"),
        ("#f0a", "#FF00AA"),
        ("#008000", "#008000"),
        ("#abcdef", "#ABCDEF"),
        ("  #AbC  ", "#AABBCC"),
        ((255, 0, 0), "#FF0000"),
        ((1, 2, 255), "#0102FF"),
        ([0, 128, 0], "#008000"),
        ("red", "#FF0000"),
        ("RED", "#FF0000"),
        ("Green", "#00FF00"),
        (" white ", "#FFFFFF"),
        ("Grey", "#808080"),
    ],
)
def test_normalize_color_forms(value: object, expected: str) -> None:
    assert normalize_color(value) == expected  # type: ignore[arg-type]


def test_server_names_win_over_builtin_and_ignore_case_and_spacing() -> None:
    names = {"Red": "#E00", "Dark Green": "#006400", "Sky_Blue": "#87ceeb"}
    assert normalize_color("red", names) == "#EE0000"
    assert normalize_color("dark-green", names) == "#006400"
    assert normalize_color("DARKGREEN", names) == "#006400"
    assert normalize_color("sky blue", names) == "#87CEEB"
    assert normalize_color("blue", names) == "#0000FF"  # falls back to the built-in table


def test_builtin_table_is_canonical() -> None:
    for name, code in BUILTIN_COLORS.items():
        assert WIRE_COLOR.fullmatch(code), name
        assert normalize_color(name) == code


def test_server_name_with_a_bad_code() -> None:
    with pytest.raises(ColorError, match="colour name 'Red' maps to 'red!'"):
        normalize_color("red", {"Red": "red!"})
    with pytest.raises(ColorError, match="maps to 7, which is not a colour"):
        normalize_color("red", {"Red": 7})  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("#FF00", "invalid colour '#FF00'"),
        ("#GGG", "invalid colour '#GGG'"),
        ("#", "invalid colour '#'"),
        ("#FF0000FF", "invalid colour '#FF0000FF'"),
        ("#١٢٣", "invalid colour"),
        ("FF0000", "unknown colour 'FF0000'"),
        ("", "unknown colour ''"),
        ("ultraviolet", "unknown colour 'ultraviolet'"),
        ((256, 0, 0), r"invalid colour \(256, 0, 0\): an RGB tuple is three ints 0-255"),
        ((-1, 0, 0), "three ints 0-255"),
        ((1, 2), "three ints 0-255"),
        ((1.0, 2, 3), "three ints 0-255"),
        ((True, 0, 0), "three ints 0-255"),
        (0xFF0000, "invalid colour 16711680"),
        (None, "invalid colour None"),
        ("x" * 200, "too long"),
    ],
)
def test_normalize_color_errors(value: object, message: str) -> None:
    with pytest.raises(ColorError, match=message):
        normalize_color(value)  # type: ignore[arg-type]


def test_color_error_is_input_error() -> None:
    assert issubclass(ColorError, InputError)
    assert issubclass(ColorError, ValueError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#FF0000", "#F00"),
        ("#ff0000", "#F00"),
        ("#F00", "#F00"),
        ("#123456", "#123456"),
        ("#112234", "#112234"),
        ((0x33, 0x66, 0x99), "#369"),
        ("white", "#FFF"),
        ("orange", "#FFA500"),
    ],
)
def test_to_short(value: object, expected: str) -> None:
    assert to_short(value) == expected  # type: ignore[arg-type]


@given(rgb=st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
def test_rgb_and_hex_round_trip(rgb: tuple[int, int, int]) -> None:
    color = normalize_color(rgb)
    assert WIRE_COLOR.fullmatch(color)
    assert tuple(int(color[i : i + 2], 16) for i in (1, 3, 5)) == rgb
    assert normalize_color(color.lower()) == color
    short = to_short(color)
    assert API_COLOR.match(short)
    assert normalize_color(short) == color


@given(digits=st.from_regex(r"[0-9a-fA-F]{3}", fullmatch=True))
def test_short_hex_expands(digits: str) -> None:
    color = normalize_color("#" + digits)
    assert color == "#" + "".join(d * 2 for d in digits.upper())
    assert to_short(color) == "#" + digits.upper()


COLOR_VALUES = st.one_of(
    st.text(max_size=12),
    st.from_regex(r"#[0-9a-zA-Z]{0,8}", fullmatch=True),
    st.integers(),
    st.tuples(st.integers(), st.integers(), st.integers()),
    st.lists(st.one_of(st.integers(-5, 300), st.floats(), st.text(max_size=2)), max_size=4),
    st.none(),
    st.floats(),
    st.binary(max_size=6),
)
NAME_TABLES = st.none() | st.dictionaries(
    st.text(max_size=8), st.one_of(st.text(max_size=8), st.integers(), st.none()), max_size=4
)


@given(value=COLOR_VALUES, names=NAME_TABLES)
def test_fuzz_colors_raise_only_color_error(value: object, names: object) -> None:
    for call in (normalize_color, to_short):
        try:
            result = call(value, names)  # type: ignore[arg-type]
        except ColorError as error:
            assert str(error)
        else:
            assert API_COLOR.match(result)


# --- effects -------------------------------------------------------------------------------


def test_the_nine_documented_effects() -> None:
    assert [e.value for e in Effect] == [
        "SET_COLOR",
        "BLINK",
        "BREATHE",
        "COLOR_CYCLE",
        "RIPPLE",
        "INWARD_RIPPLE",
        "BOUNCING_LIGHT",
        "LASER",
        "WAVE",
    ]
    assert DEFAULT_EFFECT == "SET_COLOR"
    assert Effect.BLINK == "BLINK"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("SET_COLOR", "SET_COLOR"),
        ("breathe", "BREATHE"),
        (" Color_Cycle ", "COLOR_CYCLE"),
        ("set color", "SET_COLOR"),
        ("bouncing-light", "BOUNCING_LIGHT"),
        (Effect.WAVE, "WAVE"),
        ("none", EFFECT_NONE),
    ],
)
def test_validate_effect(value: str, expected: str) -> None:
    result = validate_effect(value)
    assert result == expected
    assert type(result) is str


def test_validate_effect_against_device_list() -> None:
    x50q_old = ["SET_COLOR", "breathe", "COLOR_CYCLE"]
    assert validate_effect("breathe", x50q_old) == "BREATHE"
    assert validate_effect("NONE", x50q_old) == "NONE"
    # The device is the authority: an effect it lists is accepted even if undocumented.
    assert validate_effect("sparkle", ["SPARKLE"]) == "SPARKLE"
    with pytest.raises(EffectError, match="unknown effect 'laser': expected one of this device"):
        validate_effect("laser", x50q_old)
    with pytest.raises(EffectError, match="BREATHE, COLOR_CYCLE, SET_COLOR, NONE"):
        validate_effect("laser", iter(x50q_old))
    with pytest.raises(EffectError, match="list of codes, not a single string"):
        validate_effect("BLINK", "BLINK")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sparkle", "unknown effect 'sparkle': expected one of the documented effects"),
        ("", "invalid effect ''"),
        ("SET COLOR!", "invalid effect 'SET COLOR!'"),
        ("1BLINK", "invalid effect '1BLINK'"),
        ("ß", "invalid effect"),
        ("B" * 65, "invalid effect"),
        (None, "invalid effect None: expected a string"),
        (3, "invalid effect 3"),
    ],
)
def test_validate_effect_errors(value: object, message: str) -> None:
    with pytest.raises(EffectError, match=message):
        validate_effect(value)  # type: ignore[arg-type]
    assert issubclass(EffectError, InputError)


EFFECT_VALUES = st.one_of(
    st.text(max_size=20),
    st.sampled_from([e.value.lower() for e in Effect]),
    st.integers(),
    st.none(),
    st.binary(max_size=4),
)


@given(
    value=EFFECT_VALUES,
    allowed=st.none() | st.lists(st.one_of(st.text(max_size=10), st.integers()), max_size=5),
)
def test_fuzz_effects_raise_only_effect_error(value: object, allowed: object) -> None:
    try:
        result = validate_effect(value, allowed)  # type: ignore[arg-type]
    except EffectError as error:
        assert str(error)
    else:
        assert result == result.upper().strip()
        assert result == EFFECT_NONE or allowed is not None or result in set(Effect)
