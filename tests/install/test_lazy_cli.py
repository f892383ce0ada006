"""`kbapi --help` and the library commands do not import the mock or contract modules, which are
slow to import (uvicorn, schemathesis) and need their own extras; `kbapi contract` loads them."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from typer.testing import CliRunner
from kbapi.cli import app
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, (args, result.output)
print(sorted({m.partition(".")[0] for m in sys.modules} & {"schemathesis", "uvicorn", "starlette"}))
"""


def heavy_modules_after(*invocations: list[str]) -> str:
    """The slow optional modules imported after running `kbapi` with each argument list."""
    command = [sys.executable, "-c", PROBE, json.dumps(invocations)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.strip()


def test_help_imports_neither_mock_nor_contract() -> None:
    assert heavy_modules_after(["--help"], ["qmk", "--help"], ["q", "--help"]) == "[]"


def test_contract_help_loads_the_contract_module() -> None:
    assert "schemathesis" in heavy_modules_after(["contract", "--help"])
