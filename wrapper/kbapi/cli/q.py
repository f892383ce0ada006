"""`kbapi q` commands (not built yet)."""

import typer

app = typer.Typer(help="q commands.", no_args_is_help=True)
