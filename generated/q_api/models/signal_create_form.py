from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignalCreateForm")


@_attrs_define
class SignalCreateForm:
    """`SignalCreate` sent as `application/x-www-form-urlencoded` (cloud only): the same fields, but a form
    field is always a string (booleans `true`/`false`), so there is no `null`. A schema of its own, so that
    the generated client gets one body class per media type and can tell them apart.

        Attributes:
            name (str):
            pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
                pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
                from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
            zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).
            color (str): `#` followed by 3 or 6 hexadecimal digits.
            effect (str | Unset): Effect name. Documented: `SET_COLOR` (default), `BLINK`, `BREATHE`, `COLOR_CYCLE`,
                `RIPPLE`,
                `INWARD_RIPPLE`, `BOUNCING_LIGHT`, `LASER`, `WAVE`. Open set: the cloud may add effects and `NONE` (with
                `#000`) is used to switch a key off.
            message (str | Unset):
            action (str | Unset):
            client_name (str | Unset):
            is_read (bool | Unset):
            is_archived (bool | Unset):
            is_muted (bool | Unset):
            should_notify (bool | Unset):
    """

    name: str
    pid: str
    zone_id: str
    color: str
    effect: str | Unset = UNSET
    message: str | Unset = UNSET
    action: str | Unset = UNSET
    client_name: str | Unset = UNSET
    is_read: bool | Unset = UNSET
    is_archived: bool | Unset = UNSET
    is_muted: bool | Unset = UNSET
    should_notify: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        pid = self.pid

        zone_id = self.zone_id

        color = self.color

        effect = self.effect

        message = self.message

        action = self.action

        client_name = self.client_name

        is_read = self.is_read

        is_archived = self.is_archived

        is_muted = self.is_muted

        should_notify = self.should_notify

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "pid": pid,
                "zoneId": zone_id,
                "color": color,
            }
        )
        if effect is not UNSET:
            field_dict["effect"] = effect
        if message is not UNSET:
            field_dict["message"] = message
        if action is not UNSET:
            field_dict["action"] = action
        if client_name is not UNSET:
            field_dict["clientName"] = client_name
        if is_read is not UNSET:
            field_dict["isRead"] = is_read
        if is_archived is not UNSET:
            field_dict["isArchived"] = is_archived
        if is_muted is not UNSET:
            field_dict["isMuted"] = is_muted
        if should_notify is not UNSET:
            field_dict["shouldNotify"] = should_notify

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        pid = d.pop("pid")

        zone_id = d.pop("zoneId")

        color = d.pop("color")

        effect = d.pop("effect", UNSET)

        message = d.pop("message", UNSET)

        action = d.pop("action", UNSET)

        client_name = d.pop("clientName", UNSET)

        is_read = d.pop("isRead", UNSET)

        is_archived = d.pop("isArchived", UNSET)

        is_muted = d.pop("isMuted", UNSET)

        should_notify = d.pop("shouldNotify", UNSET)

        signal_create_form = cls(
            name=name,
            pid=pid,
            zone_id=zone_id,
            color=color,
            effect=effect,
            message=message,
            action=action,
            client_name=client_name,
            is_read=is_read,
            is_archived=is_archived,
            is_muted=is_muted,
            should_notify=should_notify,
        )

        signal_create_form.additional_properties = d
        return signal_create_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
