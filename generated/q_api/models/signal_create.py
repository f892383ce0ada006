from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignalCreate")


@_attrs_define
class SignalCreate:
    """A signal to create (v1). Every optional field may also be sent as an explicit JSON `null`, which means the
    same as leaving it out (the default applies): real clients do this (C# and Go serialisers write unset
    members as `null`, the applet SDK sends `clientName: null`), and a signal read back (`action: null`,
    `readAt: null`) can be posted again. Read-only fields of such a body (`id`, `userId`, `readAt`,
    `createdAt`, `updatedAt`, `zoneConfiguration`, ...) are ignored.

        Attributes:
            name (str): Popup title; with `message` empty too, the signal only lights the LEDs.
            pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
                pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
                from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
            zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).
            color (str): `#` followed by 3 or 6 hexadecimal digits.
            effect (None | str | Unset): `EffectName` in a request body: `SET_COLOR` (default), `BLINK`, `BREATHE`,
                `COLOR_CYCLE`, `RIPPLE`,
                `INWARD_RIPPLE`, `BOUNCING_LIGHT`, `LASER`, `WAVE`, or any newer name; an explicit `null` means the
                default.
            message (None | str | Unset): Popup text (default empty).
            action (None | str | Unset): `actionType:value`, e.g. `url:https://...` or `open:chrome` (cloud).
            client_name (None | str | Unset): Who created the signal.
            is_read (bool | None | Unset): Default false; ignored locally.
            is_archived (bool | None | Unset): Default false; ignored locally.
            is_muted (bool | None | Unset): No notification and no green Q button when true.
            should_notify (bool | None | Unset): Removed from the docs in 2018; still sent by some clients.
    """

    name: str
    pid: str
    zone_id: str
    color: str
    effect: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    action: None | str | Unset = UNSET
    client_name: None | str | Unset = UNSET
    is_read: bool | None | Unset = UNSET
    is_archived: bool | None | Unset = UNSET
    is_muted: bool | None | Unset = UNSET
    should_notify: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        pid = self.pid

        zone_id = self.zone_id

        color = self.color

        effect: None | str | Unset
        if isinstance(self.effect, Unset):
            effect = UNSET
        else:
            effect = self.effect

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        else:
            action = self.action

        client_name: None | str | Unset
        if isinstance(self.client_name, Unset):
            client_name = UNSET
        else:
            client_name = self.client_name

        is_read: bool | None | Unset
        if isinstance(self.is_read, Unset):
            is_read = UNSET
        else:
            is_read = self.is_read

        is_archived: bool | None | Unset
        if isinstance(self.is_archived, Unset):
            is_archived = UNSET
        else:
            is_archived = self.is_archived

        is_muted: bool | None | Unset
        if isinstance(self.is_muted, Unset):
            is_muted = UNSET
        else:
            is_muted = self.is_muted

        should_notify: bool | None | Unset
        if isinstance(self.should_notify, Unset):
            should_notify = UNSET
        else:
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

        def _parse_effect(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        effect = _parse_effect(d.pop("effect", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action = _parse_action(d.pop("action", UNSET))

        def _parse_client_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_name = _parse_client_name(d.pop("clientName", UNSET))

        def _parse_is_read(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_read = _parse_is_read(d.pop("isRead", UNSET))

        def _parse_is_archived(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_archived = _parse_is_archived(d.pop("isArchived", UNSET))

        def _parse_is_muted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_muted = _parse_is_muted(d.pop("isMuted", UNSET))

        def _parse_should_notify(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        should_notify = _parse_should_notify(d.pop("shouldNotify", UNSET))

        signal_create = cls(
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

        signal_create.additional_properties = d
        return signal_create

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
