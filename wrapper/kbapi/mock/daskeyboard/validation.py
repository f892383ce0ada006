"""Validation of signal bodies (reference §6.1, §4.9, §4.13). Errors name the field.

Missing or mistyped fields and pattern violations answer 422. An optional field sent as JSON
`null` counts as left out (its default applies), as the real services accept it: real clients send
`clientName: null`, `action: null`... and a signal read back can be posted again. Unknown fields
of a signal are ignored; a status patch applies its three flags and ignores every other field (a
whole signal is a valid patch). Effects and v2 actions are open sets (any string), as in the
spec. Form-encoded bodies carry strings only, so there booleans are `true`/`false`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from kbapi.mock.daskeyboard.http import ApiError, ensure_unicode
from kbapi.mock.daskeyboard.zones import is_zone_id

COLOR = re.compile(r"#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})")
ACTION = re.compile(r"[a-z]+:.+", re.DOTALL)
# The spec's `Pid` pattern (upper case, as every known pid).
PID = re.compile(r"[A-Z][A-Z0-9_]*")
STATUS_FLAGS = ("isRead", "isArchived", "isMuted")


def invalid(field: str, message: str) -> ApiError:
    """A 422 naming the field."""
    return ApiError(422, f"{field}: {message}")


REQUIRED: Any = object()
"""The `default` of a field that must be sent."""
JSON_TYPES = {str: "a string", bool: "true or false", list: "an array", dict: "an object"}


def field_value(data: dict[str, Any], field: str, kind: type, default: Any = REQUIRED) -> Any:
    """`data[field]`, which must be of `kind`; left out or null (an optional field sent as
    null counts as left out): `default`, or a 422 when the field is `REQUIRED`."""
    value = data.get(field)
    if value is None:
        if default is REQUIRED:
            raise invalid(field, "is required")
        return default
    if not isinstance(value, kind):
        raise invalid(field, f"must be {JSON_TYPES[kind]}")
    return value


def _boolean(data: dict[str, Any], field: str, *, form: bool) -> bool | None:
    value = data.get(field)
    if value is None:
        return None
    if form and isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    if not isinstance(value, bool):
        raise invalid(field, "must be true or false")
    return value


def check_color(field: str, value: str) -> str:
    """'#' and 3 or 6 hexadecimal digits."""
    if COLOR.fullmatch(value) is None:
        raise invalid(field, "must be '#' followed by 3 or 6 hexadecimal digits")
    return value


def check_zone_id(field: str, value: str) -> str:
    """`KEY_*`, a linear id or `x,y`."""
    if not is_zone_id(value):
        raise invalid(field, "must be KEY_<CODE>, a linear id like 74 or x,y like 2,2")
    return value


def check_pid(field: str, value: str) -> str:
    """A product id like `DK5QPID`."""
    if PID.fullmatch(value) is None:
        raise invalid(field, "must be a product id like DK5QPID")
    return value


@dataclass(frozen=True)
class SignalInput:
    """A validated v1 signal body."""

    name: str
    pid: str
    zone_id: str
    color: str
    message: str | None
    effect: str
    action: str | None
    client_name: str | None
    is_read: bool
    is_archived: bool
    is_muted: bool


def signal_input(data: dict[str, Any], *, form: bool = False) -> SignalInput:
    """Validate a `POST /api/1.0/signals` body."""
    name = field_value(data, "name", str)
    pid = check_pid("pid", field_value(data, "pid", str))
    zone_id = check_zone_id("zoneId", field_value(data, "zoneId", str))
    color = check_color("color", field_value(data, "color", str))
    # Effects are an open set (spec `EffectName`): the 9 known ones, NONE, and whatever comes next.
    effect = field_value(data, "effect", str, None) or "SET_COLOR"
    action = field_value(data, "action", str, None)
    if action is not None and ACTION.fullmatch(action) is None:
        raise invalid("action", "must look like actionType:value, e.g. url:https://...")
    # Legacy (removed from the docs in 2018) and ignored, but still a boolean when sent.
    _boolean(data, "shouldNotify", form=form)
    return SignalInput(
        name=name,
        pid=pid,
        zone_id=zone_id,
        color=color,
        message=field_value(data, "message", str, None),
        effect=effect,
        action=action,
        client_name=field_value(data, "clientName", str, None),
        is_read=bool(_boolean(data, "isRead", form=form)),
        is_archived=bool(_boolean(data, "isArchived", form=form)),
        is_muted=bool(_boolean(data, "isMuted", form=form)),
    )


def status_input(data: dict[str, Any], *, form: bool = False) -> dict[str, bool]:
    """The flags a `PATCH /signals/{id}/status` body sets: booleans (or null = unchanged); every
    other field is ignored, so a whole signal applies its three flags only."""
    flags = {name: _boolean(data, name, form=form) for name in STATUS_FLAGS}
    return {name: value for name, value in flags.items() if value is not None}


@dataclass(frozen=True)
class ZonePaint:
    """One element of a v2 `actionValue`."""

    zone_id: str
    effect: str
    color: str


def _paint(index: int, item: Any) -> ZonePaint:
    where = f"actionValue[{index}]"
    if not isinstance(item, dict):
        raise ApiError(400, f"{where} must be an object with zoneId, effect and color")
    zone_id = item.get("zoneId")
    color = item.get("color")
    # The applet SDK's QPoint takes the effect as given, so an explicit null means the default.
    effect = item.get("effect")
    effect = "SET_COLOR" if effect is None else effect
    if not isinstance(zone_id, str) or not is_zone_id(zone_id):
        raise ApiError(400, f"{where}.zoneId must be KEY_<CODE>, a linear id or x,y")
    if not isinstance(color, str) or COLOR.fullmatch(color) is None:
        raise ApiError(400, f"{where}.color must be '#' followed by 3 or 6 hexadecimal digits")
    if not isinstance(effect, str):
        raise ApiError(400, f"{where}.effect must be an effect name")
    return ZonePaint(zone_id, effect, color)


def action_value(raw: Any) -> list[ZonePaint]:
    """Parse the v2 `actionValue`: a JSON *string* holding `[{zoneId, effect, color}]`."""
    if not isinstance(raw, str):
        raise ApiError(400, "actionValue must be a string holding a JSON array")
    try:
        items = json.loads(raw, parse_constant=lambda name: None)
    except (ValueError, RecursionError):
        raise ApiError(400, "actionValue is not valid JSON") from None
    ensure_unicode(items, "actionValue")
    if not isinstance(items, list) or not items:
        raise ApiError(400, "actionValue must hold a non-empty JSON array")
    return [_paint(index, item) for index, item in enumerate(items)]


def v2_action(data: dict[str, Any]) -> str:
    """The v2 `action` (default `DRAW`); an open set like effects (`DRAW`, `ERROR`, `FLASH`...)."""
    return field_value(data, "action", str, None) or "DRAW"
