"""Signals, pure: check a signal before it is sent, build its body, and read what comes back.

Nothing here does I/O. `QClient` and `AsyncQClient` call these functions on both sides of
every request, so the sync and async clients share one implementation of every decision.

- `wire_zone`: the ``zoneId`` to send (XY by default, as the docs recommend), checked against
  the layout: a signal to a zone that does not exist answers 200 and lights nothing on the real
  service, so kbapi refuses it before sending.
- `signal_body`: a complete, validated ``POST /api/1.0/signals`` body.
- `parse_zone_color`: the colour endpoint's two documented answers (bare text or JSON).
- `Shadow` / `normalize_shadows`: shadows with zone ids in one canonical form.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from kbapi._core.errors import APIResponseValidationError, InputError, UnknownLayoutError
from kbapi._core.text import shown
from kbapi._generated.q_api.models import Signal, SignalCreate, SignalStatusPatch
from kbapi._generated.q_api.types import UNSET, Unset
from kbapi.daskeyboard.colors import ColorError, ColorLike, normalize_color, normalized_or_raw
from kbapi.daskeyboard.effects import DEFAULT_EFFECT, validate_effect
from kbapi.daskeyboard.zones import (
    Layout,
    ZoneError,
    ZoneKind,
    ZoneLike,
    canonical_device,
    get_layout,
    parse_zone_id,
)

DEFAULT_CLIENT_NAME: Final = "kbapi"
_PID_RE: Final = re.compile(r"[A-Z][A-Z0-9_]{0,63}", re.ASCII)
_ACTION_RE: Final = re.compile(r"[a-z]+:.+", re.ASCII | re.DOTALL)
SIGNALS_PATH: Final = "/api/1.0/signals"
"""The route of ``POST /api/1.0/signals`` (`createSignal`), which `send()` calls directly."""
MAX_TEXT: Final = 4096
"""Longest `name` / `message` kbapi sends (the API documents no limit; bodies stay small)."""


def wire_zone(
    zone: ZoneLike, layout: Layout, zone_format: ZoneKind = "xy", *, validate: bool = True
) -> str:
    """The ``zoneId`` to send for `zone` (any form), written in `zone_format`.

    With `validate` (the default) the zone must exist on `layout`, else a `ZoneError` subclass
    is raised (`UnknownKeyCodeError`, `EmptyCellError`, `OffGridError`, ...). With
    ``validate=False`` only the syntax is checked and a zone that cannot be converted is sent as
    given (the server decides; the real one answers 200 and lights nothing).
    """
    if (type(zone) is str or type(zone) is int) and type(zone_format) is str:  # (not bool)
        return _wire_zone(zone, layout, zone_format, validate)
    return _convert(zone, layout, zone_format, validate)


@functools.lru_cache(maxsize=1024, typed=True)
def _wire_zone(zone: str | int, layout: Layout, zone_format: ZoneKind, validate: bool) -> str:
    # A send converts its zone on every call; a layout's conversions never change.
    return _convert(zone, layout, zone_format, validate)


def _convert(zone: ZoneLike, layout: Layout, zone_format: ZoneKind, validate: bool) -> str:
    if validate:
        return layout.convert(zone, zone_format)
    zone_id = parse_zone_id(zone)
    if zone_id.kind == zone_format:
        return str(zone_id)
    try:
        return layout.convert(zone_id, zone_format)
    except (ZoneError, UnknownLayoutError):
        return str(zone_id)


def check_text(field: str, value: str | None) -> str | None:
    """`value` if it is a string of at most `MAX_TEXT` characters (or None), else `InputError`."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{field} must be a string, got {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise InputError(f"{field} is longer than {MAX_TEXT} characters")
    return value


def check_pid(pid: str) -> str:
    """A device pid such as ``DK5QPID`` or ``Q_MATRIX`` (upper case, digits and ``_``)."""
    if not isinstance(pid, str) or not _PID_RE.fullmatch(pid):
        raise InputError(f"pid must look like DK5QPID (upper case, digits, _), got {shown(pid)}")
    return pid


