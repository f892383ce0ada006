"""tools/gen_qmk_keycodes.py merges QMK's keycode hjson files as `qmk generate-keycodes` does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[2] / "tools" / "gen_qmk_keycodes.py"

BASE_001 = """{
    // comments and newline-separated list items, as in QMK's files
    "ranges": {"0x0000/0x00FF": {"define": "QK_BASIC"}, "0x7E00/0x00FF": {"define": "QK_OLD"}},
    "keycodes": {}
}"""
BASIC_001 = """{
    "keycodes": {
        "0x0004": {"group": "basic", "key": "KC_A"},
        "0x00CD": {"group": "mouse", "key": "KC_MS_UP", "aliases": ["KC_MS_U"]},
        "0x00D1": {"group": "mouse", "key": "KC_MS_BTN1", "aliases": ["KC_BTN1"
                                                                      "KC_B1"]},
        /* gone in the next version */
        "0x00F0": {"group": "basic", "key": "KC_GONE"}
    }
}"""
BASE_002 = """{"ranges": {"0x7E00/0x00FF": "!delete!", "0x7E00/0x003F": {"define": "QK_KB"}}}"""
BASIC_002 = """{
    "keycodes": {
        "0x00CD": {"key": "QK_MOUSE_CURSOR_UP", "aliases": ["!reset!", "MS_UP"]},
        "0x00D1": {"key": "QK_MOUSE_BUTTON_1", "aliases": ["MS_BTN1"]},
        "0x00F0": "!delete!",
    }
}"""
MIDI_002 = """{"keycodes": {"!reset!": 0, "0x7100": {"key": "QK_MIDI_ON", "aliases": ["MI_ON"]}}}"""
MIDI_001 = """{"keycodes": {"0x5C2C": {"key": "MI_ON_OLD"}}}"""


def _tree(root: Path) -> Path:
    folder = root / "data" / "constants" / "keycodes"
    folder.mkdir(parents=True)
    files = {
        "keycodes_0.0.1.hjson": BASE_001,
        "keycodes_0.0.1_basic.hjson": BASIC_001,
        "keycodes_0.0.1_midi.hjson": MIDI_001,
        "keycodes_0.0.2.hjson": BASE_002,
        "keycodes_0.0.2_basic.hjson": BASIC_002,
        "keycodes_0.0.2_midi.hjson": MIDI_002,
    }
    for name, text in files.items():
        (folder / name).write_text(text)
    return root


def test_versions_and_fragments_merge_like_qmk(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(TOOL), str(_tree(tmp_path)), "--commit", "0" * 40, "--dump-spec"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    spec = json.loads(result.stdout)
    assert spec["version"] == "0.0.2"
    assert spec["ranges"] == {
        "0x0000/0x00FF": {"define": "QK_BASIC"},
        "0x7E00/0x003F": {"define": "QK_KB"},
    }
    keycodes = spec["keycodes"]
    assert keycodes["0x00CD"] == {
        "group": "mouse",
        "key": "QK_MOUSE_CURSOR_UP",
        "aliases": ["MS_UP"],
    }
    assert keycodes["0x00D1"]["aliases"] == ["KC_BTN1", "KC_B1", "MS_BTN1"]  # lists append
    assert "0x00F0" not in keycodes  # "!delete!"
    assert "0x5C2C" not in keycodes and keycodes["0x7100"]["key"] == "QK_MIDI_ON"  # "!reset!": 0
    assert keycodes["0x0004"] == {"group": "basic", "key": "KC_A"}
