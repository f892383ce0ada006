"""Keymap files: names taken from a qmk_firmware path, JSON written back, the value's contract."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from kbapi.qmk import Keymap
from kbapi.qmk.keymap import KeymapError

BODY = {"layout": "LAYOUT_ortho_1x1", "layers": [["KC_A"]]}


def load(tmp_path: Path, relative: str, depth: int = 0) -> Keymap | KeymapError:
    """Write BODY at `relative` under `depth` extra folders and load it (or the error)."""
    path = tmp_path.joinpath(*[f"d{n}" for n in range(depth)], relative)
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(BODY), encoding="utf-8")
    try:
        return Keymap.load(path)
    except KeymapError as error:
        return error


@pytest.mark.parametrize("depth", [0, 1, 2, 3])
@pytest.mark.parametrize(
    ("relative", "keyboard", "keymap"),
    [
        ("keyboards/planck/rev6/keymaps/mine/keymap.json", "planck/rev6", "mine"),
        ("keyboards/dz60/keymaps/keymap.json", "dz60", None),  # no keymap folder
        ("keyboards/a/keymaps/x/keymaps/y/keymap.json", "a/keymaps/x", "y"),  # the last keymaps
    ],
)
def test_names_come_from_the_path_of_a_keymap_json(
    tmp_path: Path, depth: int, relative: str, keyboard: str, keymap: str | None
) -> None:
    loaded = load(tmp_path, relative, depth)
    assert isinstance(loaded, Keymap)
    assert (loaded.keyboard, loaded.keymap) == (keyboard, keymap)


@pytest.mark.parametrize(
    "relative",
    [
        "keyboards/keymaps/mine/keymap.json",  # no keyboard folder between
        "keymaps/mine/keymap.json",  # no keyboards folder at all
        "keyboards/dz60/keymaps/mine/a.json",  # only a file named keymap.json
        "keyboards/dz60/keymaps/mine/z.json",
        "keyboards/dz60/mine/keymap.json",  # not under keymaps
    ],
)
def test_no_keyboard_is_taken_from_other_paths(tmp_path: Path, relative: str) -> None:
    loaded = load(tmp_path, relative)
    assert isinstance(loaded, KeymapError)
    assert [p.field for p in loaded.problems] == ["keyboard"]


def test_json_text_keeps_non_ascii_characters() -> None:
    keymap = Keymap.from_dict({"keyboard": "kb", **BODY, "notes": "Überall café"})
    assert '"notes": "Überall café"' in keymap.to_json()
    assert json.loads(keymap.to_json(indent=None))["notes"] == "Überall café"


def test_a_value_nested_too_deeply_to_copy_is_a_keymap_error() -> None:
    nested: list[object] = []
    for _ in range(5000):
        nested = [nested]
    with pytest.raises(KeymapError, match="nested too deeply"):
        Keymap.from_dict({"keyboard": "kb", **BODY, "config": {"deep": nested}})


def test_a_keymap_is_an_immutable_value_built_from_keywords() -> None:
    keymap = Keymap(keyboard="kb", layout="LAYOUT", layers=(("KC_A",),))
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign"):
        keymap.keyboard = "other"  # type: ignore[misc]
    with pytest.raises(TypeError, match="positional"):
        Keymap("kb", "LAYOUT", (("KC_A",),))  # type: ignore[misc]


@pytest.mark.parametrize("text", ["{not json", b"\xff\xfe", "[" * 100_000 + "]" * 100_000])
def test_text_that_is_not_json_is_a_keymap_error(text: str | bytes) -> None:
    with pytest.raises(KeymapError, match="not valid JSON") as caught:
        Keymap.from_json(text)
    assert [p.kind for p in caught.value.problems] == ["json"]


def test_json_text_is_indented_by_two_spaces_unless_told_otherwise() -> None:
    keymap = Keymap.from_dict({"keyboard": "kb", **BODY})
    assert keymap.to_json().splitlines()[1] == '  "keyboard": "kb",'
    assert keymap.to_json(indent=None).startswith('{"keyboard": "kb", ')
    with pytest.raises(TypeError, match="positional"):
        keymap.to_json(4)  # type: ignore[misc]
