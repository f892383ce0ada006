"""Pure data shared by the wrapper and the mock servers (zone tables, QMK fixtures)."""

from importlib.resources import files
from importlib.resources.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """Return a packaged data file, e.g. ``data_file("zones", "en-US.csv")``."""
    node = files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return node
