"""`kbapi qmk` commands against the QMK mock over loopback (typer's CliRunner, real sockets)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from kbapi._data import data_file
from kbapi.cli import app
from kbapi.mock.qmk import QMKMockConfig, create_qmk_app
from kbapi.qmk import Keymap, keymap_c
from kbapi.testing import serve
from typer.testing import CliRunner

from tests.support.recorder import Recorder

KEYMAPS = sorted(p.name for p in Path(str(data_file("qmk_keymaps"))).iterdir())
runner = CliRunner()


@pytest.fixture(scope="module")
def mock() -> Iterator[tuple[str, Recorder]]:
    log = Recorder(create_qmk_app(QMKMockConfig(queue_seconds=0, run_seconds=0)))
    with serve(log) as url:
        yield url, log


def keymap_file(name: str) -> Path:
    return Path(str(data_file("qmk_keymaps", name)))


@pytest.mark.parametrize("name", KEYMAPS)
def test_compile_leaves_the_firmware_in_the_out_folder(
    mock: tuple[str, Recorder], name: str, tmp_path: Path
) -> None:
    keymap = Keymap.load(keymap_file(name))
    result = runner.invoke(
        app,
        ["qmk", "compile", str(keymap_file(name)), "--out", str(tmp_path)],
        env={"KBAPI_QMK_URL": mock[0]},
    )
    assert result.exit_code == 0, result.output
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].name.startswith(keymap.keyboard.replace("/", "_"))
    assert str(files[0]) in result.output


def test_validate_refuses_a_wrong_length_layer_before_anything_is_sent(
    mock: tuple[str, Recorder], tmp_path: Path
) -> None:
    body = json.loads(keymap_file("crkbd_rev1_default.json").read_text())
    body["layers"][2].append("KC_A")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(body))
    posts = mock[1].count(method="POST")
    # validate's check failed (1); compile refuses its bad input (2).
    for command, status in (
        (["validate", str(bad)], 1),
        (["compile", str(bad), "-o", str(tmp_path)], 2),
    ):
        result = runner.invoke(app, ["qmk", *command, "--base-url", mock[0]])
        assert result.exit_code == status, result.output
        assert "layer 2 has 43 keys, LAYOUT_split_3x6_3 expects 42" in result.output
    assert mock[1].count(method="POST") == posts
    assert list(tmp_path.iterdir()) == [bad]


def test_compile_without_check_prints_the_build_output_and_fails(
    mock: tuple[str, Recorder], tmp_path: Path
) -> None:
    body = json.loads(keymap_file("planck_rev6_default.json").read_text())
    body["layers"][0][3] = "KC-NOPE"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(body))
    result = runner.invoke(
        app, ["qmk", "compile", str(bad), "--no-check", "--base-url", mock[0], "-o", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "'KC-NOPE' undeclared" in result.output and "build failed" in result.output


def test_validate_offline_and_keymap_c(tmp_path: Path) -> None:
    path = keymap_file("1upkeyboards_super16_default.json")
    ok = runner.invoke(app, ["qmk", "validate", str(path), "--offline"])
    assert ok.exit_code == 0 and "ok" in ok.output
    result = runner.invoke(app, ["qmk", "keymap-c", str(path)])
    assert result.exit_code == 0
    assert result.stdout == keymap_c(Keymap.load(path))
    assert "LAYOUT_ortho_4x4(RM_TOGG, KC_1" in result.stdout


def test_keyboards_info_and_status(mock: tuple[str, Recorder]) -> None:
    env = {"KBAPI_QMK_URL": mock[0]}
    found = runner.invoke(app, ["qmk", "keyboards", "onekey"], env=env)
    assert found.stdout.split() == ["handwired/onekey/kb2040", "handwired/onekey/promicro"]
    assert runner.invoke(app, ["qmk", "keyboards", "zzz"], env=env).exit_code == 1
    info = runner.invoke(app, ["qmk", "info", "planck/rev6"], env=env)
    assert info.exit_code == 0 and "LAYOUT_ortho_4x12" in info.output and "48" in info.output
    missing = runner.invoke(app, ["qmk", "status", "no-such-job"], env=env)
    assert missing.exit_code == 2 and "no such job" in missing.output
