"""Rewrite keycodes QMK removed into their replacements, as the QMK Configurator does on import.

Only removed names change (`RGB_MOD` -> `UG_NEXT`, `KC_BTN1` -> `MS_BTN1`, `RESET` -> `QK_BOOT`);
valid long forms, spacing and every other field stay exactly as written.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kbapi.qmk.keycodes import migrate_keycode


@dataclass(frozen=True)
class KeycodeChange:
    """One rewritten keycode: where (`layer 2, position 5`), what it was, what it is now."""

    where: str
    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.where}: {self.old} -> {self.new}"


def migrate_keymap(data: Mapping[str, Any]) -> tuple[dict[str, Any], list[KeycodeChange]]:
    """A copy of the parsed keymap JSON `data` with removed keycodes replaced, and the changes."""
    out = copy.deepcopy(dict(data))
    changes: list[KeycodeChange] = []

    def fix(value: object, where: str) -> object:
        if not isinstance(value, str):
            return value
        new = migrate_keycode(value)
        if new != value:
            changes.append(KeycodeChange(where, value, new))
        return new

    layers = out.get("layers")
    for i, layer in enumerate(layers if isinstance(layers, list) else []):
        if isinstance(layer, list):
            layer[:] = [fix(code, f"layer {i}, position {j}") for j, code in enumerate(layer)]
    encoders = out.get("encoders")
    for i, layer in enumerate(encoders if isinstance(encoders, list) else []):
        for j, entry in enumerate(layer if isinstance(layer, list) else []):
            if isinstance(entry, dict):
                for key in ("ccw", "cw"):
                    if key in entry:
                        entry[key] = fix(entry[key], f"encoder layer {i}, encoder {j} {key}")
    return out, changes
