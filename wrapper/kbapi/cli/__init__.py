"""The `kbapi` command line: thin typer commands over the library modules.

It needs the `cli` extra (typer, rich); `main` says so instead of failing on an import, so a
bare `pip install kbapi` gets a usable message. The commands live in `kbapi.cli.root`.
"""

from __future__ import annotations

import sys
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kbapi.cli.root import app as app

CLI_MODULES = ("typer", "rich")


def main() -> None:
    """Entry point of the `kbapi` console script."""
    missing = [name for name in CLI_MODULES if find_spec(name) is None]
    if missing:
        print(
            f"kbapi: the command line needs the 'cli' extra ({', '.join(missing)} not installed):"
            " pip install 'kbapi[cli]'",
            file=sys.stderr,
        )
        raise SystemExit(2)
    from kbapi.cli.root import app

    app()


def __getattr__(name: str) -> Any:
    # `from kbapi.cli import app` (tests, `python -m typer kbapi.cli`) without importing typer
    # when the package is merely imported.
    if name == "app":
        from kbapi.cli.root import app

        return app
    raise AttributeError(f"module 'kbapi.cli' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "app"])
