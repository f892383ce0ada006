"""Das Keyboard Q zones per device and layout: convert zone ids between their three forms.

A ``zoneId`` is sent as a string in one of three forms:

- XY ``"x,y"``: column 0-23, row 0-5; the same on every layout (the recommended form);
- key code ``"KEY_Q"``: layout dependent (``KEY_Q`` is ``2,2`` on en-US, ``3,3`` on fr-FR);
- linear ``"74"``: the device LED id, ``24*(y+1) + x`` on the 5Q and X50Q.

The 5Q and X50Q share one 24x6 grid. The 4Q grid is shifted by one column (``x_4Q = x_5Q - 1``,
ESC at ``0,0``) and no linear-id or key-code table is known for it, so a 4Q `Layout` passes XY
through and refuses every conversion that would need a table.

Zone tables are read from the packaged CSVs on first use, once per layout. Zone ids are parsed
by `kbapi.daskeyboard.zone_ids` (its names are re-exported here).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Final

from kbapi._core.errors import UnknownLayoutError
from kbapi._core.text import shown
from kbapi._data import data_file
from kbapi.daskeyboard.zone_ids import ZONE_KINDS as ZONE_KINDS
from kbapi.daskeyboard.zone_ids import Zone as Zone
from kbapi.daskeyboard.zone_ids import ZoneError as ZoneError
from kbapi.daskeyboard.zone_ids import ZoneId as ZoneId
from kbapi.daskeyboard.zone_ids import ZoneKind as ZoneKind
from kbapi.daskeyboard.zone_ids import ZoneLike as ZoneLike
from kbapi.daskeyboard.zone_ids import ZoneSyntaxError as ZoneSyntaxError
from kbapi.daskeyboard.zone_ids import parse_zone_id as parse_zone_id

GRID_WIDTH: Final = 24
GRID_HEIGHT: Final = 6
MAX_LED_ID: Final = 215
"""Highest LED id of any zone (bottom of the right light pipe); linear ids run 0-215."""

LAYOUT_TAGS: Final = ("en-US", "fr-FR", "de-DE", "it-IT", "es-ES", "ru-RU")
DEVICE_PIDS: Final[Mapping[str, str]] = {"5Q": "DK5QPID", "X50Q": "X50QPID", "4Q": "DK4QPID"}

_LAYOUT_ALIASES: Final[Mapping[str, str]] = {
    **{tag.lower(): tag for tag in LAYOUT_TAGS},
    **{tag[:2].lower(): tag for tag in LAYOUT_TAGS},
    "us": "en-US",
    "sp": "es-ES",  # the official source file for Spanish is sp-layout-zones.txt
}
_DEVICE_ALIASES: Final[Mapping[str, str]] = {
    **{device.lower(): device for device in DEVICE_PIDS},
    **{pid.lower(): device for device, pid in DEVICE_PIDS.items()},
    "dk5q": "5Q",
    "dk4q": "4Q",
}


class OffGridError(ZoneError):
    """XY outside x 0-23 / y 0-5, or a linear id outside the LED range 0-215."""


class EmptyCellError(ZoneError):
    """The cell or LED id is in range but no zone of this layout uses it (``2,4`` on en-US)."""


class UnknownKeyCodeError(ZoneError):
    """The ``KEY_...`` code does not exist on this layout."""


class UnsupportedConversionError(ZoneError):
    """The conversion needs a table that does not exist (4Q linear ids and key codes)."""


def canonical_layout(layout: str) -> str:
    """The canonical layout tag for `layout` (``"fr"``, ``"FR_fr"`` -> ``"fr-FR"``)."""
    key = layout.strip().lower().replace("_", "-") if isinstance(layout, str) else None
    if key is None or key not in _LAYOUT_ALIASES:
        raise UnknownLayoutError(
            f"unknown keyboard layout {shown(layout)}: expected one of {', '.join(LAYOUT_TAGS)}"
        )
    return _LAYOUT_ALIASES[key]


def canonical_device(device: str) -> str:
    """The canonical device name (``"5Q"``, ``"X50Q"``, ``"4Q"``) for a name or API pid."""
    key = device.strip().lower() if isinstance(device, str) else None
    if key is None or key not in _DEVICE_ALIASES:
        choices = ", ".join([*DEVICE_PIDS, *DEVICE_PIDS.values()])
        raise UnknownLayoutError(f"unknown Q device {shown(device)}: expected one of {choices}")
    return _DEVICE_ALIASES[key]


@dataclass(frozen=True)
class _Table:
    zones: tuple[Zone, ...]
    by_led: Mapping[int, Zone]
    by_code: Mapping[str, Zone]


@cache
def _load_table(tag: str) -> _Table:
    text = data_file("zones", f"{tag}.csv").read_text(encoding="utf-8")
    zones = tuple(_zone_from_row(row) for row in csv.DictReader(io.StringIO(text)))
    by_led = {led: zone for zone in zones for led in zone.led_ids}
    by_code = {zone.code: zone for zone in zones if zone.code}
    return _Table(zones=zones, by_led=by_led, by_code=by_code)


def _zone_from_row(row: Mapping[str, str]) -> Zone:
    return Zone(
        linear=int(row["linear"]),
        x=int(row["x"]),
        y=int(row["y"]),
        code=row["code"],
        label=row["label"],
        led_ids=tuple(int(led) for led in row["all_led_ids"].split()),
    )


class Layout:
    """The zones of one device model with one keyboard layout, and conversions between id forms.

    ``Layout("fr-FR", "5Q")``; layout tags and devices are case-insensitive and accept short
    aliases (``"fr"``, ``"us"``) and API pids (``"DK5QPID"``). Any XY or LED id of a multi-LED
    zone (light pipes, M1-M3, Q button) resolves to that zone.
    """

    def __init__(self, layout: str = "en-US", device: str = "5Q") -> None:
        self.tag: str = canonical_layout(layout)
        self.device: str = canonical_device(device)

    @property
    def pid(self) -> str:
        """The API ``pid`` of the device (``DK5QPID``, ``X50QPID``, ``DK4QPID``)."""
        return DEVICE_PIDS[self.device]

    @property
    def has_table(self) -> bool:
        """Whether linear ids and key codes are known for this device (False on the 4Q)."""
        return self.device != "4Q"

    def __repr__(self) -> str:
        return f"Layout({self.tag!r}, {self.device!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Layout):
            return NotImplemented
        return (self.tag, self.device) == (other.tag, other.device)

    def __hash__(self) -> int:
        return hash((self.tag, self.device))

    def resolve(self, zone: ZoneLike) -> Zone:
        """The `Zone` that `zone` (any form) addresses on this layout."""
        zone_id = parse_zone_id(zone)
        if not self.has_table:
            return self._resolve_4q(zone_id)
        if zone_id.kind == "code":
            return self._by_code(str(zone_id.code))
        if zone_id.kind == "xy":
            return self._by_xy(_int(zone_id.x), _int(zone_id.y))
        return self._by_linear(_int(zone_id.linear))

    def to_xy(self, zone: ZoneLike) -> str:
        """The canonical XY wire form of `zone`, e.g. ``"2,2"`` for ``"KEY_Q"`` on en-US."""
        return self.resolve(zone).xy

    def to_linear(self, zone: ZoneLike) -> int:
        """The linear id (primary LED id) of `zone`."""
        linear = self.resolve(zone).linear
        if linear is None:
            raise self._no_table("linear ids")
        return linear

    def to_code(self, zone: ZoneLike) -> str:
        """The ``KEY_...`` code of `zone` on this layout."""
        code = self.resolve(zone).code
        if code is None:
            raise self._no_table("key codes")
        return code

    def convert(self, zone: ZoneLike, kind: ZoneKind) -> str:
        """`zone` as a wire-form string of `kind` (``"xy"``, ``"code"`` or ``"linear"``)."""
        if kind == "xy":
            return self.to_xy(zone)
        if kind == "code":
            return self.to_code(zone)
        if kind == "linear":
            return str(self.to_linear(zone))
        raise ZoneError(f"unknown zone id kind {shown(kind)}: expected one of {ZONE_KINDS}")

    def normalize(self, zone: ZoneLike) -> str:
        """The canonical XY string of `zone`: use it to compare zone ids across forms.

        Shadows and signal lists may hold a zoneId in another form than the one sent (the cloud
        rewrites key codes to linear ids), so compare ``normalize(a) == normalize(b)``.
        """
        return self.to_xy(zone)

    def zones(self) -> tuple[Zone, ...]:
        """Every zone of this layout, sorted by linear id."""
        if not self.has_table:
            raise self._no_table("zone lists")
        return _load_table(self.tag).zones

    def _by_code(self, code: str) -> Zone:
        zone = _load_table(self.tag).by_code.get(code)
        if zone is not None:
            return zone
        others = [tag for tag in LAYOUT_TAGS if code in _load_table(tag).by_code]
        where = f"it exists on {', '.join(others)}" if others else "no known layout has it"
        raise UnknownKeyCodeError(f"key code {code} is not on the {self.tag} layout; {where}")

    def _by_xy(self, x: int, y: int) -> Zone:
        _check_xy(x, y)
        linear = GRID_WIDTH * (y + 1) + x
        zone = _load_table(self.tag).by_led.get(linear)
        if zone is None:
            raise EmptyCellError(
                f"no key at cell {x},{y} (linear {linear}) on the {self.device} {self.tag} layout"
            )
        return zone

    def _by_linear(self, linear: int) -> Zone:
        if linear > MAX_LED_ID:
            raise OffGridError(f"linear zone id {linear} is outside the LED range 0-{MAX_LED_ID}")
        zone = _load_table(self.tag).by_led.get(linear)
        if zone is None:
            raise EmptyCellError(
                f"no zone uses LED id {linear} on the {self.device} {self.tag} layout"
            )
        return zone

    def _resolve_4q(self, zone_id: ZoneId) -> Zone:
        if zone_id.kind != "xy":
            raise self._no_table("linear ids" if zone_id.kind == "linear" else "key codes")
        x, y = _int(zone_id.x), _int(zone_id.y)
        _check_xy(x, y)
        return Zone(linear=None, x=x, y=y, code=None, label=None, led_ids=())

    def _no_table(self, what: str) -> UnsupportedConversionError:
        return UnsupportedConversionError(
            f"{what} are unknown for the {self.device} ({self.pid}); use x,y zone ids "
            "(the 4Q grid is the 5Q grid shifted left by one column: ESC is at 0,0)"
        )


def _check_xy(x: int, y: int) -> None:
    if not (0 <= x < GRID_WIDTH and 0 <= y < GRID_HEIGHT):
        raise OffGridError(
            f"zone {x},{y} is off the grid: x must be 0-{GRID_WIDTH - 1} and y 0-{GRID_HEIGHT - 1}"
        )


def _int(value: int | None) -> int:
    if value is None:  # unreachable: ZoneId.__post_init__ guarantees the fields of its kind
        raise ZoneSyntaxError("incomplete zone id")
    return value


def get_layout(layout: str = "en-US", device: str = "5Q") -> Layout:
    """A shared `Layout` for (`layout`, `device`); same rules as the `Layout` constructor."""
    return _shared_layout(canonical_layout(layout), canonical_device(device))


@cache
def _shared_layout(tag: str, device: str) -> Layout:
    return Layout(tag, device)


def normalize_zone(zone: ZoneLike, layout: str = "en-US", device: str = "5Q") -> str:
    """The canonical XY string of `zone` on (`layout`, `device`); see `Layout.normalize`."""
    return get_layout(layout, device).normalize(zone)


def shift_xy_to_4q(zone: ZoneLike) -> str:
    """Map a 5Q/X50Q XY cell to the 4Q grid (``x - 1``); pure geometry, no table lookup.

    The 4Q has no light pipes, so column 0 has no 4Q cell. Some 4Q keys differ from a plain shift
    (its Backspace answers at ``13,1`` and ``14,1``), so treat the result as a starting point.
    """
    x, y = _xy_only(zone)
    if x == 0:
        raise OffGridError(f"cell 0,{y} is the left light pipe column, which the 4Q does not have")
    _check_xy(x - 1, y)
    return f"{x - 1},{y}"


def shift_xy_from_4q(zone: ZoneLike) -> str:
    """Map a 4Q XY cell to the 5Q/X50Q grid (``x + 1``); pure geometry, no table lookup."""
    x, y = _xy_only(zone)
    _check_xy(x + 1, y)
    return f"{x + 1},{y}"


def _xy_only(zone: ZoneLike) -> tuple[int, int]:
    zone_id = parse_zone_id(zone)
    if zone_id.kind != "xy":
        raise UnsupportedConversionError(
            f"{zone_id} is a {zone_id.kind} zone id; shifting between 5Q and 4Q needs x,y"
        )
    return _int(zone_id.x), _int(zone_id.y)
