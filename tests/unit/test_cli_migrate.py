"""`kbapi qmk migrate`: removed keycodes rewritten, the rest kept, the result checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from kbapi.cli import app
from typer.testing import CliRunner

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "keymaps"
runner = CliRunner()


def _flat(text: str) -> str:
    """The output with rich's line wrapping undone."""
    return " ".join(text.split())


def test_migrate_writes_a_keymap_that_validates(tmp_path: Path) -> None:
    source = CORPUS / "kemmeldev.json"
    out = tmp_path / "fixed.json"
    result = runner.invoke(app, ["qmk", "migrate", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "KC_GESC -> QK_GESC" in _flat(result.output) and "RGB_TOG -> UG_TOGG" in _flat(
        result.output
    )
    fixed = json.loads(out.read_text())
    codes = {code for layer in fixed["layers"] for code in layer}
    assert {"QK_GESC", "MS_BTN1", "MS_UP", "MS_WHLU", "UG_TOGG"} <= codes
    assert not codes & {"KC_GESC", "KC_BTN1", "KC_MS_U", "KC_WH_U", "RGB_TOG"}
    check = runner.invoke(app, ["qmk", "validate", "--offline", str(out)])
    assert check.exit_code == 0, check.output


def test_migrate_in_place_and_to_stdout(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    body = {"keyboard": "dz60", "keymap": "k", "layout": "LAYOUT", "layers": [["  RESET", "KC_A"]]}
    path.write_text(json.dumps(body))
    printed = runner.invoke(app, ["qmk", "migrate", str(path)])
    assert printed.exit_code == 0 and '"  QK_BOOT"' in printed.stdout
    assert json.loads(path.read_text()) == body  # stdout only: the file is untouched
    result = runner.invoke(app, ["qmk", "migrate", "--in-place", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(path.read_text())["layers"] == [["  QK_BOOT", "KC_A"]]


def test_migrate_reports_what_it_cannot_fix(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    body = {
        "keyboard": "dz60",
        "keymap": "k",
        "layout": "LAYOUT",
        "layers": [["KC_NOPE", "RGB_MOD"]],
    }
    path.write_text(json.dumps(body))
    result = runner.invoke(app, ["qmk", "migrate", str(path), "-o", str(tmp_path / "o.json")])
    assert result.exit_code == 1
    assert "RGB_MOD -> UG_NEXT" in _flat(result.output) and "still: " in _flat(result.output)
    assert "unknown keycode KC_NOPE" in _flat(result.output)


def test_migrate_refuses_what_is_not_a_json_object(tmp_path: Path) -> None:
    path = tmp_path / "k.json"
    path.write_text("[1, 2]")
    result = runner.invoke(app, ["qmk", "migrate", str(path)])
    assert result.exit_code == 2 and "not a JSON object" in _flat(result.output)  # bad input
    for bad in (b"{nope", b"\xff\xfe{}", b"[" * 100_000 + b"]" * 100_000):  # not UTF-8, too deep
        path.write_bytes(bad)
        result = runner.invoke(app, ["qmk", "migrate", str(path)])
        assert result.exit_code == 2 and "not valid JSON" in _flat(result.output)


@pytest.mark.parametrize(
    "name", sorted(p.name for p in CORPUS.glob("*.json") if p.name != "corpus.json")
)
@pytest.mark.parametrize("command", [["validate", "--offline"], ["keymap-c"], ["migrate"]])
def test_no_command_ends_in_a_traceback_on_the_corpus(name: str, command: list[str]) -> None:
    result = runner.invoke(app, ["qmk", *command, str(CORPUS / name)])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
