"""`kbapi spec path` and `kbapi spec export`: the packaged specs, byte for byte those in spec/."""

from __future__ import annotations

from pathlib import Path

import pytest
from kbapi.cli import app
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[2]
SPECS = ("qmk", "qmk-keyboards", "daskeyboard-q")
runner = CliRunner()


@pytest.mark.parametrize("name", SPECS)
def test_spec_path_prints_the_packaged_copy_of_the_spec(name: str) -> None:
    result = runner.invoke(app, ["spec", "path", name])
    assert result.exit_code == 0, result.output
    printed = Path(result.output.strip())
    assert printed.name == f"{name}.yaml"
    assert printed.read_bytes() == (ROOT / "spec" / f"{name}.yaml").read_bytes()


def test_spec_path_refuses_an_unknown_name_with_the_known_ones() -> None:
    result = runner.invoke(app, ["spec", "path", "qmk-v2"])
    assert result.exit_code == 2
    assert "unknown spec 'qmk-v2'" in result.output
    assert "daskeyboard-q" in result.output


def test_spec_export_writes_every_spec_and_the_codegen_notes(tmp_path: Path) -> None:
    target = tmp_path / "new" / "specs"
    result = runner.invoke(app, ["spec", "export", str(target)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == sorted(
        ["CODEGEN.md", *(f"{name}.yaml" for name in SPECS)]
    )
    for name in SPECS:
        assert (target / f"{name}.yaml").read_bytes() == (
            ROOT / "spec" / f"{name}.yaml"
        ).read_bytes()
    notes = (target / "CODEGEN.md").read_text()
    assert "## Type mappings" in notes and "## Known generator warnings" in notes
    assert str(target / "qmk.yaml") in result.output.splitlines()


def test_spec_export_overwrites_an_earlier_export(tmp_path: Path) -> None:
    (tmp_path / "qmk.yaml").write_text("stale")
    result = runner.invoke(app, ["spec", "export", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "qmk.yaml").read_bytes() == (ROOT / "spec" / "qmk.yaml").read_bytes()


def test_spec_export_refuses_a_file_as_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a short relative path keeps the message on one line
    occupied = tmp_path / "taken"
    occupied.write_text("not a folder")
    result = runner.invoke(app, ["spec", "export", "taken"])
    assert result.exit_code == 2
    assert "is not a folder" in result.output
    assert occupied.read_text() == "not a folder"
