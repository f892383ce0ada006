"""What a keymap means: names the API accepts, layers that fit the layout, known keycodes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

from kbapi._core.errors import UnknownLayoutError
from kbapi.qmk.keyboard_info import KeyboardInfo, KeyboardInfoError
from kbapi.qmk.keycodes import (
    KeycodeContext,
    keycode_problem,
    macro_keycode_problem,
    vocabulary,
)
from kbapi.qmk.keymap_problems import KeymapProblem, problem

if TYPE_CHECKING:
    from kbapi.qmk.keymap import Keymap

MAX_NAME_CHARS: Final = 250
KEYBOARD_PATTERN: Final = re.compile(r"^[0-9a-z][0-9a-z_/]*$")
LAYOUT_PATTERN: Final = re.compile(r"^LAYOUT(_[0-9A-Za-z_]*)?$")
CONVERTER_PATTERN: Final = re.compile(r"^[a-z][0-9a-z_]*$")
HOST_LANGUAGE_PATTERN: Final = re.compile(r"^[a-z][0-9a-z_]*$")


def keyboard_name_problem(name: str) -> str | None:
    """Why `name` is not a valid QMK keyboard name, or None."""
    if "." in name:
        return "must not contain '.' (the API answers 422 'Buzz off hacker.')"
    if not name or len(name) > MAX_NAME_CHARS:
        return f"must be 1-{MAX_NAME_CHARS} characters"
    if name.startswith("/") or name.endswith("/") or "//" in name:
        return "must not start or end with '/' or contain '//'"
    if not KEYBOARD_PATTERN.fullmatch(name):
        return "must be lowercase letters, digits, '_' and '/' (^[0-9a-z][0-9a-z_/]*$)"
    return None


def keymap_name_problem(name: str) -> str | None:
    """Why `name` is not a usable keymap name, or None."""
    if "/" in name:
        return "must not contain '/' (the API answers 422 'Buzz off hacker.')"
    if not name or len(name) > MAX_NAME_CHARS:
        return f"must be 1-{MAX_NAME_CHARS} characters"
    return None


def name_problems(keymap: Keymap) -> list[KeymapProblem]:
    problems = []
    if keymap.keymap is None:
        message = "missing field 'keymap': the compile API needs a keymap name"
        problems.append(problem(message, "missing", "keymap"))
    checks = [("keyboard", keymap.keyboard, keyboard_name_problem(keymap.keyboard))]
    if keymap.keymap is not None:
        checks.append(("keymap", keymap.keymap, keymap_name_problem(keymap.keymap)))
    for name, value, reason in checks:
        if reason:
            problems.append(problem(f"{name} {value!r} {reason}", "name", name))
    if not LAYOUT_PATTERN.fullmatch(keymap.layout):
        message = f"layout {keymap.layout!r} is not a LAYOUT macro name (LAYOUT or LAYOUT_...)"
        problems.append(problem(message, "name", "layout"))
    patterns = (("converter", CONVERTER_PATTERN), ("host_language", HOST_LANGUAGE_PATTERN))
    for name, pattern in patterns:
        value = getattr(keymap, name)
        if value is not None and not pattern.fullmatch(value):
            message = f"{name} {value!r} must match {pattern.pattern}"
            problems.append(problem(message, "name", name))
    return problems


def _declared(entries: object) -> set[str]:
    names: set[str] = set()
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("key"), str):
            names.add(entry["key"])
            names.update(a for a in entry.get("aliases") or [] if isinstance(a, str))
    return names


def keycode_context(keymap: Keymap, info: KeyboardInfo | None = None) -> KeycodeContext:
    """Keycodes the keymap (`keycodes`) and the keyboard define; is a host language set?"""
    custom = _declared(keymap.keycodes) | set(vocabulary().keyboards.get(keymap.keyboard, ()))
    if info is not None:
        custom |= _declared(info.raw.get("keycodes"))
    return KeycodeContext(frozenset(custom), keymap.host_language is not None)


def _position(index: int, position: int, keys: Sequence[Any] | None) -> str:
    where = f"layer {index}, position {position}"
    if keys is not None and position < len(keys):
        where += f" ({keys[position].describe()})"
    return where


def _expected_keys(keymap: Keymap, info: KeyboardInfo | None) -> tuple[Any, ...] | KeymapProblem:
    if info is None:
        return ()
    try:
        return info.layout(keymap.layout)
    except (KeyboardInfoError, UnknownLayoutError) as exc:
        return problem(str(exc), "layout", "layout")


def _length_problem(
    index: int, layer: Sequence[str], layout: str, keys: Sequence[Any], target: str
) -> KeymapProblem:
    name = layout if layout == target else f"{layout} (alias of {target})"
    message = f"layer {index} has {len(layer)} keys, {name} expects {len(keys)}"
    if len(layer) < len(keys):
        message += f"; first missing: position {len(layer)} ({keys[len(layer)].describe()})"
    else:
        message += f"; first extra: position {len(keys)}"
    return problem(message, "length", "layers", layer=index, position=min(len(layer), len(keys)))


def layer_problems(keymap: Keymap, info: KeyboardInfo | None) -> list[KeymapProblem]:
    if not keymap.layers:
        return [problem("layers is empty: a keymap needs at least one layer", "empty", "layers")]
    expected = _expected_keys(keymap, info)
    keys: tuple[Any, ...] | None = None
    problems: list[KeymapProblem] = []
    if isinstance(expected, KeymapProblem):
        problems.append(expected)
    elif info is not None:
        keys = expected
    context = keycode_context(keymap, info)
    for index, layer in enumerate(keymap.layers):
        if keys is not None and info is not None and len(layer) != len(keys):
            target = info.resolve_layout(keymap.layout)
            problems.append(_length_problem(index, layer, keymap.layout, keys, target))
        elif keys is None and not layer:
            problems.append(problem(f"layer {index} is empty", "empty", "layers", layer=index))
        elif keys is None and len(layer) != len(keymap.layers[0]):
            message = f"layer {index} has {len(layer)} keys, layer 0 has {len(keymap.layers[0])}"
            problems.append(problem(message, "length", "layers", layer=index))
        for position, code in enumerate(layer):
            reason = keycode_problem(code, context)
            if reason:
                message = f"{_position(index, position, keys)}: {code!r}: {reason}"
                problems.append(
                    problem(message, "keycode", "layers", layer=index, position=position)
                )
    return problems


def encoder_problems(keymap: Keymap, info: KeyboardInfo | None = None) -> list[KeymapProblem]:
    problems = []
    context = keycode_context(keymap, info)
    for index, layer in enumerate(keymap.encoders or []):
        for position, entry in enumerate(layer):
            for direction in ("ccw", "cw"):
                code = entry[direction]
                reason = keycode_problem(code, context)
                if reason:
                    message = f"encoder layer {index}, encoder {position} {direction}: {code!r}: "
                    where = {"layer": index, "position": position}
                    problems.append(problem(message + reason, "keycode", "encoders", **where))
    return problems


def macro_problems(keymap: Keymap) -> list[KeymapProblem]:
    problems = []
    for index, macro in enumerate(keymap.macros or []):
        for item, fragment in enumerate(macro):
            if not isinstance(fragment, dict) or fragment["action"] in ("delay", "beep"):
                continue
            for name in fragment["keycodes"]:
                reason = macro_keycode_problem(name)
                if reason:
                    message = f"macro {index}, item {item}: {name!r}: {reason}"
                    problems.append(problem(message, "keycode", "macros", position=index))
    return problems
