"""The mock's own zone-id conversion, built from the packaged layout CSVs.

Every accepted `zoneId` form (`KEY_Q`, `2,2`, `74`) is reduced to a zone key so that the three
forms of one zone compare equal. Multi-LED zones resolve from any of their LEDs (every XY or
linear id inside the left pipe column is the left pipe). The 4Q grid is shifted by one column and
has no known linear ids, so there linear ids are compared as plain strings.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache

from kbapi._data import data_file

ZONE_ID = re.compile(r"KEY_[A-Z0-9_]+|-?\d+|\d+,\d+")
MAX_ZONE_ID_LENGTH = 64
GRID_WIDTH = 24
GRID_HEIGHT = 6
FOUR_Q_PID = "DK4QPID"
LANGUAGES: dict[str, tuple[str, str, int]] = {
    "en-US": ("English", "United States", 1033),
    "fr-FR": ("French", "France", 1036),
    "de-DE": ("German", "Germany", 1031),
    "it-IT": ("Italian", "Italy", 1040),
    "es-ES": ("Spanish", "Spain", 3082),
    "ru-RU": ("Russian", "Russia", 1049),
}


@dataclass(frozen=True)
class Zone:
    """One row of a layout CSV."""

    linear: int
    x: int
    y: int
    code: str
    label: str
    led_ids: tuple[int, ...]


def is_zone_id(value: str) -> bool:
    """True if `value` has one of the three zone-id forms (the spec's `ZoneId` pattern)."""
    return ZONE_ID.fullmatch(value) is not None


class ZoneTable:
    """One layout's zones, indexed by code and by every LED id."""

    def __init__(self, tag: str, zones: tuple[Zone, ...]) -> None:
        self.tag = tag
        self.zones = zones
        self._by_code = {zone.code: zone for zone in zones}
        self._by_led = {led: zone for zone in zones for led in zone.led_ids}

    def by_code(self, code: str) -> Zone | None:
        """The zone with this `KEY_*` code on this layout."""
        return self._by_code.get(code)

    def key(self, zone_id: str, pid: str) -> str:
        """A key equal for every spelling of the same zone on device `pid`."""
        # Over-long ids name no zone; comparing them as text also keeps int() off huge numbers.
        if len(zone_id) > MAX_ZONE_ID_LENGTH or not is_zone_id(zone_id):
            return f"raw:{zone_id}"
        if zone_id.startswith("KEY_"):
            zone = self._by_code.get(zone_id)
            return f"z{zone.linear}" if zone else f"code:{zone_id}"
        if "," in zone_id:
            x_text, y_text = zone_id.split(",", 1)
            x = int(x_text) + (1 if pid == FOUR_Q_PID else 0)
            y = int(y_text)
            if 0 <= x < GRID_WIDTH and 0 <= y < GRID_HEIGHT:
                return self._linear_key(GRID_WIDTH * (y + 1) + x)
            return f"raw:{zone_id}"
        if pid == FOUR_Q_PID:
            return f"raw:{zone_id}"
        return self._linear_key(int(zone_id))

    def _linear_key(self, linear: int) -> str:
        zone = self._by_led.get(linear)
        if zone is not None:
            return f"z{zone.linear}"
        # An empty grid cell is still one place: `2,0` and `26` must compare equal.
        return f"z{linear}"

    def language_layout(self) -> dict[str, object]:
        """The `languageLayout` object of a device definition."""
        language, location, language_id = LANGUAGES[self.tag]
        zones = [
            {"ledIds": list(z.led_ids), "id": z.linear, "code": z.code, "description": z.label}
            for z in self.zones
        ]
        return {
            "language": language,
            "location": location,
            "languageId": language_id,
            "languageTag": self.tag,
            "zones": zones,
        }

    def zone_list(self) -> list[dict[str, object]]:
        """The body of `GET /{pid}/zones`: `[{id, code, name}]`."""
        return [{"id": z.linear, "code": z.code, "name": z.label} for z in self.zones]


@cache
def load_table(tag: str) -> ZoneTable:
    """Read `kbapi/_data/zones/<tag>.csv`."""
    text = data_file("zones", f"{tag}.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    zones = tuple(
        Zone(
            linear=int(row["linear"]),
            x=int(row["x"]),
            y=int(row["y"]),
            code=row["code"],
            label=row["label"],
            led_ids=tuple(int(led) for led in row["all_led_ids"].split()),
        )
        for row in rows
    )
    return ZoneTable(tag, zones)
