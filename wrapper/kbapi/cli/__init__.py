"""The `kbapi` command line: thin typer commands over the library modules."""

from __future__ import annotations

import typer

from kbapi.cli import contract, mock, q, qmk

app = typer.Typer(
    name="kbapi",
    help="Compile QMK firmware, light Das Keyboard Q keys, run mock servers and contract tests.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(qmk.app, name="qmk")
app.add_typer(q.app, name="q")
app.add_typer(mock.app, name="mock")
app.add_typer(contract.app, name="contract")


def main() -> None:
    """Entry point of the `kbapi` console script."""
    app()
