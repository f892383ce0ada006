"""QMK: keymaps (load, validate, keymap.c), keycode checks and keyboard metadata."""

from kbapi.qmk.keyboard_info import (
    KeyboardInfo,
    KeyboardInfoError,
    LayoutKey,
    UnknownLayoutError,
)
from kbapi.qmk.keycodes import KeycodeError, check_keycode, is_valid_keycode, keycode_problem
from kbapi.qmk.keymap import Keymap, KeymapError, KeymapProblem, keymap_c, validate_keymap

__all__ = [
    "KeyboardInfo",
    "KeyboardInfoError",
    "KeycodeError",
    "Keymap",
    "KeymapError",
    "KeymapProblem",
    "LayoutKey",
    "UnknownLayoutError",
    "check_keycode",
    "is_valid_keycode",
    "keycode_problem",
    "keymap_c",
    "validate_keymap",
]
