"""The QMK mock's fixture keyboards, served over HTTP, against facts from outside kbapi.

Expected values come from two independent places, never from kbapi's own data:
- tests/fixtures/reference/qmk-fixture-keyboards.yaml: the reference's facts (qmk_firmware
  keyboard.json at named commits, the Configurator's default keymaps), copied with their source;
- tests/fixtures/recorded/qmk/: what the real qmk_api served (recorded from f5e9a630).

What is checked is what the mock serves on loopback: the keyboard list, each board's info.json,
the compile results of each board's default keymap; and the shipped default keymaps themselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from kbapi._data import data_file
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.testing import serve

from tests.support.recorded import fixture

pytestmark = pytest.mark.fixture_check

FACTS_FILE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "reference" / "qmk-fixture-keyboards.yaml"
)


@cache
def facts() -> dict[str, Any]:
    data = yaml.safe_load(FACTS_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


REFERENCE: dict[str, dict[str, Any]] = facts()["keyboards"]
BOARDS = sorted(REFERENCE)


@pytest.fixture(scope="module")
def mock() -> Iterator[httpx.Client]:
    app = create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0))
    with serve(app) as base, httpx.Client(base_url=base, timeout=10) as client:
        yield client


@cache
def _served_info(base_url: str, keyboard: str) -> dict[str, Any]:
    response = httpx.get(f"{base_url}/metadata/v1/keyboards/{keyboard}/info.json", timeout=10)
    assert response.status_code == 200, (keyboard, response.text)
    return dict(response.json())


def served(mock: httpx.Client, keyboard: str) -> dict[str, Any]:
    """The info object the mock serves for `keyboard` (its info.json document checked)."""
    document = _served_info(str(mock.base_url).rstrip("/"), keyboard)
    assert re.fullmatch(facts()["last_updated_pattern"], document["last_updated"])
    assert list(document["keyboards"]) == [keyboard]
    return dict(document["keyboards"][keyboard])


def default_keymap(keyboard: str) -> dict[str, Any]:
    """The shipped default keymap of `keyboard` (what is under test, not an expected value)."""
    node = data_file("qmk_keymaps", f"{keyboard.replace('/', '_')}_default.json")
    return dict(json.loads(node.read_text(encoding="utf-8")))


def compiled(mock: httpx.Client, body: dict[str, Any]) -> dict[str, Any]:
    """The status of a job of `body` on the mock, which finishes at once."""
    submitted = mock.post("/v1/compile", json=body)
    assert submitted.status_code == 200, submitted.text
    answer = mock.get(f"/v1/compile/{submitted.json()['job_id']}")
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


# -- the keyboard list and each info.json ----------------------------------------------------


def test_the_mock_lists_exactly_the_reference_keyboards_sorted(mock: httpx.Client) -> None:
    # Reference §7: GET /v1/keyboards is a sorted array of folder names.
    assert mock.get("/v1/keyboards").json() == BOARDS
    assert mock.get("/v1/keyboards/build_status").json() == dict.fromkeys(BOARDS, True)


@pytest.mark.parametrize("keyboard", BOARDS)
def test_info_json_has_the_documented_fields(mock: httpx.Client, keyboard: str) -> None:
    info = served(mock, keyboard)
    assert [field for field in facts()["info_fields"] if field not in info] == []
    assert info["keyboard_folder"] == keyboard
    assert sorted(info["usb"]) == sorted(facts()["usb_fields"])
    allowed, required = set(facts()["key_fields"]), set(facts()["key_required"])
    for name, layout in info["layouts"].items():
        for key in layout["layout"]:
            assert required <= set(key) <= allowed, (name, key)


@pytest.mark.parametrize("keyboard", BOARDS)
def test_layouts_have_the_reference_key_counts(mock: httpx.Client, keyboard: str) -> None:
    info = served(mock, keyboard)
    counts = {name: len(info["layouts"][name]["layout"]) for name in REFERENCE[keyboard]["layouts"]}
    assert counts == REFERENCE[keyboard]["layouts"]


@pytest.mark.parametrize("keyboard", BOARDS)
def test_layout_aliases_include_the_reference_ones_and_resolve(
    mock: httpx.Client, keyboard: str
) -> None:
    info = served(mock, keyboard)
    # Every alias the reference names, to its target (the board may have more).
    aliases = REFERENCE[keyboard].get("aliases", {})
    assert {alias: info["layout_aliases"].get(alias) for alias in aliases} == aliases
    for alias, target in info["layout_aliases"].items():
        # Reference §7: an alias resolves to a real key of `layouts`, and is not one itself.
        assert target in info["layouts"] and alias not in info["layouts"], alias


@pytest.mark.parametrize("keyboard", sorted(k for k in BOARDS if "mcu" in REFERENCE[k]))
def test_processor_bootloader_and_usb_ids(mock: httpx.Client, keyboard: str) -> None:
    info, mcu = served(mock, keyboard), REFERENCE[keyboard]["mcu"]
    assert (info["processor"], info["bootloader"]) == (mcu["processor"], mcu["bootloader"])
    assert (info["usb"]["vid"], info["usb"]["pid"]) == (mcu["vid"], mcu["pid"])


# -- coordinates (reference §12) -------------------------------------------------------------


def _keys(mock: httpx.Client, keyboard: str, layout: str) -> list[dict[str, Any]]:
    return list(served(mock, keyboard)["layouts"][layout]["layout"])


def test_super16_grid_and_numpad(mock: httpx.Client) -> None:
    grid_facts = facts()["coordinates"]["super16_ortho_4x4"]
    columns = grid_facts["columns"]
    grid = _keys(mock, "1upkeyboards/super16", "LAYOUT_ortho_4x4")
    assert grid == [
        {"matrix": [i // columns, i % columns], "x": i % columns, "y": i // columns}
        for i in range(grid_facts["keys"])
    ]
    numpad = _keys(mock, "1upkeyboards/super16", "LAYOUT_numpad_4x4")
    assert [
        [*k["matrix"], k["x"], k["y"], k.get("w", 1), k.get("h", 1)] for k in numpad
    ] == facts()["coordinates"]["super16_numpad_4x4"]


def test_planck_grid_and_mit(mock: httpx.Client) -> None:
    grid_facts = facts()["coordinates"]["planck_ortho_4x12"]
    columns, bottom = grid_facts["columns"], grid_facts["bottom_row"]
    grid = _keys(mock, "planck/rev6", "LAYOUT_ortho_4x12")
    expected = []
    for i in range(len(grid)):
        x, y = i % columns, i // columns
        matrix = bottom[x] if y == 3 else ([y, x] if x < 6 else [y + 4, x - 6])
        expected.append({"matrix": matrix, "x": x, "y": y})
    assert grid == expected and len(grid) == 48
    merged = facts()["coordinates"]["planck_1x2uC_merged"]
    index = merged["index"]
    mit = _keys(mock, "planck/rev6", "LAYOUT_planck_1x2uC")
    assert mit == [*grid[:index], merged["key"], *grid[index + 2 :]]


def test_clueboard_66_ansi_geometry(mock: httpx.Client) -> None:
    ansi = facts()["coordinates"]["clueboard_66_ansi"]
    keys = _keys(mock, "clueboard/66/rev3", "LAYOUT_66_ansi")
    rows = [sum(1 for k in keys if k["y"] == y) for y in range(len(ansi["row_lengths"]))]
    assert rows == ansi["row_lengths"] and len(keys) == sum(rows)
    assert all(k.get("label") for k in keys)

    def at(x: float, y: float) -> dict[str, Any]:
        return next(k for k in keys if k["x"] == x and k["y"] == y)

    for x, y, width in ansi["widths"]:
        assert at(x, y)["w"] == width, (x, y)
    space = ansi["space"]
    assert at(space["x"], space["y"])["matrix"] == space["matrix"]
    assert max(k["x"] for k in keys if k["y"] in (0, 1)) == ansi["right_column_x"]
    arrows = {k["x"] for k in keys if k["y"] in (3, 4) and k["x"] >= min(ansi["arrow_xs"])}
    assert arrows == set(ansi["arrow_xs"])


# -- the default keymaps and what they build -------------------------------------------------


def _reference_count(keyboard: str, layout: str) -> int:
    reference = REFERENCE[keyboard]
    return int(reference["layouts"][reference.get("aliases", {}).get(layout, layout)])


@pytest.mark.parametrize("keyboard", BOARDS)
def test_default_keymap_fits_the_reference_layout(keyboard: str) -> None:
    keymap = default_keymap(keyboard)
    assert (keymap["keyboard"], keymap["keymap"]) == (keyboard, "default")
    # The layout is one the reference names for the board, and every layer has its key count.
    count = _reference_count(keyboard, keymap["layout"])
    assert keymap["layers"] and all(len(layer) == count for layer in keymap["layers"])
    assert all(isinstance(code, str) and code for layer in keymap["layers"] for code in layer)
    reference = REFERENCE[keyboard]
    if "default_keymap" in reference:
        assert {k: keymap[k] for k in reference["default_keymap"]} == reference["default_keymap"]
    if "default_layers" in reference:
        assert keymap["layers"] == reference["default_layers"]
    if "default_layer_lengths" in reference:
        assert [len(layer) for layer in keymap["layers"]] == reference["default_layer_lengths"]


@pytest.mark.parametrize("keyboard", BOARDS)
def test_default_keymap_builds_the_documented_firmware_name(
    mock: httpx.Client, keyboard: str
) -> None:
    job = compiled(mock, default_keymap(keyboard))
    result = job["result"]
    assert (job["status"], job["is_failed"], result["returncode"]) == ("finished", False, 0)
    # Reference §12: <keyboard with / -> _>_<keymap>.<ext>, the extension where it is known.
    stem, _, extension = result["firmware_filename"].rpartition(".")
    assert stem == f"{keyboard.replace('/', '_')}_default"
    assert extension in facts()["firmware_extensions"]
    if "firmware" in REFERENCE[keyboard]:
        assert result["firmware_filename"] == REFERENCE[keyboard]["firmware"]


# -- against the recorded real server --------------------------------------------------------


def test_the_recorded_clueboard_build_gives_the_recorded_result(mock: httpx.Client) -> None:
    recorded = fixture("ok_status_finished")["response"]["json"]["result"]
    result = compiled(mock, fixture("compile_ok")["request"]["json"])["result"]
    fields = ("keyboard", "keymap", "layout", "firmware_filename", "returncode")
    assert {f: result[f] for f in fields} == {f: recorded[f] for f in fields}
    assert result["keyboard"] in BOARDS


def test_a_keyboard_outside_the_fixtures_is_unknown_as_on_the_real_server(
    mock: httpx.Client,
) -> None:
    body = fixture("compile_unknown_keyboard")["request"]["json"]
    assert body["keyboard"] not in BOARDS
    recorded = fixture("unknown_kb_status_finished")["response"]["json"]
    job = compiled(mock, body)
    assert (job["status"], job["is_failed"]) == (recorded["status"], recorded["is_failed"])
    assert {k: job["result"][k] for k in ("output", "returncode")} == {
        k: recorded["result"][k] for k in ("output", "returncode")
    }
