"""Lazy imports, so importing kbapi costs only what its caller uses.

`exports`: lazy public names for a package `__init__` (PEP 562): ``from kbapi.qmk import
QMKClient`` never loads the async client.

    __getattr__, __dir__ = exports(__name__, {"QMKClient": "kbapi.qmk.client", ...})

`defer`: modules a module's functions use, imported when first used. Type checkers read the
real imports under ``TYPE_CHECKING``; at run time each name starts as a stand-in that imports
its module on the first attribute read and puts the module in its own place, so every later
read is a plain global lookup (no cost per call, unlike an import inside the function).

    if TYPE_CHECKING:
        from kbapi.daskeyboard import signals
    else:
        defer(globals(), signals="kbapi.daskeyboard.signals")
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from types import ModuleType
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


class _Deferred(ModuleType):
    """Stands for a module under `alias` in `namespace` until one of its attributes is read."""

    def __init__(self, name: str, namespace: dict[str, Any], alias: str) -> None:
        super().__init__(name)
        self._kbapi_place = (namespace, alias)

    def __getattr__(self, attribute: str) -> Any:
        module = import_module(self.__name__)
        namespace, alias = self._kbapi_place
        if namespace.get(alias) is self:  # the module takes the stand-in's place
            namespace[alias] = module
        return getattr(module, attribute)


def defer(namespace: dict[str, Any], **modules: str) -> None:
    """Bind each alias of `modules` in `namespace` (a module's ``globals()``) to a stand-in
    for its module, which imports it on first use and then gives way to it."""
    for alias, name in modules.items():
        namespace[alias] = _Deferred(name, namespace, alias)
