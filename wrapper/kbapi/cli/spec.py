"""`kbapi spec`: the OpenAPI specs shipped in the wheel, for clients in other languages."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Annotated

import typer

from kbapi._data import data_file
from kbapi._specs import NAMES, spec_path

NOTES = "CODEGEN.md"
HELP = (
    "The handwritten OpenAPI 3.1 specs kbapi is built from (" + ", ".join(NAMES) + "). "
    "`export DIR` writes them with codegen notes (tested generator commands for Go, Java, "
    "TypeScript; type mappings; known generator warnings), so a client in any language can be "
    "generated without the kbapi repository."
)

app = typer.Typer(help=HELP, no_args_is_help=True)


def _path(name: str) -> Path:
    try:
        return spec_path(name)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="NAME") from exc


@app.command("path")
def path(name: Annotated[str, typer.Argument(help="One of: " + ", ".join(NAMES))]) -> None:
    """Print the file path of the packaged spec NAME."""
    typer.echo(str(_path(name)))


@app.command("export")
def export(
    directory: Annotated[Path, typer.Argument(help="Folder to write to (created if missing).")],
) -> None:
    """Write every spec as NAME.yaml and the codegen notes as CODEGEN.md into DIRECTORY."""
    if directory.exists() and not directory.is_dir():
        raise typer.BadParameter(f"{directory} is not a folder", param_hint="DIRECTORY")
    directory.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        target = directory / f"{name}.yaml"
        shutil.copyfile(_path(name), target)
        typer.echo(str(target))
    notes = directory / NOTES
    notes.write_bytes(data_file("codegen.md").read_bytes())
    typer.echo(str(notes))
