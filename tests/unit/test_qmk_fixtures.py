"""The packaged QMK fixture keyboards and default keymaps agree with reference §12."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from kbapi._data import data_file

pytestmark = pytest.mark.fixture_check

KEYBOARD_NAME = re.compile(r"^[0-9a-z][0-9a-z_/]*$")
LAYOUT_NAME = re.compile(r"^LAYOUT(_[0-9a-zA-Z_]*)?$")

# keyboard -> {macro: key count}; the macros and counts of the reference §12 table.
EXPECTED_COUNTS: dict[str, dict[str, int]] = {
    "handwired/onekey/kb2040": {"LAYOUT_ortho_1x1": 1},
    "handwired/onekey/promicro": {"LAYOUT_ortho_1x1": 1},
    "1upkeyboards/super16": {"LAYOUT_ortho_4x4": 16, "LAYOUT_numpad_4x4": 13},
    "40percentclub/gherkin/pro_micro": {"LAYOUT_ortho_3x10": 30},
    "ferris/sweep": {"LAYOUT_split_3x5_2": 34},
    "crkbd/rev1": {"LAYOUT_split_3x6_3": 42},
    "planck/rev6": {
        "LAYOUT_ortho_4x12": 48,
        "LAYOUT_planck_1x2uC": 47,
        "LAYOUT_planck_1x2uL": 47,
        "LAYOUT_planck_1x2uR": 47,
        "LAYOUT_planck_2x2u": 46,
    },
    "preonic/rev3": {"LAYOUT_ortho_5x12": 60},
    "dz60": {"LAYOUT": 67},
    "clueboard/66/rev3": {"LAYOUT_66_ansi": 66, "LAYOUT_66_iso": 67, "LAYOUT_all": 73},
    "clueboard/66/rev2": {"LAYOUT_66_ansi": 66, "LAYOUT_66_iso": 67, "LAYOUT_all": 73},
    "ergodox_ez/base": {"LAYOUT_ergodox_pretty": 76},
    "newgame40": {"LAYOUT_ortho_4x10": 40},
}

EXPECTED_ALIASES: dict[str, dict[str, str]] = {
    "planck/rev6": {
        "LAYOUT": "LAYOUT_ortho_4x12",
        "LAYOUT_planck_grid": "LAYOUT_ortho_4x12",
        "LAYOUT_planck_mit": "LAYOUT_planck_1x2uC",
    },
    "preonic/rev3": {"LAYOUT_preonic_grid": "LAYOUT_ortho_5x12"},
    "clueboard/66/rev3": {"LAYOUT": "LAYOUT_all"},
    "clueboard/66/rev2": {"LAYOUT": "LAYOUT_all"},
}

EXPECTED_MCU = {
    "handwired/onekey/kb2040": ("RP2040", "rp2040", "arm"),
    "handwired/onekey/promicro": ("atmega32u4", "caterina", "avr"),
    "1upkeyboards/super16": ("atmega32u4", "caterina", "avr"),
    "planck/rev6": ("STM32F303", "stm32-dfu", "arm"),
    "preonic/rev3": ("STM32F303", "stm32-dfu", "arm"),
    "clueboard/66/rev3": ("atmega32u4", "atmel-dfu", "avr"),
}

REQUIRED_INFO_FIELDS = (
    "keyboard_name",
    "keyboard_folder",
    "manufacturer",
    "maintainer",
    "url",
    "processor",
    "bootloader",
    "platform",
    "protocol",
    "processor_type",
    "usb",
    "matrix_size",
    "features",
    "community_layouts",
    "layout_aliases",
    "layouts",
    "keymaps",
    "parse_errors",
    "parse_warnings",
)


def _document() -> dict[str, Any]:
    return dict(json.loads(data_file("qmk_keyboards.json").read_text(encoding="utf-8")))


def _keyboards() -> dict[str, dict[str, Any]]:
    return dict(_document()["keyboards"])


def _keymap(keyboard: str) -> dict[str, Any]:
    node = data_file("qmk_keymaps", f"{keyboard.replace('/', '_')}_default.json")
    return dict(json.loads(node.read_text(encoding="utf-8")))


def _layout_keys(info: dict[str, Any], name: str) -> list[dict[str, Any]]:
    target = info["layout_aliases"].get(name, name)
    return list(info["layouts"][target]["layout"])


def test_document_has_the_keyboards_qmk_fm_wrapper() -> None:
    doc = _document()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT", doc["last_updated"])
    assert set(doc["keyboards"]) >= set(EXPECTED_COUNTS)


@pytest.mark.parametrize("keyboard", sorted(EXPECTED_COUNTS))
def test_layout_key_counts_match_the_reference(keyboard: str) -> None:
    info = _keyboards()[keyboard]
    for layout, count in EXPECTED_COUNTS[keyboard].items():
        assert len(info["layouts"][layout]["layout"]) == count, layout


@pytest.mark.parametrize("keyboard", sorted(EXPECTED_COUNTS))
def test_info_object_fields(keyboard: str) -> None:
    info = _keyboards()[keyboard]
    missing = [field for field in REQUIRED_INFO_FIELDS if field not in info]
    assert missing == []
    assert info["keyboard_folder"] == keyboard
    assert KEYBOARD_NAME.fullmatch(keyboard) and "." not in keyboard
    assert info["processor_type"] in ("avr", "arm")
    assert set(info["usb"]) == {"vid", "pid", "device_version"}
    assert info["keymaps"] == {"default": {"url": ""}}
    assert info["parse_errors"] == [] and info["parse_warnings"] == []


@pytest.mark.parametrize("keyboard", sorted(EXPECTED_COUNTS))
def test_keys_are_well_formed_and_inside_the_matrix(keyboard: str) -> None:
    info = _keyboards()[keyboard]
    rows, cols = info["matrix_size"]["rows"], info["matrix_size"]["cols"]
    allowed = {"matrix", "x", "y", "w", "h", "label"}
    for name, layout in info["layouts"].items():
        assert LAYOUT_NAME.fullmatch(name)
        positions = [tuple(key["matrix"]) for key in layout["layout"]]
        assert len(positions) == len(set(positions)), f"{name}: duplicate matrix positions"
        for key in layout["layout"]:
            assert set(key) <= allowed and {"x", "y", "matrix"} <= set(key)
            row, col = key["matrix"]
            assert 0 <= row < rows and 0 <= col < cols, (name, key)


@pytest.mark.parametrize("keyboard", sorted(EXPECTED_ALIASES))
def test_aliases_resolve_to_real_layouts(keyboard: str) -> None:
    info = _keyboards()[keyboard]
    assert info["layout_aliases"] == EXPECTED_ALIASES[keyboard]
    for target in info["layout_aliases"].values():
        assert target in info["layouts"]


def test_every_alias_of_every_board_resolves() -> None:
    for keyboard, info in _keyboards().items():
        for alias, target in info["layout_aliases"].items():
            assert alias not in info["layouts"], (keyboard, alias)
            assert target in info["layouts"], (keyboard, alias)


@pytest.mark.parametrize("keyboard", sorted(EXPECTED_MCU))
def test_processor_and_bootloader(keyboard: str) -> None:
    info = _keyboards()[keyboard]
    processor, bootloader, kind = EXPECTED_MCU[keyboard]
    assert (info["processor"], info["bootloader"], info["processor_type"]) == (
        processor,
        bootloader,
        kind,
    )


def test_super16_coordinates_are_exact() -> None:
    info = _keyboards()["1upkeyboards/super16"]
    assert info["usb"]["vid"] == "0x6F75" and info["usb"]["pid"] == "0x5516"
    grid = info["layouts"]["LAYOUT_ortho_4x4"]["layout"]
    assert grid == [{"matrix": [i // 4, i % 4], "x": i % 4, "y": i // 4} for i in range(16)]
    numpad = info["layouts"]["LAYOUT_numpad_4x4"]["layout"]
    assert [(k["matrix"], k["x"], k["y"], k.get("w", 1), k.get("h", 1)) for k in numpad] == [
        ([0, 0], 0, 0, 1, 1),
        ([0, 1], 1, 0, 1, 1),
        ([0, 2], 2, 0, 1, 1),
        ([0, 3], 3, 0, 1, 2),
        ([1, 0], 0, 1, 1, 1),
        ([1, 1], 1, 1, 1, 1),
        ([1, 2], 2, 1, 1, 1),
        ([2, 0], 0, 2, 1, 1),
        ([2, 1], 1, 2, 1, 1),
        ([2, 2], 2, 2, 1, 1),
        ([2, 3], 3, 2, 1, 2),
        ([3, 1], 0, 3, 2, 1),
        ([3, 2], 2, 3, 1, 1),
    ]


def test_planck_coordinates_are_exact() -> None:
    layouts = _keyboards()["planck/rev6"]["layouts"]
    bottom = [[3, 0], [3, 1], [3, 2], [7, 3], [7, 4], [7, 5], [7, 0], [7, 1], [7, 2], [3, 3]]
    bottom += [[3, 4], [3, 5]]
    grid = layouts["LAYOUT_ortho_4x12"]["layout"]
    for i, key in enumerate(grid):
        x, y = i % 12, i // 12
        matrix = bottom[x] if y == 3 else ([y, x] if x < 6 else [y + 4, x - 6])
        assert key == {"matrix": matrix, "x": x, "y": y}, i
    mit = layouts["LAYOUT_planck_1x2uC"]["layout"]
    assert mit[:41] == grid[:41]
    assert mit[41] == {"matrix": [7, 0], "x": 5, "y": 3, "w": 2}
    assert mit[42:] == grid[43:]


def test_clueboard_66_ansi_geometry() -> None:
    keys = _keyboards()["clueboard/66/rev3"]["layouts"]["LAYOUT_66_ansi"]["layout"]
    rows = [sum(1 for k in keys if k["y"] == y) for y in range(5)]
    assert rows == [15, 15, 13, 13, 10]
    assert all(k.get("label") for k in keys)

    def at(x: float, y: float) -> dict[str, Any]:
        return next(k for k in keys if k["x"] == x and k["y"] == y)

    assert at(13, 0)["w"] == 2
    assert at(0, 1)["w"] == 1.5 and at(0, 2)["w"] == 1.75
    assert at(12.75, 2)["w"] == 2.25 and at(0, 3)["w"] == 2.25 and at(12.25, 3)["w"] == 2.25
    space = at(3.75, 4)
    assert space["w"] == 6 and space["matrix"] == [4, 6]
    assert {k["x"] for k in keys if k["y"] in (3, 4) and k["x"] >= 13.5} == {13.5, 14.5, 15.5}
    assert [k["y"] for k in keys if k["x"] == 15.5] == [0, 1, 4]


def _all_boards() -> list[str]:
    return sorted(_keyboards())


@pytest.mark.parametrize("keyboard", _all_boards())
def test_default_keymap_matches_its_layout(keyboard: str) -> None:
    info = _keyboards()[keyboard]
    keymap = _keymap(keyboard)
    assert list(keymap)[:3] == ["version", "notes", "documentation"]
    assert keymap["keyboard"] == keyboard and keymap["keymap"] == "default"
    count = len(_layout_keys(info, keymap["layout"]))
    assert keymap["layers"], "no layers"
    for index, layer in enumerate(keymap["layers"]):
        assert len(layer) == count, f"layer {index}"
        assert all(isinstance(code, str) and code for code in layer)
        assert "RESET" not in layer


def test_super16_default_is_the_reference_body() -> None:
    keymap = _keymap("1upkeyboards/super16")
    row = ["RM_TOGG", "KC_1", "KC_U", "KC_P", "RM_NEXT", "KC_1", "KC_U", "KC_P"]
    assert {k: keymap[k] for k in ("keyboard", "keymap", "layout", "layers")} == {
        "keyboard": "1upkeyboards/super16",
        "keymap": "default",
        "layout": "LAYOUT_ortho_4x4",
        "layers": [row + row],
    }


def test_clueboard_rev2_default_is_the_docs_example_style() -> None:
    keymap = _keymap("clueboard/66/rev2")
    assert keymap["layout"] == "LAYOUT_all"
    assert [len(layer) for layer in keymap["layers"]] == [73, 73, 73]
    assert keymap["layers"][0][:3] == ["KC_GRV", "KC_1", "KC_2"]


def test_onekey_default_is_kc_a() -> None:
    for board in ("handwired/onekey/kb2040", "handwired/onekey/promicro"):
        assert _keymap(board)["layers"] == [["KC_A"]]
