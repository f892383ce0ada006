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
    # The whole exception tree, from the modules that define it (importing stays cheap).
    "KbapiError": "kbapi._core.errors",
    "InputError": "kbapi._core.errors",
    "UnknownLayoutError": "kbapi._core.errors",
    "APIError": "kbapi._core.errors",
    "APIConnectionError": "kbapi._core.errors",
    "APITimeoutError": "kbapi._core.errors",
    "APIStatusError": "kbapi._core.errors",
    "BadRequestError": "kbapi._core.errors",
    "AuthenticationError": "kbapi._core.errors",
    "PermissionDeniedError": "kbapi._core.errors",
    "NotFoundError": "kbapi._core.errors",
    "ConflictError": "kbapi._core.errors",
    "PayloadTooLargeError": "kbapi._core.errors",
    "UnprocessableEntityError": "kbapi._core.errors",
    "RateLimitError": "kbapi._core.errors",
    "InternalServerError": "kbapi._core.errors",
    "APIResponseValidationError": "kbapi._core.errors",
    "ResponseTooLargeError": "kbapi._core.errors",
    "CompileError": "kbapi.qmk.errors",
    "CompileFailed": "kbapi.qmk.errors",
    "UnknownKeyboardError": "kbapi.qmk.errors",
    "CompileInfrastructureError": "kbapi.qmk.errors",
    "CompileTimeout": "kbapi.qmk.errors",
    "JobNotFoundError": "kbapi.qmk.errors",
    "DownloadError": "kbapi.qmk.errors",
    "UnsafeFileNameError": "kbapi.qmk.errors",
    "EmptyDownloadError": "kbapi.qmk.errors",
    "CorruptFirmwareError": "kbapi.qmk.errors",
    "KeymapError": "kbapi.qmk.keymap",
    "KeyboardInfoError": "kbapi.qmk.keyboard_info",
    "KeycodeError": "kbapi.qmk.keycodes",
    "ZoneError": "kbapi.daskeyboard.zone_ids",
    "ZoneSyntaxError": "kbapi.daskeyboard.zone_ids",
    "OffGridError": "kbapi.daskeyboard.zones",
    "EmptyCellError": "kbapi.daskeyboard.zones",
    "UnknownKeyCodeError": "kbapi.daskeyboard.zones",
    "UnsupportedConversionError": "kbapi.daskeyboard.zones",
    "ColorError": "kbapi.daskeyboard.colors",
    "EffectError": "kbapi.daskeyboard.effects",
    "TargetError": "kbapi.daskeyboard.targets",
    "DuplicateZoneError": "kbapi.daskeyboard.paint",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # the names as type checkers see them (`X as X` marks a re-export)
    from kbapi._core import RetryPolicy as RetryPolicy
    from kbapi._core import TransportOptions as TransportOptions
    from kbapi._core.errors import APIConnectionError as APIConnectionError
    from kbapi._core.errors import APIError as APIError
    from kbapi._core.errors import APIResponseValidationError as APIResponseValidationError
    from kbapi._core.errors import APIStatusError as APIStatusError
    from kbapi._core.errors import APITimeoutError as APITimeoutError
    from kbapi._core.errors import AuthenticationError as AuthenticationError
    from kbapi._core.errors import BadRequestError as BadRequestError
    from kbapi._core.errors import ConflictError as ConflictError
    from kbapi._core.errors import InputError as InputError
    from kbapi._core.errors import InternalServerError as InternalServerError
    from kbapi._core.errors import KbapiError as KbapiError
    from kbapi._core.errors import NotFoundError as NotFoundError
    from kbapi._core.errors import PayloadTooLargeError as PayloadTooLargeError
    from kbapi._core.errors import PermissionDeniedError as PermissionDeniedError
    from kbapi._core.errors import RateLimitError as RateLimitError
    from kbapi._core.errors import ResponseTooLargeError as ResponseTooLargeError
    from kbapi._core.errors import UnknownLayoutError as UnknownLayoutError
    from kbapi._core.errors import UnprocessableEntityError as UnprocessableEntityError
    from kbapi.daskeyboard import AsyncQClient as AsyncQClient
    from kbapi.daskeyboard import QClient as QClient
    from kbapi.daskeyboard.colors import ColorError as ColorError
    from kbapi.daskeyboard.effects import EffectError as EffectError
    from kbapi.daskeyboard.paint import DuplicateZoneError as DuplicateZoneError
    from kbapi.daskeyboard.targets import TargetError as TargetError
    from kbapi.daskeyboard.zone_ids import ZoneError as ZoneError
    from kbapi.daskeyboard.zone_ids import ZoneSyntaxError as ZoneSyntaxError
    from kbapi.daskeyboard.zones import EmptyCellError as EmptyCellError
    from kbapi.daskeyboard.zones import OffGridError as OffGridError
    from kbapi.daskeyboard.zones import UnknownKeyCodeError as UnknownKeyCodeError
    from kbapi.daskeyboard.zones import UnsupportedConversionError as UnsupportedConversionError
    from kbapi.qmk import AsyncQMKClient as AsyncQMKClient
    from kbapi.qmk import Keymap as Keymap
    from kbapi.qmk import PollPolicy as PollPolicy
    from kbapi.qmk import QMKClient as QMKClient
    from kbapi.qmk.errors import CompileError as CompileError
    from kbapi.qmk.errors import CompileFailed as CompileFailed
    from kbapi.qmk.errors import CompileInfrastructureError as CompileInfrastructureError
    from kbapi.qmk.errors import CompileTimeout as CompileTimeout
    from kbapi.qmk.errors import CorruptFirmwareError as CorruptFirmwareError
    from kbapi.qmk.errors import DownloadError as DownloadError
    from kbapi.qmk.errors import EmptyDownloadError as EmptyDownloadError
    from kbapi.qmk.errors import JobNotFoundError as JobNotFoundError
    from kbapi.qmk.errors import UnknownKeyboardError as UnknownKeyboardError
    from kbapi.qmk.errors import UnsafeFileNameError as UnsafeFileNameError
    from kbapi.qmk.keyboard_info import KeyboardInfoError as KeyboardInfoError
    from kbapi.qmk.keycodes import KeycodeError as KeycodeError
    from kbapi.qmk.keymap import KeymapError as KeymapError


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kbapi' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
