"""The OpenAPI specs kbapi ships: the copies of `spec/` that `make generate` puts in generated/."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

NAMES = ("qmk", "qmk-keyboards", "daskeyboard-q")


def spec_path(name: str) -> Path:
    """Return the path of the packaged spec `name` (one of NAMES)."""
    if name not in NAMES:
        raise ValueError(f"unknown spec {name!r}; expected one of {', '.join(NAMES)}")
    path = Path(str(files("kbapi._generated").joinpath("specs", f"{name}.yaml")))
    if not path.is_file():
        raise FileNotFoundError(f"spec {name!r} is not packaged: run `make generate`")
    return path
