"""Input fuzzing of the pure public functions: arbitrary values in, documented errors out.

Every test feeds arbitrary values (text, unicode, integers up to 5000 digits, floats with NaN and
infinities, None, bytes, tuples, nested JSON-like lists and dicts) mixed with values shaped like
the real thing, so that both the refusals and the deep paths run. Each test names the only
exceptions that may come out, all in kbapi's `InputError` family; anything else fails. What does
come back is checked too (round trips, canonical forms, files staying inside their folder).
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from kbapi._core.errors import InputError
from kbapi.daskeyboard.colors import BUILTIN_COLORS, ColorError, normalize_color, to_short
from kbapi.daskeyboard.effects import EFFECT_NONE, Effect, EffectError, validate_effect
from kbapi.daskeyboard.zones import (
    DEVICE_PIDS,
    LAYOUT_TAGS,
    Layout,
    UnknownLayoutError,
    Zone,
    ZoneError,
    ZoneId,
    ZoneSyntaxError,
    get_layout,
    normalize_zone,
    parse_zone_id,
)
from kbapi.qmk import Keymap, KeymapError, KeymapProblem, keymap_c, validate_keymap
from kbapi.qmk.downloads import choose_name, safe_file_name
from kbapi.qmk.errors import UnsafeFileNameError
from kbapi.qmk.keycodes import KeycodeError, check_keycode, keycode_problem

from tests.support.depth import examples

FUZZ = settings(
    max_examples=examples(100),
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
SOME = settings(FUZZ, max_examples=examples(50))

REFUSED = object()  # what attempt() returns for a refusal


def attempt(call: Any, refusal: type[Exception]) -> Any:
    """call()'s result, or REFUSED when it raised `refusal` with a message; anything else fails."""
    try:
        return call()
    except refusal as exc:
        assert str(exc).strip(), f"{type(exc).__name__} without a message"
        return REFUSED


HUGE = 10**5000  # repr() and str() of it raise ValueError
# Built, not sampled: hypothesis takes the repr of sampled values for its labels.
huge = st.builds(pow, st.just(10), st.just(5000)) | st.builds(lambda: -(10**5000))

# -- arbitrary values ------------------------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | huge
    | st.sampled_from([2**63, -(2**63) - 1, 10**18])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=40)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=10)
    | st.sampled_from(["", " ", "\x00", "\ud800", "\u200b", "\uff12,\uff12", "\u0662,\u0662"])
)
json_like = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
anything = json_like | st.binary(max_size=12) | st.sampled_from([object(), 1j, {1, 2}, b"KEY_A"])
text_ints = st.integers(min_value=-3, max_value=250) | st.sampled_from([999_999_999, 10**9, 10**30])
small_ints = text_ints | huge


