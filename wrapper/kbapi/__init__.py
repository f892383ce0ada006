"""kbapi: clients, mock servers and contract tests for the QMK and Das Keyboard Q APIs.

    from kbapi import QMKClient, QClient

The public names load lazily, so ``import kbapi`` stays as cheap as the version string and
each API's client (with its generated models) is imported only when first used.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kbapi._version import __version__

_EXPORTS = {
    "QMKClient": "kbapi.qmk",
    "AsyncQMKClient": "kbapi.qmk",
    "Keymap": "kbapi.qmk",
    "PollPolicy": "kbapi.qmk",
    "QClient": "kbapi.daskeyboard",
    "AsyncQClient": "kbapi.daskeyboard",
    "TransportOptions": "kbapi._core",
    "RetryPolicy": "kbapi._core",
    "KbapiError": "kbapi._core",
    "InputError": "kbapi._core",
    "APIError": "kbapi._core",
    "APIConnectionError": "kbapi._core",
    "APITimeoutError": "kbapi._core",
    "APIStatusError": "kbapi._core",
    "APIResponseValidationError": "kbapi._core",
    "AuthenticationError": "kbapi._core",
    "RateLimitError": "kbapi._core",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # the names as type checkers see them (`X as X` marks a re-export)
    from kbapi._core import APIConnectionError as APIConnectionError
    from kbapi._core import APIError as APIError
    from kbapi._core import APIResponseValidationError as APIResponseValidationError
    from kbapi._core import APIStatusError as APIStatusError
    from kbapi._core import APITimeoutError as APITimeoutError
    from kbapi._core import AuthenticationError as AuthenticationError
    from kbapi._core import InputError as InputError
    from kbapi._core import KbapiError as KbapiError
    from kbapi._core import RateLimitError as RateLimitError
    from kbapi._core import RetryPolicy as RetryPolicy
    from kbapi._core import TransportOptions as TransportOptions
    from kbapi.daskeyboard import AsyncQClient as AsyncQClient
    from kbapi.daskeyboard import QClient as QClient
    from kbapi.qmk import AsyncQMKClient as AsyncQMKClient
    from kbapi.qmk import Keymap as Keymap
    from kbapi.qmk import PollPolicy as PollPolicy
    from kbapi.qmk import QMKClient as QMKClient


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kbapi' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
