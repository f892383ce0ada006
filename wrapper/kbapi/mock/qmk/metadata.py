"""Bodies of the keyboards.qmk.fm mirror and of the keyboard-related `/v1` routes."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any

from kbapi.mock.qmk.fixtures import KeyboardInfo


def last_updated(timestamp: float) -> str:
    """keyboards.qmk.fm's `last_updated` format: ``2022-03-26 01:07:21 GMT``."""
    return time.strftime("%Y-%m-%d %H:%M:%S GMT", time.gmtime(timestamp))


def usb_table(keyboards: Mapping[str, KeyboardInfo]) -> dict[str, Any]:
    """`{vid: {pid: {kb: {vid, pid, device_version}}}}` as in usb.json."""
    table: dict[str, Any] = {}
    for name in sorted(keyboards):
        usb = keyboards[name].get("usb")
        if not isinstance(usb, Mapping) or "vid" not in usb or "pid" not in usb:
            continue
        entry = {k: usb[k] for k in ("vid", "pid", "device_version") if k in usb}
        table.setdefault(usb["vid"], {}).setdefault(usb["pid"], {})[name] = entry
    return table


def build_log(keyboards: Mapping[str, KeyboardInfo], tested_at: float) -> dict[str, Any]:
    """`/v1/keyboards/build_log`: every fixture board built fine at `tested_at`."""
    return {
        name: {
            "works": True,
            "warnings": False,
            "last_tested": int(tested_at),
            "message": f"Successfully compiled {name}:default\n",
        }
        for name in sorted(keyboards)
    }


def keymap_skeleton() -> dict[str, Any]:
    """`/v1/skeletons/keymap`, including the live service's stray quotes in `documentation`."""
    documentation = (
        '"This file is a QMK Configurator export. You can import this at '
        "<https://config.qmk.fm>. It can also be used directly with QMK's source code.\n\n"
        "To setup your QMK environment check out the tutorial: <https://docs.qmk.fm/#/newbs>\n\n"
        "You can convert this file to a keymap.c using this command: `qmk json2c {keymap}`\n\n"
        'You can compile this keymap using this command: `qmk compile {keymap}`"\n'
    )
    return {
        "version": 1,
        "notes": "",
        "keyboard": None,
        "keymap": None,
        "layout": None,
        "layers": [],
        "documentation": documentation,
    }


def compile_documentation(keyboard: str, keymap: str) -> str:
    """The `documentation` text the API inserts into a submitted keymap that lacks one."""
    return (
        "This file is a configurator export. It can be used directly with QMK's source code.\n\n"
        "To setup your QMK environment check out the tutorial: https://docs.qmk.fm/#/newbs\n\n"
        "You can convert this file to a keymap.c using this command: "
        f"`qmk json2c {keyboard}_{keymap}.json`\n\n"
        f"You can compile this keymap using this command: `qmk compile {keyboard}_{keymap}.json`"
    )