@dataclass(frozen=True, slots=True)
class SignalSpec:
    """The caller's choices that apply to every zone of a send or a paint."""

    pid: str
    layout: Layout
    zone_format: ZoneKind = "xy"
    validate: bool = True
    effect: str = DEFAULT_EFFECT
    name: str = ""
    message: str = ""
    client_name: str = DEFAULT_CLIENT_NAME
    action: str | None = None
    is_muted: bool | None = None


def check_spec(
    spec: SignalSpec,
    *,
    effects: Iterable[str] | None = None,
) -> SignalSpec:
    """`spec` with its effect normalised (``breathe`` -> ``BREATHE``) and its texts checked.

    `effects` is the device's ``GET /{pid}/effects`` list when the client knows it; without it
    the effect must be one of the nine documented ones (or ``NONE``).
    """
    check_pid(spec.pid)
    for field in ("name", "message", "client_name", "action"):
        check_text(field, getattr(spec, field))
    if spec.action is not None and not _ACTION_RE.fullmatch(spec.action):
        raise InputError(f"action must look like 'url:https://...', got {shown(spec.action)}")
    effect = validate_effect(spec.effect, effects)
    return spec if effect == spec.effect else dataclasses.replace(spec, effect=effect)


def signal_body(
    zone: ZoneLike,
    color: ColorLike,
    spec: SignalSpec,
    *,
    color_names: Mapping[str, str] | None = None,
) -> SignalCreate:
    """A validated v1 signal body; `spec` must come from `check_spec`.

    The colour may be ``#RGB``, ``#RRGGBB``, an ``(r, g, b)`` tuple or a name (from
    `color_names`, the server's ``/colors`` list, else the built-in names); it is sent as
    ``#RRGGBB``. Raises a `ZoneError` or `ColorError` (both `InputError`) before anything is sent.
    """
    zone_id = wire_zone(zone, spec.layout, spec.zone_format, validate=spec.validate)
    return wire_body(zone_id, normalize_color(color, color_names), spec)


