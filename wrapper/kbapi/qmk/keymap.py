"""QMK keymaps: load a Configurator export or keymap.json, validate it, render keymap.c.

The compile API checks almost nothing before queueing a job (reference §4.1, §9): wrong key counts
and bad keycodes only surface minutes later as C compiler errors. `Keymap.validate` reports those
mistakes up front, all at once, each naming the layer, the position and the expected count.
The checks live in `keymap_shape` (JSON shape), `keymap_checks` (meaning) and `keycodes`; keymap.c
rendering in `keymap_render`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from kbapi.qmk.keyboard_info import KeyboardInfo
from kbapi.qmk.keymap_checks import (
    KEYBOARD_PATTERN,
    encoder_problems,
    keyboard_name_problem,
    keymap_name_problem,
    layer_problems,
    macro_problems,
    name_problems,
)
from kbapi.qmk.keymap_problems import KeymapError, KeymapProblem, problem
from kbapi.qmk.keymap_render import KEYMAP_C_TEMPLATE, keymap_c
from kbapi.qmk.keymap_shape import REQUIRED_FIELDS, structure_problems

__all__ = [
    "FIELD_ORDER",
    "KEYBOARD_PATTERN",
    "KEYMAP_C_TEMPLATE",
    "REQUIRED_FIELDS",
    "Keymap",
    "KeymapError",
    "KeymapProblem",
    "keyboard_name_problem",
    "keymap_c",
    "keymap_name_problem",
    "structure_problems",
    "validate_keymap",
]

# Configurator export order first, then the other keymap.json fields.
FIELD_ORDER: Final = (
    "version",
    "notes",
    "documentation",
    "keyboard",
    "keymap",
    "layout",
    "layers",
    "author",
    "converter",
    "host_language",
    "encoders",
    "macros",
    "keycodes",
    "config",
    "branch",
)


@dataclass(frozen=True, kw_only=True)
class Keymap:
    """A QMK keymap as sent to `POST /v1/compile` (keymap.json / Configurator export fields).

    Unknown fields land in `extra` and are written back by `to_dict`, so nothing is lost on a
    round trip. Optional fields are None when absent; a JSON `null` counts as absent, as in QMK.
    `keymap` may be absent (QMK's schema does not require it), but the compile API needs it.
    """

    keyboard: str
    layout: str
    layers: tuple[tuple[str, ...], ...]
    keymap: str | None = None
    author: str | None = None
    notes: str | None = None
    version: int | None = None
    documentation: str | None = None
    converter: str | None = None
    host_language: str | None = None
    encoders: list[list[dict[str, str]]] | None = None
    macros: list[list[str | dict[str, Any]]] | None = None
    keycodes: list[dict[str, Any]] | None = None
    config: dict[str, Any] | None = None
    branch: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: object) -> Keymap:
        """Build from a parsed keymap JSON object; raise `KeymapError` if its shape is wrong."""
        problems = structure_problems(data)
        if problems:
            raise KeymapError(problems)
        assert isinstance(data, Mapping)  # structure_problems rejects everything else
        try:
            source = copy.deepcopy({k: v for k, v in data.items() if v is not None})
        except RecursionError:  # valid JSON can nest deeper than deepcopy recurses
            raise KeymapError([problem("a value is nested too deeply to copy", "type")]) from None
        known = {k: v for k, v in source.items() if k in FIELD_ORDER}
        extra = {k: v for k, v in source.items() if k not in FIELD_ORDER}
        known["layers"] = tuple(tuple(layer) for layer in known["layers"])
        return cls(**known, extra=extra)

    @classmethod
    def from_json(cls, text: str | bytes) -> Keymap:
        """Parse keymap JSON text."""
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise KeymapError([problem(f"not valid JSON: {exc}", "json")]) from exc
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Path) -> Keymap:
        """Read a Configurator export or a keymap.json file.

        A keymap.json inside a qmk_firmware tree (`keyboards/<kb>/keymaps/<km>/keymap.json`) may
        omit `keyboard` and `keymap`; they are then taken from its path, as `qmk compile` does.
        """
        path = Path(path)
        data = read_json(path)
        if isinstance(data, dict):
            for key, value in _names_from_path(path).items():
                if data.get(key) is None:
                    data[key] = value
        return cls.from_dict(data)

    def to_dict(self) -> dict[str, Any]:
        """The keymap as a JSON-ready dict (a fresh copy, absent fields left out)."""
        out: dict[str, Any] = {}
        for name in FIELD_ORDER:
            value = getattr(self, name)
            if name == "layers":
                out[name] = [list(layer) for layer in value]
            elif value is not None:
                out[name] = copy.deepcopy(value)
        for key, value in self.extra.items():
            if value is not None:
                out[key] = copy.deepcopy(value)
        return out

    def to_json(self, *, indent: int | None = 2) -> str:
        """The keymap as JSON text, ready for `POST /v1/compile` or `qmk compile`."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def validate(self, info: KeyboardInfo | None = None) -> list[KeymapProblem]:
        """Every problem found; with `info`, also the layout name and each layer's key count."""
        problems = name_problems(self)
        problems += layer_problems(self, info)
        problems += encoder_problems(self, info)
        problems += macro_problems(self)
        return problems

    def check(self, info: KeyboardInfo | None = None) -> Keymap:
        """Return self if `validate` finds nothing, else raise `KeymapError` with all problems."""
        problems = self.validate(info)
        if problems:
            raise KeymapError(problems)
        return self


def read_json(path: Path) -> Any:
    """The JSON value in the file `path`; `KeymapError` if it is not UTF-8 JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, RecursionError) as exc:
        raise KeymapError([problem(f"{path}: not valid JSON: {exc}", "json")]) from exc


def validate_keymap(data: object, info: KeyboardInfo | None = None) -> list[KeymapProblem]:
    """Validate a parsed JSON value: its shape problems, else all `Keymap.validate` finds."""
    problems = structure_problems(data)
    if problems:
        return problems
    return Keymap.from_dict(data).validate(info)


def _names_from_path(path: Path) -> dict[str, str]:
    parts = path.resolve().parts
    if path.name != "keymap.json" or "keymaps" not in parts[:-1]:
        return {}
    at = len(parts) - 1 - parts[::-1].index("keymaps")
    names: dict[str, str] = {}
    if at + 1 < len(parts) - 1:
        names["keymap"] = parts[at + 1]
    if "keyboards" in parts[:at]:
        start = len(parts[:at]) - parts[:at][::-1].index("keyboards")
        if start < at:
            names["keyboard"] = "/".join(parts[start:at])
    return names
