"""Batch painting: light many zones at once, with the fewest requests the target allows.

`plan_paint` (pure) checks every zone and colour before anything is sent and chooses how:

- ``v2``: ONE local ``POST /api/2.0/signals`` whose ``actionValue`` is a JSON *string* of
  ``[{zoneId, effect, color}]`` (zones always ``x,y``, as the applet SDK sends them);
- ``v1``: one ``POST /api/1.0/signals`` per zone (the cloud, or a local app without v2),
  run with bounded concurrency; locally every request also waits for the client's rate
  limiter, so the 50 requests/s quota is never hit.

`arun_paint` (`kbapi.daskeyboard.async_executor`) and its generated twin `run_paint` are the
thin executors: they take the send functions from the client, fall back from v2 to v1 when the
local app answers 404 (no v2 route), and report what was created in a `PaintResult` so that
`clear()` can remove it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final, Literal, TypeAlias, TypeVar

from kbapi._core.errors import InputError, UnknownLayoutError
from kbapi._core.text import shown
from kbapi._generated.q_api.models import SignalCreate, V2SignalCreate
from kbapi.daskeyboard.colors import ColorLike, normalize_color
from kbapi.daskeyboard.signals import SignalSpec, wire_body, wire_zone
from kbapi.daskeyboard.zones import ZoneError, ZoneLike, parse_zone_id

PaintMethod: TypeAlias = Literal["auto", "v2", "v1"]
PaintMode: TypeAlias = Literal["v2", "v1"]
SignalKey: TypeAlias = tuple[PaintMode, int]
"""A created signal: the API version that created it (and deletes it) and its id."""

V2_ACTION: Final = "DRAW"
MAX_ZONES: Final = 512
"""Most zones one paint accepts (a full keyboard is 111; every LED id is below 216)."""

ZoneKey = TypeVar("ZoneKey", bound=ZoneLike)
"""The key type of a paint mapping given as a variable of one zone form (``dict[str, str]``)."""
ZoneColors: TypeAlias = Mapping[ZoneLike, ColorLike] | Mapping[ZoneKey, ColorLike]
"""What `paint()` takes: a literal mixing zone forms (``{"KEY_K": "red", 105: (255, 0, 0)}``)
or a mapping keyed by one zone form; mypy accepts both."""


class DuplicateZoneError(ZoneError):
    """Two keys of one paint name the same zone (``KEY_Q`` and ``2,2``) with different colours."""


@dataclass(frozen=True, slots=True)
class PaintItem:
    """One zone of a paint: its v1 ``zoneId`` (in the client's zone format), its v2 ``x,y``."""

    zone_id: str
    xy: str
    color: str


@dataclass(frozen=True, slots=True)
class PaintPlan:
    """What a paint will send. `mode` is the first choice; `fallback` allows v2 -> v1."""

    items: tuple[PaintItem, ...]
    spec: SignalSpec
    mode: PaintMode
    fallback: bool

    def v2_body(self) -> V2SignalCreate:
        """The one multi-zone v2 body lighting every item."""
        action_value = [
            {"zoneId": item.xy, "effect": self.spec.effect, "color": item.color}
            for item in self.items
        ]
        return V2SignalCreate(
            action_value=json.dumps(action_value, separators=(",", ":")),
            pid=self.spec.pid,
            action=V2_ACTION,
            client_name=self.spec.client_name,
            is_muted=self.spec.is_muted if self.spec.is_muted is not None else True,
            message=self.spec.message,
            name=self.spec.name,
        )

    def v1_bodies(self) -> list[SignalCreate]:
        """One v1 body per item."""
        return [wire_body(item.zone_id, item.color, self.spec) for item in self.items]


@dataclass(frozen=True, slots=True)
class PaintResult:
    """What a paint did: the mode used, the zones painted (``x,y``), the signals it created and
    the number of API calls made (transport retries not counted). `v2_missing` is True when the
    local app turned out to have no v2 route (the paint then fell back to v1)."""

    mode: PaintMode
    zones: tuple[str, ...]
    signals: tuple[SignalKey, ...]
    requests: int
    v2_missing: bool = False

    @property
    def signal_ids(self) -> tuple[int, ...]:
        """The ids of the created signals."""
        return tuple(signal_id for _, signal_id in self.signals)


def plan_paint(
    colors: ZoneColors[ZoneKey],
    spec: SignalSpec,
    *,
    method: PaintMethod = "auto",
    local: bool,
    v2_known_missing: bool = False,
    color_names: Mapping[str, str] | None = None,
) -> PaintPlan:
    """Check every zone and colour of `colors` and choose v2 or v1; nothing is sent.

    ``method="auto"``: v2 locally (unless the app is known to lack it), v1 in the cloud.
    ``"v2"`` on the cloud raises `InputError`. Zones naming the same key collapse when their
    colours agree and raise `DuplicateZoneError` when they differ.
    """
    if method not in ("auto", "v2", "v1"):
        raise InputError(f"method must be 'auto', 'v2' or 'v1', got {shown(method, 40)}")
    if method == "v2" and not local:
        raise InputError("v2 multi-zone signals exist only on the local app; use method='v1'")
    items = _items(colors, spec, color_names)
    if method == "auto":
        mode: PaintMode = "v2" if local and not v2_known_missing else "v1"
    else:
        mode = method
    return PaintPlan(items, spec, mode, fallback=method == "auto" and mode == "v2")


def _items(
    colors: ZoneColors[ZoneKey], spec: SignalSpec, names: Mapping[str, str] | None
) -> tuple[PaintItem, ...]:
    if not isinstance(colors, Mapping):
        raise InputError(f"paint() takes a mapping of zone to colour, got {type(colors).__name__}")
    if not colors:
        raise InputError("nothing to paint: the mapping of zone to colour is empty")
    if len(colors) > MAX_ZONES:
        raise InputError(f"too many zones in one paint ({len(colors)} > {MAX_ZONES})")
    seen: dict[str, PaintItem] = {}
    for zone, color in colors.items():
        item = PaintItem(
            zone_id=wire_zone(zone, spec.layout, spec.zone_format, validate=spec.validate),
            xy=_xy(zone, spec),
            color=normalize_color(color, names),
        )
        previous = seen.get(item.xy)
        if previous is not None and previous.color != item.color:
            raise DuplicateZoneError(
                f"zone {item.xy} is painted twice, {previous.color} and {item.color} "
                f"(as {previous.zone_id!r} and {item.zone_id!r})"
            )
        seen[item.xy] = item
    return tuple(seen.values())


def _xy(zone: ZoneLike, spec: SignalSpec) -> str:
    try:
        return spec.layout.to_xy(zone)
    except (ZoneError, UnknownLayoutError):
        if spec.validate:
            raise
        return str(parse_zone_id(zone))


def v1_result(plan: PaintPlan, zones: tuple[str, ...], ids: Sequence[int]) -> PaintResult:
    """The result of a paint done with v1 requests (after a v2 attempt when `plan.mode` is v2)."""
    fell_back = plan.mode == "v2"
    return PaintResult(
        "v1",
        zones,
        tuple(("v1", signal_id) for signal_id in ids),
        requests=len(ids) + (1 if fell_back else 0),
        v2_missing=fell_back,
    )