def deep(levels: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(levels):
        value = [value]
    return value


# -- zones -------------------------------------------------------------------------------------

xy_texts = st.builds(
    lambda x, y, fmt: fmt.format(x, y),
    text_ints,
    text_ints,
    st.sampled_from(["{},{}", "({}, {})", " {} ,{} ", "({},{}", "{},{})", "{};{}", "{},{},0"]),
)
code_texts = st.sampled_from(
    ["KEY_", "key_q", "KEY_Q", "KEY_A", "KEY_ESCAPE", "KEY_Ü"]
) | st.from_regex(r"(?i)KEY_[A-Z0-9_]{0,12}", fullmatch=True)
linear_texts = text_ints.map(str) | st.from_regex(r"[+-]?\d{1,12}", fullmatch=True)
zone_values = (
    anything
    | xy_texts
    | code_texts
    | linear_texts
    | small_ints
    | st.tuples(small_ints, small_ints)
    | st.lists(small_ints, max_size=3)
    | st.builds(lambda x, y: ZoneId("xy", x=x, y=y), st.integers(0, 30), st.integers(0, 10))
    | st.builds(
        lambda x, y: Zone(linear=None, x=x, y=y, code=None, label=None, led_ids=()),
        st.integers(0, 30),
        st.integers(0, 10),
    )
)
layout_names = (
    st.sampled_from([*LAYOUT_TAGS, "fr", "US", "sp", "de_de", "EN-us", " it-IT ", "xx-XX"])
    | anything
)
device_names = st.sampled_from([*DEVICE_PIDS, *DEVICE_PIDS.values(), "dk5q", "5q", "6Q"]) | anything
known_layouts = st.sampled_from(
    [Layout(tag, device) for tag in LAYOUT_TAGS for device in DEVICE_PIDS]
)


@given(zone_values)
@FUZZ
def test_parse_zone_id_returns_a_zone_id_or_raises_zone_syntax_error(value: Any) -> None:
    # Only ZoneSyntaxError.
    try:
        zone_id = parse_zone_id(value)
    except ZoneSyntaxError as exc:
        assert str(exc)
        return
    assert isinstance(zone_id, ZoneId)
    assert parse_zone_id(str(zone_id)) == zone_id  # the wire form parses back to the same id


@given(layout_names, device_names)
@FUZZ
def test_layouts_are_built_or_refused_with_unknown_layout_error(layout: Any, device: Any) -> None:
    # Only UnknownLayoutError, from Layout() and get_layout() alike.
    try:
        built = Layout(layout, device)
    except UnknownLayoutError as refused:
        with pytest.raises(UnknownLayoutError) as caught:
            get_layout(layout, device)
        assert str(caught.value) == str(refused)
        return
    assert built.tag in LAYOUT_TAGS and built.device in DEVICE_PIDS
    assert get_layout(layout, device) == built
    assert get_layout(layout, device) is get_layout(built.tag, built.device)


@given(known_layouts, zone_values)
@FUZZ
def test_layout_conversions_raise_only_zone_errors(layout: Layout, zone: Any) -> None:
    # Only ZoneError subclasses: ZoneSyntaxError, OffGridError, EmptyCellError,
    # UnknownKeyCodeError, UnsupportedConversionError.
    try:
        resolved = layout.resolve(zone)
    except ZoneError as refused:
        for method in (layout.to_xy, layout.to_linear, layout.to_code, layout.normalize):
            with pytest.raises(ZoneError) as caught:
                method(zone)
            assert type(caught.value) is type(refused), (method, caught.value, refused)
        return
    xy = layout.to_xy(zone)
    assert xy == layout.normalize(zone) == resolved.xy == layout.convert(zone, "xy")
    assert layout.resolve(xy) == resolved
    for kind, method in (("linear", layout.to_linear), ("code", layout.to_code)):
        try:
            other = method(zone)
        except ZoneError:  # UnsupportedConversionError on the 4Q only
            assert not layout.has_table
            continue
        assert layout.has_table
        assert layout.resolve(other) == resolved
        assert layout.convert(zone, kind) == str(other)  # type: ignore[arg-type]


def test_convert_with_an_arbitrary_kind() -> None:
    # Only ZoneError subclasses; an unknown kind is always refused.
    seen: Counter[str] = Counter()

    @given(known_layouts, zone_values, anything | st.sampled_from(["xy", "linear", "code"]))
    @SOME
    def check(layout: Layout, zone: Any, kind: Any) -> None:
        converted = attempt(lambda: layout.convert(zone, kind), ZoneError)
        seen["refused" if converted is REFUSED else "converted"] += 1
        if kind not in ("xy", "linear", "code"):
            assert converted is REFUSED
        elif converted is not REFUSED:
            assert converted == layout.convert(layout.to_xy(zone), kind)

    check()
    assert seen["refused"] and seen["converted"], seen  # both branches ran


@given(zone_values, layout_names, device_names)
@FUZZ
def test_normalize_zone_raises_only_zone_errors(zone: Any, layout: Any, device: Any) -> None:
    # Only ZoneError subclasses, or UnknownLayoutError for the layout or device.
    try:
        xy = normalize_zone(zone, layout, device)
    except (ZoneError, UnknownLayoutError):
        return
    assert normalize_zone(xy, layout, device) == xy
    x, y = map(int, xy.split(","))
    assert 0 <= x < 24 and 0 <= y < 6


# -- colours and effects ---------------------------------------------------------------------

hex_texts = st.from_regex(r"\s*#[0-9A-Fa-fG]{0,7}\s*", fullmatch=True)
color_names = st.sampled_from(
    [*BUILTIN_COLORS, "Light Blue", "DARK-red", "gr_ey", "Rot", "\uff32\uff25\uff24"]
)
rgb = st.tuples(small_ints, small_ints, small_ints) | st.lists(small_ints, max_size=4)
color_values = anything | hex_texts | color_names | rgb
server_names = st.none() | st.dictionaries(
    color_names | st.text(max_size=8) | st.integers(), hex_texts | anything, max_size=4
)


@given(color_values, server_names)
@FUZZ
def test_colours_are_normalized_or_refused_with_color_error(value: Any, names: Any) -> None:
    # Only ColorError.
    try:
        color = normalize_color(value, names)
    except ColorError:
        with pytest.raises(ColorError, match="colour"):
            to_short(value, names)
        return
    assert len(color) == 7 and color[0] == "#"
    assert set(color[1:]) <= set("0123456789ABCDEF")
    short = to_short(value, names)
    assert len(short) in (4, 7) and normalize_color(short) == color
    assert normalize_color(color) == color


effect_texts = st.sampled_from(
    [*Effect, EFFECT_NONE, "set color", "inward-ripple", " blink ", "Bréathe"]
) | st.from_regex(r"[A-Za-z_ -]{1,20}", fullmatch=True)
allowed_lists = st.none() | st.lists(effect_texts | anything, max_size=5)


@given(effect_texts | anything, allowed_lists | st.text(max_size=5))
@FUZZ
def test_effects_are_validated_or_refused_with_effect_error(value: Any, allowed: Any) -> None:
    # Only EffectError (an `allowed` that is a single string is refused with it too).
    try:
        code = validate_effect(value, allowed)
    except EffectError:
        return
    assert code == code.upper() and code.strip() == code
    choices = (
        set(Effect)
        if allowed is None
        else {a.strip().upper() for a in allowed if isinstance(a, str)}
    )
    assert code == EFFECT_NONE or code in choices
    assert validate_effect(code, allowed) == code


# -- keycodes and keymaps --------------------------------------------------------------------

VALID_KEYCODES = ["KC_A", "KC_TRNS", "KC_NO", "MO(1)", "LT(2, KC_SPC)", "LCTL(KC_C)", "QK_BOOT",
                  "MT(MOD_LSFT | MOD_LCTL, KC_ESC)", "LSFT_T(KC_A)", "ANY(KC_B)", "OSM(MOD_LALT)",
                  "TG(31)", "LM(1, MOD_LSFT)"]  # fmt: skip
keycode_words = st.sampled_from(
    ["KC_A", "MO", "LT", "LCTL", "MT", "MOD_LSFT", "RESET", "ANY", "OSM", "kc_a", "LSFT_T", "Q"]
)
keycode_texts = st.recursive(
    keycode_words | st.integers(0, 40).map(str) | st.sampled_from(["0x1F", "0XZ", "("]),
    lambda inner: st.builds(
        lambda name, args, sep: f"{name}({sep.join(args)})",
        keycode_words,
        st.lists(inner, max_size=3),
        st.sampled_from([", ", ",", " | ", "|", " "]),
    ),
    max_leaves=8,
) | st.sampled_from([*VALID_KEYCODES, "", " KC_A", "KC_A ", "MO(32)", "LT(1)", "A" * 300])


@given(keycode_texts | anything)
@example(HUGE)
@example(deep(2000))
@FUZZ
def test_keycodes_are_checked_or_refused_with_keycode_error(code: Any) -> None:
    # check_keycode: only KeycodeError; keycode_problem: never raises.
    problem = keycode_problem(code)
    try:
        assert check_keycode(code) == code
    except KeycodeError as exc:
        assert problem is not None and exc.reason == problem and exc.keycode is code
        return
    assert problem is None and isinstance(code, str)


keyboard_names = st.from_regex(r"[a-z0-9][a-z0-9_]{0,8}(/[a-z0-9_]{1,8}){0,2}", fullmatch=True)
keymap_names = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)


