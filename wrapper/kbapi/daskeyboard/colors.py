"""Signal colours: the API wants ``#`` and 3 or 6 hex digits; friendlier forms are converted."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Final, TypeAlias

from kbapi._core.errors import InputError
from kbapi._core.text import shown

ColorLike: TypeAlias = str | tuple[int, int, int]
"""``"#F00"``, ``"#ff0000"``, ``(255, 0, 0)`` or a colour name such as ``"red"``."""

BUILTIN_COLORS: Final[Mapping[str, str]] = {
    "black": "#000000",
    "white": "#FFFFFF",
    "red": "#FF0000",
    # The Q API's own /colors list has Green = #0F0, not the CSS #008000.
    "green": "#00FF00",
    "lime": "#00FF00",
    "blue": "#0000FF",
    "yellow": "#FFFF00",
    "cyan": "#00FFFF",
    "aqua": "#00FFFF",
    "magenta": "#FF00FF",
    "fuchsia": "#FF00FF",
    "orange": "#FFA500",
    "purple": "#800080",
    "violet": "#EE82EE",
    "pink": "#FFC0CB",
    "gray": "#808080",
    "grey": "#808080",
    "brown": "#A52A2A",
}
"""Fallback colour names, used when the server's ``/colors`` list does not name the colour."""

_HEX_RE: Final = re.compile(r"#([0-9A-F]{3}|[0-9A-F]{6})", re.ASCII | re.IGNORECASE)
_MAX_TEXT: Final = 100


class ColorError(InputError):
    """The value is not a colour kbapi can send."""


def normalize_color(value: ColorLike, names: Mapping[str, str] | None = None) -> str:
    """`value` as an upper-case ``#RRGGBB`` string.

    Accepts ``#RGB`` and ``#RRGGBB`` (any case), an ``(r, g, b)`` tuple of ints 0-255, or a colour
    name. Names are matched ignoring case, spaces, ``-`` and ``_``: first against `names` (the
    server's ``GET /colors`` list as ``{name: code}``), then against `BUILTIN_COLORS`.
    Raises `ColorError` naming the value otherwise.
    """
    if isinstance(value, tuple | list):
        return _from_rgb(value)
    if not isinstance(value, str):
        raise ColorError(f"invalid colour {shown(value)}: {_EXPECTED}")
    text = value.strip()
    if len(text) > _MAX_TEXT:
        raise ColorError(f"invalid colour {shown(value)}: too long")
    if text.startswith("#"):
        return _from_hex(text, value)
    return _from_name(text, value, names)


def normalized_or_raw(value: str) -> str:
    """`value` as ``#RRGGBB`` when it is a colour, else as it is (a server's odd answer)."""
    try:
        return normalize_color(value)
    except ColorError:
        return value


def to_short(value: ColorLike, names: Mapping[str, str] | None = None) -> str:
    """`value` as ``#RGB`` when that is exact (``#FF0000`` -> ``#F00``), else as ``#RRGGBB``."""
    color = normalize_color(value, names)
    r, g, b = color[1:3], color[3:5], color[5:7]
    if all(pair[0] == pair[1] for pair in (r, g, b)):
        return f"#{r[0]}{g[0]}{b[0]}"
    return color


_EXPECTED: Final = "expected '#RGB', '#RRGGBB', an (r, g, b) tuple of ints 0-255 or a colour name"


def _from_hex(text: str, original: object) -> str:
    color = _hex(text)
    if color is None:
        raise ColorError(f"invalid colour {shown(original)}: {_EXPECTED}")
    return color


@functools.lru_cache(maxsize=1024)  # every send normalises its colour: keep the common ones
def _hex(text: str) -> str | None:
    match = _HEX_RE.fullmatch(text)
    if match is None:
        return None
    digits = match[1].upper()
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return f"#{digits}"


def _from_rgb(parts: tuple[object, ...] | list[object]) -> str:
    if len(parts) != 3 or not all(type(p) is int and 0 <= p <= 255 for p in parts):
        raise ColorError(f"invalid colour {shown(parts)}: an RGB tuple is three ints 0-255")
    return "#" + "".join(f"{p:02X}" for p in parts)


def _from_name(text: str, original: object, names: Mapping[str, str] | None) -> str:
    key = _name_key(text)
    if key:
        for name, code in (names or {}).items():
            if isinstance(name, str) and _name_key(name) == key:
                return _server_code(name, code)
        if key in BUILTIN_COLORS:
            return BUILTIN_COLORS[key]
    raise ColorError(f"unknown colour {shown(original)}: {_EXPECTED}")


def _server_code(name: str, code: object) -> str:
    if not isinstance(code, str):
        raise ColorError(f"colour name {shown(name)} maps to {shown(code)}, which is not a colour")
    try:
        return _from_hex(code.strip(), code)
    except ColorError:
        raise ColorError(
            f"colour name {shown(name)} maps to {shown(code)}, which is not '#RGB' or '#RRGGBB'"
        ) from None


def _name_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch not in " -_\t")