def signal_payload(
    zone: ZoneLike,
    color: ColorLike,
    spec: SignalSpec,
    *,
    color_names: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """``signal_body(...).to_dict()``, the JSON of one send, built without its model."""
    zone_id = wire_zone(zone, spec.layout, spec.zone_format, validate=spec.validate)
    return wire_payload(zone_id, normalize_color(color, color_names), spec)


def wire_payload(zone_id: str, color: str, spec: SignalSpec) -> dict[str, Any]:
    """``wire_body(zone_id, color, spec).to_dict()``, in its key order: every `send()` makes one,
    and the model and its `to_dict` cost twice this."""
    payload: dict[str, Any] = {
        "name": spec.name,
        "pid": spec.pid,
        "zoneId": zone_id,
        "color": color,
        "effect": spec.effect,
        "message": spec.message,
    }
    if spec.action is not None:
        payload["action"] = spec.action
    payload["clientName"] = spec.client_name
    if spec.is_muted is not None:
        payload["isMuted"] = spec.is_muted
    return payload


def wire_body(zone_id: str, color: str, spec: SignalSpec) -> SignalCreate:
    """The v1 body of one zone already in its wire forms (``zoneId`` and ``#RRGGBB``)."""
    return SignalCreate(
        name=spec.name,
        pid=spec.pid,
        zone_id=zone_id,
        color=color,
        effect=spec.effect,
        message=spec.message,
        client_name=spec.client_name,
        action=UNSET if spec.action is None else spec.action,
        is_muted=_flag(spec.is_muted),
    )


def status_patch(
    *, read: bool | None = None, archived: bool | None = None, muted: bool | None = None
) -> SignalStatusPatch:
    """The ``PATCH /signals/{id}/status`` body; at least one flag must be given."""
    flags = {"read": read, "archived": archived, "muted": muted}
    if all(value is None for value in flags.values()):
        raise InputError("give at least one of read, archived or muted")
    for name, value in flags.items():
        if value is not None and not isinstance(value, bool):
            raise InputError(f"{name} must be True or False, got {shown(value, 40)}")
    return SignalStatusPatch(
        is_read=_flag(read), is_archived=_flag(archived), is_muted=_flag(muted)
    )


def _flag(value: bool | None) -> bool | Unset:
    return UNSET if value is None else value


def parse_zone_color(body: bytes | str) -> str:
    """The colour a zone shows, as ``#RRGGBB``, from either documented answer.

    The current route answers bare text (``#FF0000``, maybe JSON-quoted); the 2018 route
    answered ``{"color": "#F00"}``. Anything else raises `APIResponseValidationError`.
    """
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    text = text.strip()
    value: object = text
    if text[:1] in ("{", '"'):
        try:
            value = json.loads(text)
        except (ValueError, RecursionError):
            value = None
        if isinstance(value, dict):
            value = value.get("color")
    try:
        if not isinstance(value, str) or not value.strip().startswith("#"):
            raise ColorError("no colour")
        return normalize_color(value.strip())
    except ColorError:
        raise APIResponseValidationError(
            "the colour endpoint did not answer '#RRGGBB' or {\"color\": ...}",
            body_text=text[:200],
        ) from None


@dataclass(frozen=True, slots=True)
class Shadow:
    """What one zone displays: the latest signal there, with its zone id normalised.

    `xy` is the canonical XY of the zone on the client's layout (None when the server's
    ``zoneId`` matches no zone of it); `zone_id` is the id exactly as the server returned it
    (the cloud may have rewritten ``KEY_...`` codes to linear ids); `color` is ``#RRGGBB`` when
    the server's value is a colour.
    """

    xy: str | None
    zone_id: str
    color: str
    effect: str | None
    pid: str
    signal_id: int
    label: str | None
    signal: Signal = dataclasses.field(repr=False, compare=False)


LayoutFor = Callable[[str], Layout]


def sent_by(signal: Signal, client_name: str) -> bool:
    """True if `signal` was sent as `client_name`.

    The cloud rewrites the ``clientName`` of a signal sent to a ``KEY_...`` zone into a notice
    that ends with the original name (``"NOTICE: zoneId automatically converted ... kbapi"``).
    """
    name = signal.client_name
    if not isinstance(name, str):
        return False
    return name == client_name or (name.startswith("NOTICE:") and name.endswith(f" {client_name}"))


def layout_on(layout: Layout, pid: str) -> Layout:
    """`layout`'s tag on `pid`'s device (a 4Q pid gets the 4Q grid, XY only); `layout` itself
    for ``Q_MATRIX``, unknown pids and pids of its own device."""
    try:
        device = canonical_device(pid)
    except (ZoneError, UnknownLayoutError):
        return layout
    return layout if device == layout.device else get_layout(layout.tag, device)


def layout_resolver(default: Layout) -> LayoutFor:
    """Pick the layout for a shadow's pid: `layout_on` the client's `default`."""
    return functools.partial(layout_on, default)


def to_shadow(signal: Signal, layout_for: LayoutFor) -> Shadow:
    """One server signal as a `Shadow`."""
    layout = layout_for(signal.pid)
    try:
        zone = layout.resolve(signal.zone_id)
    except (ZoneError, UnknownLayoutError):
        xy, label = None, None
    else:
        xy, label = zone.xy, zone.label
    effect = signal.effect if isinstance(signal.effect, str) else None
    color = normalized_or_raw(signal.color)
    return Shadow(xy, signal.zone_id, color, effect, signal.pid, signal.id, label, signal)


def normalize_shadows(signals: Iterable[Signal], layout_for: LayoutFor) -> list[Shadow]:
    """Shadows with one entry per (pid, zone) whatever form each ``zoneId`` was written in.

    When two entries name the same zone (``KEY_Q`` and ``74``), the later one in the server's
    order wins, as it is what the zone displays. Order is the server's.
    """
    latest: dict[tuple[str, str], Shadow] = {}
    for signal in signals:
        shadow = to_shadow(signal, layout_for)
        key = (shadow.pid, shadow.xy if shadow.xy is not None else f"raw:{shadow.zone_id}")
        latest.pop(key, None)
        latest[key] = shadow
    return list(latest.values())


def color_map(shadows: Iterable[Shadow]) -> dict[str, str]:
    """``{xy: "#RRGGBB"}`` of the shadows that name a known zone, for drawing the keyboard."""
    return {s.xy: s.color for s in shadows if s.xy is not None and s.color.startswith("#")}