@st.composite
def valid_keymaps(draw: st.DrawFn) -> dict[str, Any]:
    width = draw(st.integers(1, 6))
    layer = st.lists(st.sampled_from(VALID_KEYCODES), min_size=width, max_size=width)
    keymap: dict[str, Any] = {
        "keyboard": draw(keyboard_names),
        "keymap": draw(keymap_names),
        "layout": draw(st.sampled_from(["LAYOUT", "LAYOUT_ortho_4x12", "LAYOUT_60_ansi"])),
        "layers": draw(st.lists(layer, min_size=1, max_size=4)),
    }
    fragment = st.sampled_from(
        ["hello \"world\"\n", {"action": "tap", "keycodes": ["LSFT", "A"]}, {"action": "beep"},
         {"action": "delay", "duration": 100}, {"action": "down", "keycodes": ["B"]}]
    )  # fmt: skip
    optional = {
        "version": st.integers(0, 10),
        "author": st.text(max_size=10),
        "notes": st.text(max_size=10),
        "host_language": st.sampled_from(["german", "french_ca"]),
        "macros": st.lists(st.lists(fragment, min_size=1, max_size=3), max_size=2),
        "encoders": st.lists(
            st.lists(st.just({"ccw": "KC_VOLD", "cw": "KC_VOLU"}), max_size=2), max_size=2
        ),
        "config": st.dictionaries(st.text(max_size=5), json_like, max_size=2),
        "x_extra": json_like,
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            keymap[key] = draw(strategy)
    return keymap


def _mutated(keymap: dict[str, Any], key: str, value: Any, drop: bool) -> dict[str, Any]:
    changed = dict(keymap)
    if drop:
        changed.pop(key, None)
    else:
        changed[key] = value
    return changed


keymap_fields = st.sampled_from(
    ["keyboard", "keymap", "layout", "layers", "version", "author", "encoders", "macros",
     "keycodes", "config", "host_language", "converter", "branch", "other"]
)  # fmt: skip
keymap_like = (
    valid_keymaps()
    | st.builds(_mutated, valid_keymaps(), keymap_fields, anything | keycode_texts, st.booleans())
    | st.builds(
        _mutated,
        valid_keymaps(),
        st.just("macros"),
        st.lists(
            st.lists(st.dictionaries(st.sampled_from(["action", "keycodes", "duration"]), anything))
        ),
        st.just(False),
    )
    | anything
)


@given(keymap_like)
@example({"keyboard": "a", "keymap": "b", "layout": "LAYOUT", "layers": [["KC_A"]], "x": deep(600)})
@example({"keyboard": "a", "keymap": "b", "layout": "LAYOUT", "layers": [[HUGE]]})
@example(
    {
        "keyboard": "a",
        "keymap": "b",
        "layout": "LAYOUT",
        "layers": [["A"]],
        "macros": [[{"action": []}]],
    }
)
@FUZZ
def test_keymaps_are_read_or_refused_with_keymap_error(data: Any) -> None:
    # Keymap.from_dict and validate_keymap: only KeymapError; validate() never raises.
    try:
        keymap = Keymap.from_dict(data)
    except KeymapError as exc:
        assert exc.problems and all(isinstance(p, KeymapProblem) for p in exc.problems)
        try:
            assert validate_keymap(data)  # the same problems, as a list
        except KeymapError:  # only for what from_dict cannot copy (nesting too deep)
            assert any("nested too deeply" in p.message for p in exc.problems)
        return
    assert Keymap.from_dict(keymap.to_dict()) == keymap
    problems = keymap.validate()
    assert validate_keymap(data) == problems
    assert all(isinstance(p, KeymapProblem) and p.message for p in problems)


@given(valid_keymaps())
@SOME
def test_valid_keymaps_validate_and_render_keymap_c(data: dict[str, Any]) -> None:
    # No exception at all.
    keymap = Keymap.from_dict(data)
    assert keymap.validate() == []
    text = keymap_c(keymap)
    assert text.startswith("#include QMK_KEYBOARD_H")
    for number in range(len(keymap.layers)):
        assert f"[{number}] = {keymap.layout}(" in text
    assert ("process_record_user" in text) == (keymap.macros is not None)
    assert ("encoder_map" in text) == (keymap.encoders is not None)


def _dumps(value: Any) -> str:
    try:
        return json.dumps(value, default=repr)
    except ValueError:  # a 5000-digit int
        return "null"


json_texts = (
    keymap_like.map(_dumps)
    | st.text(max_size=30)
    | st.binary(max_size=30)
    | st.sampled_from(["", "{", "[" * 5000 + "]" * 5000, '{"layers": NaN}', "1" * 5000, "\ufeff{}"])
)


@given(json_texts)
@FUZZ
def test_keymap_json_is_read_or_refused_with_keymap_error(text: str | bytes) -> None:
    # Only KeymapError.
    try:
        keymap = Keymap.from_json(text)
    except KeymapError as exc:
        assert exc.problems
        return
    assert Keymap.from_json(keymap.to_json()) == keymap


# -- file names --------------------------------------------------------------------------------

file_names = (
    st.text(alphabet=string.ascii_letters + string.digits + "._- /\\:\x00\x7f", max_size=20)
    | st.sampled_from(
        ["..", ".", "...", "a/../b", "C:x", "x" * 256, "é" * 128, "ok.bin", "\ud800.bin"]
    )
    | anything
)


@given(file_names, st.sampled_from(["the server", "the caller"]))
@example("firmware.bin", "the server")
@example("\ud800.bin", "the server")  # JSON can carry lone surrogates; once a UnicodeEncodeError
@example(5, "the caller")  # once an AttributeError
@example(HUGE, "the server")
@FUZZ
def test_safe_file_names_stay_inside_any_folder(name: Any, origin: str) -> None:
    # Only UnsafeFileNameError (origin "the server") or InputError (any other origin).
    try:
        safe = safe_file_name(name, origin=origin)
    except UnsafeFileNameError:
        assert origin == "the server"
        return
    except InputError as exc:
        assert origin != "the server" and "refusing file name" in str(exc)
        return
    assert safe == name and isinstance(safe, str)
    folder = PurePosixPath("/target/folder")
    assert (folder / safe).parent == folder and PurePosixPath(safe).name == safe
    assert safe not in (".", "..") and "\x00" not in safe
    safe.encode("utf-8")


dispositions = st.none() | st.builds(
    lambda fmt, name: fmt.format(name),
    st.sampled_from(
        ['attachment; filename="{}"', "attachment; filename*=UTF-8''{}", "inline; filename={}",
         'attachment; filename*0="{}"; filename*1="x"', "{}"]
    ),
    file_names.filter(lambda v: isinstance(v, str)) | st.text(max_size=12) | st.just("%2E%2E%2F"),
)  # fmt: skip
url_paths = st.lists(
    st.text(alphabet=string.ascii_letters + "%./\\:", max_size=8), min_size=1, max_size=3
)


@given(st.none() | file_names.filter(lambda v: isinstance(v, str)), dispositions, url_paths)
@FUZZ
def test_choose_name_gives_a_safe_name_or_unsafe_file_name_error(
    expected: str | None, disposition: str | None, path: list[str]
) -> None:
    # Only UnsafeFileNameError.
    try:
        headers = httpx.Headers({"content-disposition": disposition} if disposition else {})
        url = httpx.URL("https://storage.example/").join("/".join(path))
    except (UnicodeEncodeError, httpx.InvalidURL):
        assume(False)  # not a header or URL httpx can carry
        raise
    try:
        name = choose_name(expected, headers, url)
    except UnsafeFileNameError as exc:
        assert "refusing file name" in str(exc)
        return
    assert safe_file_name(name) == name
    if expected:
        assert name == expected
    assert (Path("/t") / name).parent == Path("/t")


# -- Das Keyboard Q signals and paints -------------------------------------------------------

from kbapi._core.errors import APIResponseValidationError  # noqa: E402
from kbapi.daskeyboard.arguments import check_page_size, epoch_millis  # noqa: E402
from kbapi.daskeyboard.paint import plan_paint  # noqa: E402
from kbapi.daskeyboard.signals import (  # noqa: E402
    SignalSpec,
    check_pid,
    check_spec,
    parse_zone_color,
    signal_body,
    status_patch,
)
from kbapi.daskeyboard.targets import normalize_base_url  # noqa: E402

US = get_layout("en-US")
spec_texts = st.none() | st.text(max_size=20) | anything


@given(anything | st.from_regex(r"[A-Z][A-Z0-9_]{0,70}", fullmatch=True))
@SOME
@example("DK5QPID")
@example("dk5qpid")
def test_pids_are_accepted_or_refused_with_input_error(pid: Any) -> None:
    # Only InputError; the documented shape (upper case, digits, _; capped at 64) is the oracle.
    looks_right = isinstance(pid, str) and re.fullmatch(r"[A-Z][A-Z0-9_]{0,63}", pid) is not None
    assert attempt(lambda: check_pid(pid), InputError) == (pid if looks_right else REFUSED)


@given(
    st.sampled_from(["DK5QPID", "Q_MATRIX"]) | anything,
    st.sampled_from(["SET_COLOR", "blink", "NONE"]) | anything,
    spec_texts,
    spec_texts,
    st.none() | st.sampled_from(["url:https://x", "open:chrome", "nope"]) | anything,
)
@SOME
def test_signal_specs_are_checked_or_refused_with_input_errors(
    pid: Any, effect: Any, name: Any, message: Any, action: Any
) -> None:
    # InputError only (EffectError is one).
    spec = SignalSpec(pid=pid, layout=US, effect=effect, name=name, message=message, action=action)
    checked = attempt(lambda: check_spec(spec), InputError)
    if pid not in ("DK5QPID", "Q_MATRIX"):
        assume(checked is REFUSED)  # arbitrary pids are check_pid's test
    if checked is not REFUSED:
        assert isinstance(checked, SignalSpec)
        assert checked.effect.isupper() and checked.pid == pid


@given(
    zone_values, anything | st.sampled_from(["red", "#F00", "#00ff00", (1, 2, 3)]), st.booleans()
)
@SOME
def test_signal_bodies_are_built_or_refused_with_input_errors(
    zone: Any, color: Any, validate: bool
) -> None:
    # ZoneError and ColorError only (both InputError).
    spec = check_spec(SignalSpec(pid="DK5QPID", layout=US, validate=validate))
    try:
        body = signal_body(zone, color, spec)
    except (ZoneError, ColorError):
        return
    assert body.color.startswith("#") and len(body.color) == 7
    if validate:
        assert US.resolve(body.zone_id)


zone_keys = xy_texts | code_texts | linear_texts | small_ints | st.tuples(small_ints, small_ints)


good = st.dictionaries(
    st.sampled_from(["KEY_Q", "2,2", "KEY_W", 76, (3, 3)]),  # KEY_Q is at 2,2: refused
    st.sampled_from(["blue", "#F00", (1, 2, 3)]),
    min_size=1,
)


def test_paint_plans_are_made_or_refused_with_input_errors() -> None:
    # InputError only (ZoneError, ColorError, DuplicateZoneError are all InputErrors).
    spec = check_spec(SignalSpec(pid="DK5QPID", layout=US))
    seen: Counter[str] = Counter()

    @given(st.dictionaries(zone_keys, anything | st.just("blue"), max_size=6) | anything | good)
    @SOME
    def check(colors: Any) -> None:
        plan = attempt(lambda: plan_paint(colors, spec, local=True), InputError)
        seen["refused" if plan is REFUSED else "planned"] += 1
        if not isinstance(colors, dict) or not colors:
            assert plan is REFUSED
        elif plan is not REFUSED:
            assert 0 < len(plan.items) <= len(colors) and json.loads(plan.v2_body().action_value)

    check()
    assert seen["refused"] and seen["planned"], seen  # both branches ran


flags = st.none() | st.booleans() | anything


@given(flags, flags, flags)
@SOME
@example(True, None, None)
@example(None, False, True)
@example(None, None, None)
def test_status_patches_are_built_or_refused_with_input_error(
    read: Any, arch: Any, mute: Any
) -> None:
    # Only InputError; valid: at least one flag, every given flag a bool.
    flags = (read, arch, mute)
    valid = any(f is not None for f in flags) and all(
        f is None or f in (True, False) for f in flags
    )
    valid = valid and all(f is None or isinstance(f, bool) for f in flags)
    patch = attempt(lambda: status_patch(read=read, archived=arch, muted=mute), InputError)
    assert (patch is not REFUSED) == valid
    if patch is not REFUSED:
        assert patch.to_dict() == {  # type: ignore[union-attr]
            key: value
            for key, value in zip(("isRead", "isArchived", "isMuted"), flags, strict=True)
            if value is not None
        }


@given(anything | small_ints)
@SOME
@example(0)
@example(1000)
@example(1001)
def test_epochs_and_page_sizes_are_checked_with_input_error(value: Any) -> None:
    # Only InputError; the documented ranges are the oracle.
    is_int = isinstance(value, int) and not isinstance(value, bool)
    expected_epoch = value if is_int and value >= 0 else REFUSED
    assert attempt(lambda: epoch_millis(value), InputError) == expected_epoch
    expected_size = value if is_int and 1 <= value <= 1000 else REFUSED
    assert attempt(lambda: check_page_size(value), InputError) == expected_size


@given(st.binary(max_size=40) | st.text(max_size=40) | st.sampled_from(['{"color": "#F00"}']))
@SOME
@example('{"color": "#F00"}')
@example("#FF0000")
@example(b"")
@example("<html>")
def test_zone_colour_bodies_parse_or_raise_response_validation_error(body: Any) -> None:
    # Only APIResponseValidationError (a server's body, not the caller's input).
    color = attempt(lambda: parse_zone_color(body), APIResponseValidationError)
    if body in ('{"color": "#F00"}', "#FF0000"):
        assert color == "#FF0000"
    elif body in (b"", "", "<html>"):
        assert color is REFUSED
    if color is not REFUSED:
        assert re.fullmatch(r"#[0-9A-F]{6}", str(color))


def test_deep_zone_colour_body_is_a_validation_error() -> None:
    with pytest.raises(APIResponseValidationError, match="colour endpoint did not answer"):
        parse_zone_color('{"color": ' + "[" * 100_000 + "]" * 100_000 + "}")


@given(st.text(max_size=60) | st.sampled_from(["http://localhost:27301/api/1.0/", "ftp://x"]))
@SOME
def test_base_urls_are_normalized_or_refused_with_input_error(url: str) -> None:
    # Only InputError; what comes back is the host root, with no /api/x.0 and no trailing /.
    root = attempt(lambda: normalize_base_url(url), InputError)
    if not url.strip().lower().startswith(("http://", "https://")):
        assert root is REFUSED
    elif root is not REFUSED:
        assert isinstance(root, str) and root.startswith(("http://", "https://"))
        assert not root.endswith("/") and not root.lower().endswith(("/api/1.0", "/api/2.0"))
