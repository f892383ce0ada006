"""`kbapi qmk` commands (not built yet)."""

import typer

app = typer.Typer(help="qmk commands.", no_args_is_help=True)
