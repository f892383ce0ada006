"""Lazy public names for a package `__init__` (PEP 562), so importing a package costs only
what its caller uses: ``from kbapi.qmk import QMKClient`` never loads the async client.

    __getattr__, __dir__ = exports(__name__, {"QMKClient": "kbapi.qmk.client", ...})
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def exports(
    package: str, names: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package`: each name is imported from its module on
    first access, then kept in the package's namespace."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(names)

    return __getattr__, __dir__
