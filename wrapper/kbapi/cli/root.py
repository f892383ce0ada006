"""The `kbapi` typer app.

`mock` and `contract` need their own extras and import slowly (uvicorn, schemathesis), so they
are loaded only when they run: `kbapi --help` and `kbapi qmk ...` never import them. Without
their extra they are still listed, and running one names the extra to install (exit 2).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

from kbapi.cli import q, qmk, spec

if TYPE_CHECKING:
    # typer vendors click as typer._click: TyperGroup's methods take its types.
    from typer._click import Command, Context, HelpFormatter


class Optional(NamedTuple):
    module: str
    install: str
    summary: str  # shown by `kbapi --help` without importing the module


OPTIONAL = {
    "mock": Optional(
        "kbapi.cli.mock",
        "pip install 'kbapi[cli,mock]'",
        "Run the QMK and Das Keyboard Q mock servers in one process.",
    ),
    "contract": Optional(
        "kbapi.cli.contract",  # the `contract` extra includes `cli`
        "pip install 'kbapi[contract]'",
        "Contract-test a server against the OpenAPI specs shipped with kbapi.",
    ),
}


def load(name: str) -> Command:
    """The command group `name`, or a stand-in when its extra is missing."""
    try:
        group: typer.Typer = import_module(OPTIONAL[name].module).app
    except ModuleNotFoundError as exc:
        missing = exc.name or "?"
        if missing.partition(".")[0] == "kbapi":
            raise  # one of our own modules is missing: a broken install, not an extra
        return stand_in(name, missing)
    command = typer.main.get_group(group)  # as add_typer would: no completion options
    command.name = name
    return command


def stand_in(name: str, missing: str) -> Command:
    """A command that accepts anything (even --help) and only says which extra to install."""
    message = f"kbapi {name} needs the '{name}' extra ({missing} is not installed): "
    message += OPTIONAL[name].install

    def explain() -> None:
        typer.echo(message, err=True)
        raise typer.Exit(2)

    return TyperCommand(
        name,
        callback=explain,
        help=message,
        add_help_option=False,
        context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    )


class LazyGroup(TyperGroup):
    """The top-level group: the commands of OPTIONAL are imported when they are invoked."""

    listing = False

    def list_commands(self, ctx: Context) -> list[str]:
        return [*super().list_commands(ctx), *OPTIONAL]

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in OPTIONAL:
            return super().get_command(ctx, cmd_name)
        if self.listing:
            return TyperCommand(cmd_name, help=OPTIONAL[cmd_name].summary)
        return load(cmd_name)

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        self.listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self.listing = False


app = typer.Typer(
    name="kbapi",
    cls=LazyGroup,
    help="Compile QMK firmware, light Das Keyboard Q keys, run mock servers and contract tests.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(qmk.app, name="qmk")
app.add_typer(q.app, name="q")
app.add_typer(spec.app, name="spec")
