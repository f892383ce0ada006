"""The handwritten OpenAPI specs of kbapi, copied here by `make generate` so that they ship as package data.

DO NOT EDIT: the source of truth is `spec/` in the repository.
"""

from importlib.resources import files
from pathlib import Path

NAMES = ("qmk", "qmk-keyboards", "daskeyboard-q")


def spec_path(name: str) -> Path:
    """Return the path of the packaged spec `name` (one of NAMES)."""
    if name not in NAMES:
        raise ValueError(f"unknown spec {name!r}; expected one of {', '.join(NAMES)}")
    return Path(str(files(__name__).joinpath(f"{name}.yaml")))
