"""QMK: compile keymaps into firmware (sync and async clients), validate them, render keymap.c."""

from kbapi.qmk.async_client import AsyncCompileJob, AsyncQMKClient
from kbapi.qmk.client import CompileJob, QMKClient
from kbapi.qmk.common import ApiStatus, BuildResult
from kbapi.qmk.errors import (
    CompileError,
    CompileFailed,
    CompileInfrastructureError,
    CompileTimeout,
    DownloadError,
    EmptyDownloadError,
    JobNotFoundError,
    UnknownKeyboardError,
    UnsafeFileNameError,
)
from kbapi.qmk.jobs import CompileResult, JobStatus, WorkerResult
from kbapi.qmk.keyboard_info import (
    KeyboardInfo,
    KeyboardInfoError,
    LayoutKey,
    UnknownLayoutError,
)
from kbapi.qmk.keycodes import KeycodeError, check_keycode, is_valid_keycode, keycode_problem
from kbapi.qmk.keymap import Keymap, KeymapError, KeymapProblem, keymap_c, validate_keymap
from kbapi.qmk.polling import PollPolicy, Progress

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
