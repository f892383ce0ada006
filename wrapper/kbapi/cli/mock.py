"""`kbapi mock` commands (not built yet)."""

import typer

app = typer.Typer(help="mock commands.", no_args_is_help=True)
