"""`kbapi qmk keymap-c` and `kbapi qmk migrate`: keymap file in, text out, no server.

`kbapi.cli.qmk` registers them on its group; `load_keymap` is shared with its online commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from kbapi.cli.console import FAILED, err_console, reporting
from kbapi.qmk import Keymap, KeymapError, KeymapProblem, keymap_c
from kbapi.qmk.keymap import read_json
from kbapi.qmk.migrate import migrate_keymap

KeymapFile = Annotated[
    Path, typer.Argument(help="Configurator export or keymap.json.", show_default=False)
]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")
]


def load_keymap(path: Path) -> Keymap:
    """The keymap in `path`; a bad file ends the command with its problems (exit 2)."""
    with reporting():
        return Keymap.load(path)


def keymap_c_command(keymap: KeymapFile, output: Output = None) -> None:
    """Print the keymap.c that `qmk json2c` would write (offline)."""
    _emit(keymap_c(load_keymap(keymap)), output)
    if output is not None:
        err_console().print(f"wrote {output}")


def migrate(
    keymap: KeymapFile,
    output: Output = None,
    in_place: Annotated[bool, typer.Option("--in-place", "-i", help="Rewrite KEYMAP.")] = False,
) -> None:
    """Replace keycodes QMK removed (RGB_MOD, KC_BTN1, RESET, ...) as the Configurator does."""
    fixed, changes = migrate_keymap(_read_object(keymap))
    err = err_console()
    for change in changes:
        err.print(Text(f"- {change}"))
    _emit(json.dumps(fixed, indent=2, ensure_ascii=False) + "\n", keymap if in_place else output)
    err.print(f"{len(changes)} keycode{'s' if len(changes) != 1 else ''} replaced")
    try:
        remaining = Keymap.from_dict(fixed).validate()
    except KeymapError as exc:
        remaining = list(exc.problems)
    for problem in remaining:
        err.print(Text(f"- still: {problem.message}"))
    if remaining:
        raise typer.Exit(FAILED)


def _emit(text: str, target: Path | None) -> None:
    """Print `text` on standard output, or write it to `target`."""
    if target is None:
        typer.echo(text, nl=False)
        return
    with reporting():
        target.write_text(text, encoding="utf-8")


def _read_object(path: Path) -> dict[str, object]:
    """The parsed JSON object in `path`, as written (no field dropped or added)."""
    with reporting():
        data = read_json(path)
        if not isinstance(data, dict):
            raise KeymapError([KeymapProblem(f"{path} is not a JSON object", "type")])
    return data
