"""Fixture keyboards of the QMK mock (pure data from `kbapi._data`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kbapi._data import data_file

KeyboardInfo = Mapping[str, Any]


def load_keyboards() -> dict[str, dict[str, Any]]:
    """Return the packaged fixture keyboards (`kbapi/_data/qmk_keyboards.json`)."""
    data = json.loads(data_file("qmk_keyboards.json").read_text(encoding="utf-8"))
    return dict(data["keyboards"])


def load_default_keymap(keyboard: str) -> dict[str, Any] | None:
    """Return the packaged default keymap JSON of `keyboard`, or None."""
    node = data_file("qmk_keymaps", f"{keyboard.replace('/', '_')}_default.json")
    if not node.is_file():
        return None
    return dict(json.loads(node.read_text(encoding="utf-8")))


def resolve_layout(info: KeyboardInfo, layout: str) -> list[Any] | None:
    """Return the key list of `layout` (after `layout_aliases`), or None if the board lacks it."""
    layouts = info.get("layouts") or {}
    name = (info.get("layout_aliases") or {}).get(layout, layout)
    entry = layouts.get(name)
    if not isinstance(entry, Mapping):
        return None
    keys = entry.get("layout")
    return list(keys) if isinstance(keys, list) else None


def firmware_format(info: KeyboardInfo) -> str:
    """Return the firmware file extension for the board's processor: `hex`, `bin` or `uf2`."""
    processor = str(info.get("processor", "")).lower()
    if processor.startswith(("atmega", "at90usb", "attiny")):
        return "hex"
    if processor.startswith("rp2040"):
        return "uf2"
    return "bin"
