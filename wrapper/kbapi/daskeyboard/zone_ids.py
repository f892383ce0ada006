"""Das Keyboard Q zone ids as values: the three wire forms parsed, before any layout is known.

A ``zoneId`` is sent as a string in one of three forms: XY ``"x,y"``, a key code ``"KEY_Q"`` or
a linear LED id ``"74"`` (see `kbapi.daskeyboard.zones`, which converts between them per device
and layout). `parse_zone_id` reads any of them, and the tuples, ints and `Zone` values users pass.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, get_args

from kbapi._core.errors import InputError
from kbapi._core.text import shown

ZoneKind: TypeAlias = Literal["xy", "code", "linear"]
ZONE_KINDS: Final[tuple[ZoneKind, ...]] = get_args(ZoneKind)
_MAX_TEXT: Final = 100
_MAX_NUMBER: Final = 999_999_999
_XY_RE: Final = re.compile(r"(\()?\s*(\d+)\s*,\s*(\d+)\s*(?(1)\))", re.ASCII)
_LINEAR_RE: Final = re.compile(r"([+-]?)(\d+)", re.ASCII)
_CODE_RE: Final = re.compile(r"KEY_[A-Z0-9_]+", re.ASCII | re.IGNORECASE)


class ZoneError(InputError):
    """A zone id kbapi cannot use: bad syntax, unknown layout or device, or no such zone."""


class ZoneSyntaxError(ZoneError):
    """The value is not a zone id in any of the three forms."""


@dataclass(frozen=True, slots=True)
class ZoneId:
    """A parsed zone id, not yet tied to a layout. ``str()`` gives the wire form.

    Build one with `parse_zone_id`; exactly the fields of its `kind` are set.
    """

    kind: ZoneKind
    x: int | None = None
    y: int | None = None
    linear: int | None = None
    code: str | None = None

    def __post_init__(self) -> None:
        present = {
            "xy": self.x is not None and self.y is not None,
            "linear": self.linear is not None,
            "code": self.code is not None,
        }
        if self.kind not in present or [k for k, v in present.items() if v] != [self.kind]:
            raise ZoneSyntaxError(f"inconsistent ZoneId fields for kind {shown(self.kind)}")
        numbers = (self.x, self.y, self.linear)
        if any(type(n) is not int or not 0 <= n <= _MAX_NUMBER for n in numbers if n is not None):
            raise ZoneSyntaxError("ZoneId numbers must be ints from 0 to 999999999")
        if self.code is not None and not (
            isinstance(self.code, str) and _CODE_RE.fullmatch(self.code) and self.code.isupper()
        ):
            raise ZoneSyntaxError(f"{shown(self.code)} is not an upper-case KEY_... code")

    def __str__(self) -> str:
        if self.kind == "xy":
            return f"{self.x},{self.y}"
        if self.kind == "linear":
            return str(self.linear)
        return str(self.code)


@dataclass(frozen=True, slots=True)
class Zone:
    """One addressable zone of a layout: a key, a light pipe, a macro key or the Q button.

    `x`, `y` are the zone's primary cell in the device's own grid. On the 4Q, `linear`, `code`
    and `label` are None and `led_ids` is empty, because no table is known for it.
    """

    linear: int | None
    x: int
    y: int
    code: str | None
    label: str | None
    led_ids: tuple[int, ...]

    @property
    def xy(self) -> str:
        """The XY wire form, e.g. ``"2,2"``."""
        return f"{self.x},{self.y}"


ZoneLike: TypeAlias = ZoneId | Zone | str | int | tuple[int, int]
"""Anything `parse_zone_id` accepts."""


def parse_zone_id(value: ZoneLike) -> ZoneId:
    """Parse a zone id: ``"x,y"`` or ``(x, y)``, ``"KEY_..."``, or a linear int / numeric string.

    Spaces and parentheses around XY (``"(2, 2)"``) and lower-case codes are accepted. A `Zone`
    parses to its XY. Raises `ZoneSyntaxError` for anything else, including negative numbers.
    """
    if isinstance(value, ZoneId):
        return value
    if isinstance(value, Zone):
        return ZoneId("xy", x=value.x, y=value.y)
    if isinstance(value, bool):
        raise ZoneSyntaxError(f"{value!r} is not a zone id")
    if isinstance(value, int):
        return _linear_id(value, value)
    if isinstance(value, tuple | list):
        return _xy_from_pair(value, value)
    if isinstance(value, str):
        return _parse_text(value)
    raise ZoneSyntaxError(f"{shown(value)} is not a zone id: expected 'x,y', 'KEY_...' or an int")


def _linear_id(number: int, original: object) -> ZoneId:
    if number < 0:
        raise ZoneSyntaxError(f"{shown(original)} is not a zone id: linear ids are never negative")
    if number > _MAX_NUMBER:
        raise ZoneSyntaxError(f"{shown(original)} is not a zone id: linear id far too large")
    return ZoneId("linear", linear=number)


def _xy_from_pair(pair: tuple[object, ...] | list[object], original: object) -> ZoneId:
    x, y = pair if len(pair) == 2 else (None, None)
    if not (isinstance(x, int) and isinstance(y, int)) or bool in (type(x), type(y)):
        raise ZoneSyntaxError(f"{shown(original)} is not a zone id: an XY pair is two ints (x, y)")
    if x < 0 or y < 0:
        raise ZoneSyntaxError(f"{shown(original)} is not a zone id: x and y are never negative")
    if x > _MAX_NUMBER or y > _MAX_NUMBER:
        raise ZoneSyntaxError(f"{shown(original)} is not a zone id: x or y far too large")
    return ZoneId("xy", x=x, y=y)


@functools.lru_cache(maxsize=1024)  # pure, and every send parses its zone: keep the common ones
def _parse_text(value: str) -> ZoneId:
    text = value.strip()
    if len(text) > _MAX_TEXT:
        raise ZoneSyntaxError(f"{shown(value)} is not a zone id: too long")
    if match := _XY_RE.fullmatch(text):
        return _xy_from_pair((int(match[2]), int(match[3])), value)
    if match := _LINEAR_RE.fullmatch(text):
        number = int(match[2])
        return _linear_id(-number if match[1] == "-" else number, value)
    if _CODE_RE.fullmatch(text):
        return ZoneId("code", code=text.upper())
    raise ZoneSyntaxError(
        f"{shown(value)} is not a zone id: expected 'x,y' (e.g. '2,2'), 'KEY_...' (e.g. 'KEY_Q') "
        "or a linear id (e.g. '74')"
    )
