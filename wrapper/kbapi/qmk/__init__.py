"""QMK: compile keymaps into firmware (sync and async clients), validate them, render keymap.c."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kbapi._lazy import exports

_EXPORTS = {
    "AsyncCompileJob": "kbapi.qmk.async_job",
    "AsyncQMKClient": "kbapi.qmk.async_client",
    "CompileJob": "kbapi.qmk.job",
    "QMKClient": "kbapi.qmk.client",
    "ApiStatus": "kbapi.qmk.service",
    "BuildResult": "kbapi.qmk.service",
    "CompileError": "kbapi.qmk.errors",
    "CompileFailed": "kbapi.qmk.errors",
    "CompileInfrastructureError": "kbapi.qmk.errors",
    "CompileTimeout": "kbapi.qmk.errors",
    "CorruptFirmwareError": "kbapi.qmk.errors",
    "DownloadError": "kbapi.qmk.errors",
    "EmptyDownloadError": "kbapi.qmk.errors",
    "JobNotFoundError": "kbapi.qmk.errors",
    "UnknownKeyboardError": "kbapi.qmk.errors",
    "UnsafeFileNameError": "kbapi.qmk.errors",
    "CompileResult": "kbapi.qmk.jobs",
    "JobStatus": "kbapi.qmk.jobs",
    "WorkerResult": "kbapi.qmk.jobs",
    "KeyboardInfo": "kbapi.qmk.keyboard_info",
    "KeyboardInfoError": "kbapi.qmk.keyboard_info",
    "LayoutKey": "kbapi.qmk.keyboard_info",
    "UnknownLayoutError": "kbapi._core.errors",
    "KeycodeError": "kbapi.qmk.keycodes",
    "check_keycode": "kbapi.qmk.keycodes",
    "is_valid_keycode": "kbapi.qmk.keycodes",
    "keycode_problem": "kbapi.qmk.keycodes",
    "Keymap": "kbapi.qmk.keymap",
    "KeymapError": "kbapi.qmk.keymap",
    "KeymapProblem": "kbapi.qmk.keymap",
    "keymap_c": "kbapi.qmk.keymap",
    "validate_keymap": "kbapi.qmk.keymap",
    "PollPolicy": "kbapi.qmk.policy",
    "Progress": "kbapi.qmk.polling",
}

__all__ = [
    "ApiStatus",
    "AsyncCompileJob",
    "AsyncQMKClient",
    "BuildResult",
    "CompileError",
    "CompileFailed",
    "CompileInfrastructureError",
    "CompileJob",
    "CompileResult",
    "CompileTimeout",
    "CorruptFirmwareError",
    "DownloadError",
    "EmptyDownloadError",
    "JobNotFoundError",
    "JobStatus",
    "KeyboardInfo",
    "KeyboardInfoError",
    "KeycodeError",
    "Keymap",
    "KeymapError",
    "KeymapProblem",
    "LayoutKey",
    "PollPolicy",
    "Progress",
    "QMKClient",
    "UnknownKeyboardError",
    "UnknownLayoutError",
    "UnsafeFileNameError",
    "WorkerResult",
    "check_keycode",
    "is_valid_keycode",
    "keycode_problem",
    "keymap_c",
    "validate_keymap",
]

# The names load on first use; type checkers read them here.
if TYPE_CHECKING:
    from kbapi._core.errors import UnknownLayoutError
    from kbapi.qmk.async_client import AsyncQMKClient
    from kbapi.qmk.async_job import AsyncCompileJob
    from kbapi.qmk.client import QMKClient
    from kbapi.qmk.errors import (
        CompileError,
        CompileFailed,
        CompileInfrastructureError,
        CompileTimeout,
        CorruptFirmwareError,
        DownloadError,
        EmptyDownloadError,
        JobNotFoundError,
        UnknownKeyboardError,
        UnsafeFileNameError,
    )
    from kbapi.qmk.job import CompileJob
    from kbapi.qmk.jobs import CompileResult, JobStatus, WorkerResult
    from kbapi.qmk.keyboard_info import (
        KeyboardInfo,
        KeyboardInfoError,
        LayoutKey,
    )
    from kbapi.qmk.keycodes import KeycodeError, check_keycode, is_valid_keycode, keycode_problem
    from kbapi.qmk.keymap import Keymap, KeymapError, KeymapProblem, keymap_c, validate_keymap
    from kbapi.qmk.policy import PollPolicy
    from kbapi.qmk.polling import Progress
    from kbapi.qmk.service import ApiStatus, BuildResult

__getattr__, __dir__ = exports(__name__, _EXPORTS)
