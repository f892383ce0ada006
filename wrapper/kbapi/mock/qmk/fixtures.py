"""Fixture keyboards of the QMK mock (pure data from `kbapi._data`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from kbapi._data import data_file

KeyboardInfo = Mapping[str, Any]

# Used only while the packaged fixture file is missing, so the mock always has boards to serve.
_STAND_IN: dict[str, dict[str, Any]] = {
    "handwired/onekey/kb2040": {
        "keyboard_name": "Onekey KB2040",
        "keyboard_folder": "handwired/onekey/kb2040",
        "manufacturer": "none",
        "maintainer": "qmk",
        "processor": "RP2040",
        "bootloader": "rp2040",
        "platform": "RP2040",
        "protocol": "ChibiOS",
        "usb": {"vid": "0xFEED", "pid": "0x6465", "device_version": "0.0.1"},
        "layout_aliases": {},
        "layouts": {"LAYOUT_ortho_1x1": {"layout": [{"x": 0, "y": 0, "matrix": [0, 0]}]}},
    },
    "1upkeyboards/super16": {
        "keyboard_name": "super16",
        "keyboard_folder": "1upkeyboards/super16",
        "manufacturer": "1upkeyboards",
        "maintainer": "qmk",
        "processor": "atmega32u4",
        "bootloader": "caterina",
        "platform": "avr",
        "protocol": "LUFA",
        "usb": {"vid": "0x6F75", "pid": "0x5516", "device_version": "0.0.1"},
        "layout_aliases": {"LAYOUT": "LAYOUT_ortho_4x4"},
        "layouts": {
            "LAYOUT_ortho_4x4": {
                "layout": [{"matrix": [i // 4, i % 4], "x": i % 4, "y": i // 4} for i in range(16)]
            }
        },
    },
    "planck/rev6": {
        "keyboard_name": "Planck rev6",
        "keyboard_folder": "planck/rev6",
        "manufacturer": "OLKB",
        "maintainer": "qmk",
        "processor": "STM32F303",
        "bootloader": "stm32-dfu",
        "platform": "STM32",
        "protocol": "ChibiOS",
        "usb": {"vid": "0x03A8", "pid": "0xA4F9", "device_version": "0.0.6"},
        "layout_aliases": {"LAYOUT": "LAYOUT_ortho_4x12"},
        "layouts": {
            "LAYOUT_ortho_4x12": {
                "layout": [
                    {"matrix": [i // 12, i % 12], "x": i % 12, "y": i // 12} for i in range(48)
                ]
            }
        },
    },
}


def load_keyboards() -> dict[str, dict[str, Any]]:
    """Return the packaged fixture keyboards, or the small stand-in set if the file is missing."""
    node = data_file("qmk_keyboards.json")
    if not node.is_file():
        return json.loads(json.dumps(_STAND_IN))  # type: ignore[no-any-return]
    data = json.loads(node.read_text(encoding="utf-8"))
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
