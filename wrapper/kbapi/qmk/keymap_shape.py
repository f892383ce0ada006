"""The JSON shape of a keymap: required fields present, every known field of the right type.

Follows QMK's keymap schema (`qmk.keymap.v1`, data/schemas/keymap.jsonschema): only keyboard,
layout and layers are required, and `null` for an optional field means the field is absent, as
QMK reads it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from kbapi._core.text import shown
from kbapi.qmk.keymap_problems import KeymapProblem, problem, type_name

REQUIRED_FIELDS: Final = ("keyboard", "layout", "layers")
TEXT_FIELDS: Final = (
    "keymap",
    "author",
    "notes",
    "documentation",
    "converter",
    "host_language",
    "branch",
)
MACRO_ACTIONS: Final = ("beep", "delay", "down", "tap", "up")
MACRO_KEYS: Final = frozenset({"action", "keycodes", "duration"})
CONFIG_ONLY: Final = (
    "no 'layout' and 'layers': this looks like a config-only keymap.json (one that sits beside "
    "a keymap.c); the API gets no keymap.c, so it needs 'layout' and 'layers' to compile "
    "through the API"
)


def structure_problems(data: object) -> list[KeymapProblem]:
    """Problems with the JSON shape: required fields present, every known field correctly typed."""
    if not isinstance(data, Mapping):
        return [problem(f"a keymap must be a JSON object, got {type_name(data)}", "type")]
    problems = _required(data)
    for name in ("keyboard", "layout", *TEXT_FIELDS):
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            message = f"field {name!r} must be a string, got {type_name(value)}"
            problems.append(problem(message, "type", name))
    if data.get("layers") is not None:
        problems += _layers_shape(data["layers"])
    version = data.get("version")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)):
        message = f"field 'version' must be an integer, got {type_name(version)}"
        problems.append(problem(message, "type", "version"))
    problems += _encoders_shape(data.get("encoders"))
    problems += _macros_shape(data.get("macros"))
    problems += _keycodes_shape(data.get("keycodes"))
    config = data.get("config")
    if config is not None and not isinstance(config, dict):
        message = f"field 'config' must be an object, got {type_name(config)}"
        problems.append(problem(message, "type", "config"))
    return problems


def _required(data: Mapping[str, object]) -> list[KeymapProblem]:
    if data.get("layout") is None and data.get("layers") is None:
        problems = [problem(CONFIG_ONLY, "missing", "layers")]
        return problems + _missing(data, ("keyboard",))
    return _missing(data, REQUIRED_FIELDS)


def _missing(data: Mapping[str, object], names: tuple[str, ...]) -> list[KeymapProblem]:
    problems = []
    for name in names:
        if name not in data:
            problems.append(problem(f"missing required field {name!r}", "missing", name))
        elif data[name] is None:
            problems.append(problem(f"required field {name!r} is null", "missing", name))
    return problems


def _layers_shape(layers: object) -> list[KeymapProblem]:
    if not isinstance(layers, list):
        message = f"field 'layers' must be a list of layers, got {type_name(layers)}"
        return [problem(message, "type", "layers")]
    problems: list[KeymapProblem] = []
    for index, layer in enumerate(layers):
        if not isinstance(layer, list):
            message = f"layer {index} must be a list of keycodes, got {type_name(layer)}"
            problems.append(problem(message, "type", "layers", layer=index))
            continue
        for position, code in enumerate(layer):
            if not isinstance(code, str):
                message = (
                    f"layer {index}, position {position}: keycode must be a string, "
                    f"got {type_name(code)} {shown(code)}"
                )
                problems.append(
                    problem(message, "keycode", "layers", layer=index, position=position)
                )
    return problems


def _encoders_shape(encoders: object) -> list[KeymapProblem]:
    if encoders is None:
        return []
    bad = problem(
        "field 'encoders' must be a list of layers of {ccw, cw} objects", "type", "encoders"
    )
    if not isinstance(encoders, list):
        return [bad]
    for layer in encoders:
        if not isinstance(layer, list):
            return [bad]
        for entry in layer:
            if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("ccw", "cw")
            ):
                return [bad]
    return []


def whole_number(value: object) -> bool:
    """An unsigned integer as JSON Schema sees it: 100 and 100.0, not true or 1.5."""
    if isinstance(value, bool):
        return False
    if isinstance(value, float):
        return value.is_integer() and value >= 0
    return isinstance(value, int) and value >= 0


def macro_fragment_problem(fragment: object) -> str | None:
    """Why one macro item is not a string or an action object QMK's schema and json2c accept."""
    if isinstance(fragment, str):
        return None
    if not isinstance(fragment, dict):
        return f"must be a string or an object, got {type_name(fragment)}"
    extra = set(fragment) - MACRO_KEYS
    if extra:
        return f"unknown key {sorted(extra)[0]!r} (allowed: action, keycodes, duration)"
    action = fragment.get("action")
    if not isinstance(action, str) or action not in MACRO_ACTIONS:
        return f"'action' must be one of {', '.join(MACRO_ACTIONS)}, got {shown(action)}"
    if action == "delay" and not whole_number(fragment.get("duration")):
        return f"a delay needs a whole 'duration' >= 0 (ms), got {shown(fragment.get('duration'))}"
    keycodes = fragment.get("keycodes")
    if action in ("tap", "down", "up") and not (
        isinstance(keycodes, list) and keycodes and all(isinstance(k, str) for k in keycodes)
    ):
        return f"a {action} needs 'keycodes', a non-empty list of names, got {shown(keycodes)}"
    return None


def _macros_shape(macros: object) -> list[KeymapProblem]:
    if macros is None:
        return []
    if not isinstance(macros, list):
        return [problem("field 'macros' must be a list of macros", "type", "macros")]
    problems = []
    for index, macro in enumerate(macros):
        if not isinstance(macro, list):
            message = f"macro {index} must be a list of strings and action objects"
            problems.append(problem(message, "type", "macros", position=index))
            continue
        for item, fragment in enumerate(macro):
            reason = macro_fragment_problem(fragment)
            if reason:
                message = f"macro {index}, item {item}: {reason}"
                problems.append(problem(message, "type", "macros", position=index))
    return problems


def _keycodes_shape(keycodes: object) -> list[KeymapProblem]:
    if keycodes is None:
        return []
    if not isinstance(keycodes, list) or not all(
        isinstance(k, dict) and isinstance(k.get("key"), str) for k in keycodes
    ):
        message = "field 'keycodes' must be a list of objects with a string 'key'"
        return [problem(message, "type", "keycodes")]
    return []
