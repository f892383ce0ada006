"""The corpus of real keymaps (tests/fixtures/keymaps): load, render as json2c, expected verdict.

Expected keymap.c files come from QMK's own generate_c, not from kbapi; verdicts from what current
QMK firmware does with the original file (see corpus.json).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from kbapi.qmk import Keymap, keymap_c
from kbapi.qmk.keycodes import vocabulary
from kbapi.qmk.migrate import migrate_keymap

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "keymaps"
ENTRIES: list[dict[str, Any]] = json.loads((CORPUS / "corpus.json").read_text())["keymaps"]
IDS = [entry["file"] for entry in ENTRIES]


def _load(entry: dict[str, Any]) -> Keymap:
    return Keymap.load(CORPUS / entry["file"])


def test_the_corpus_covers_every_verdict_and_kind() -> None:
    assert {e["verdict"] for e in ENTRIES} == {"ok", "removed", "syntax"}
    assert {e["kind"] for e in ENTRIES} == {"configurator-default", "user-export"}
    assert all(e["source"]["repository"] and len(e["source"]["commit"]) == 40 for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_each_file_loads_with_the_recorded_facts(entry: dict[str, Any]) -> None:
    keymap = _load(entry)
    facts = entry["facts"]
    assert (keymap.keyboard, keymap.keymap, keymap.layout) == (
        facts["keyboard"],
        facts["keymap"],
        facts["layout"],
    )
    assert len(keymap.layers) == facts["layers"]
    assert sorted({len(layer) for layer in keymap.layers}) == facts["keys_per_layer"]
    assert set(keymap.to_dict()) == set(facts["fields"])


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_each_file_renders_exactly_as_qmk_json2c(entry: dict[str, Any]) -> None:
    expected = (CORPUS / entry["file"]).with_suffix(".keymap.c").read_text(encoding="utf-8")
    assert keymap_c(_load(entry)) == expected


@pytest.mark.parametrize("entry", ENTRIES, ids=IDS)
def test_each_file_gets_the_expected_verdict(entry: dict[str, Any]) -> None:
    problems = _load(entry).validate()
    if entry["verdict"] == "ok":
        assert problems == [] and entry["renamed_by_configurator"] == []
        return
    if entry["verdict"] == "removed":
        # Exactly the keys the Configurator's import table renames: none passes, no other fails.
        expected = {tuple(where) for where in entry["renamed_by_configurator"]}
        assert {(p.layer, p.position) for p in problems} == expected
        assert all(p.kind == "keycode" for p in problems)
        removed = vocabulary().removed
        for problem in problems:
            name = problem.message.split(": ")[-1].split(" was removed")[0]
            assert name in removed and f"use {removed[name]}" in problem.message
    else:  # the split keycode also makes layer 0 one key longer than the others
        keycodes = [p for p in problems if p.kind == "keycode"]
        assert keycodes and all(" at position " in p.message for p in keycodes)
        assert {p.kind for p in problems} <= {"keycode", "length"}


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["verdict"] == "removed"], ids=str)
def test_migrate_turns_every_export_with_removed_keycodes_into_one_that_validates(
    entry: dict[str, Any],
) -> None:
    data = json.loads((CORPUS / entry["file"]).read_text(encoding="utf-8"))
    fixed, changes = migrate_keymap(data)
    assert changes and Keymap.from_dict(fixed).validate() == []
    assert {c.old for c in changes} <= {code for layer in data["layers"] for code in layer}
    # Nothing but keycodes changes; the rest of the file is as it was.
    assert {k: v for k, v in fixed.items() if k != "layers"} == {
        k: v for k, v in data.items() if k != "layers"
    }
