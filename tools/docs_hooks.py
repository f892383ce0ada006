"""MkDocs hooks for `make docs`: pages generated at build time, never committed.

- ``reference/cli.md``: the CLI reference, written by typer's own docs generator from the live
  app, so it cannot drift from the commands.
- ``specs/<name>.html``: each spec rendered by Redocly ``build-docs`` (pinned in tools/docs-node),
  with its scripts inlined so the page works offline.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
SPECS = {
    "qmk": "QMK compile API v1",
    "qmk-keyboards": "QMK keyboard metadata",
    "daskeyboard-q": "Das Keyboard Q API",
}


def _cli_reference() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "typer", "kbapi.cli", "utils", "docs", "--name", "kbapi"],
        check=True,
        capture_output=True,
        text=True,
    )
    return (
        "# Command line reference\n\nGenerated from the `kbapi` typer app.\n\n"
        + done.stdout.split("\n", 1)[1]
    )


def _render_spec(name: str, title: str, out: Path) -> bytes:
    env = {
        **os.environ,
        "KBAPI_NODE_SET": "docs-node",
        "REDOCLY_TELEMETRY": "off",
        "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true",
    }
    target = out / f"{name}.html"
    subprocess.run(
        [
            str(ROOT / "tools/node.sh"),
            "redocly",
            "build-docs",
            str(ROOT / "spec" / f"{name}.yaml"),
            "--inlineBundle",
            "--title",
            title,
            "-o",
            str(target),
        ],
        check=True,
        capture_output=True,
        env=env,
    )
    return target.read_bytes()


def on_files(files: Files, config: Any) -> Files:
    """Add the generated pages to the site."""
    files.append(File.generated(config, "reference/cli.md", content=_cli_reference()))
    with tempfile.TemporaryDirectory(prefix="kbapi-specs-") as tmp:
        for name, title in SPECS.items():
            html = _render_spec(name, title, Path(tmp))
            files.append(File.generated(config, f"specs/{name}.html", content=html))
    return files
