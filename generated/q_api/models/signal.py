from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.zone_configuration import ZoneConfiguration


T = TypeVar("T", bound="Signal")


@_attrs_define
class Signal:
    """A stored signal. `id` is negative for signals created locally; local signals have `userId` null and the
    extras `zoneConfiguration` and `isComingFromPublicApiOnly`; 2016/17 cloud signals carry `shouldNotify`.

        Attributes:
            id (int):
            name (str):
            pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
                pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
                from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
            zone_id (str): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).
            color (str): `#` followed by 3 or 6 hexadecimal digits.
            created_at (int): Epoch milliseconds.
            updated_at (int): Epoch milliseconds.
            message (None | str | Unset):
            effect (str | Unset): Effect name. Documented: `SET_COLOR` (default), `BLINK`, `BREATHE`, `COLOR_CYCLE`,
                `RIPPLE`,
                `INWARD_RIPPLE`, `BOUNCING_LIGHT`, `LASER`, `WAVE`. Open set: the cloud may add effects and `NONE` (with
                `#000`) is used to switch a key off.
            action (None | str | Unset):
            client_name (None | str | Unset):
            is_read (bool | Unset):
            is_archived (bool | Unset):
            is_muted (bool | Unset):
            user_id (int | None | Unset):
            read_at (int | None | Unset): Epoch milliseconds.
            should_notify (bool | Unset): Legacy (2016/17 cloud).
            zone_configuration (ZoneConfiguration | Unset): Passive (idle) and active (signal) effects of a zone (local).
            is_coming_from_public_api_only (bool | Unset): Local only.
    """

    id: int
    name: str
    pid: str
    zone_id: str
    color: str
    created_at: int
    updated_at: int
    message: None | str | Unset = UNSET
    effect: str | Unset = UNSET
    action: None | str | Unset = UNSET
    client_name: None | str | Unset = UNSET
    is_read: bool | Unset = UNSET
    is_archived: bool | Unset = UNSET
    is_muted: bool | Unset = UNSET
    user_id: int | None | Unset = UNSET
    read_at: int | None | Unset = UNSET
    should_notify: bool | Unset = UNSET
    zone_configuration: ZoneConfiguration | Unset = UNSET
    is_coming_from_public_api_only: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        pid = self.pid

        zone_id = self.zone_id

        color = self.color

        created_at = self.created_at

        updated_at = self.updated_at

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        effect = self.effect

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

        is_read = self.is_read

        is_archived = self.is_archived

        is_muted = self.is_muted

        user_id: int | None | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        read_at: int | None | Unset
        if isinstance(self.read_at, Unset):
            read_at = UNSET
        else:
            read_at = self.read_at

        should_notify = self.should_notify

        zone_configuration: dict[str, Any] | Unset = UNSET
        if not isinstance(self.zone_configuration, Unset):
            zone_configuration = self.zone_configuration.to_dict()

        is_coming_from_public_api_only = self.is_coming_from_public_api_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "pid": pid,
                "zoneId": zone_id,
                "color": color,
                "createdAt": created_at,
                "updatedAt": updated_at,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message
        if effect is not UNSET:
            field_dict["effect"] = effect
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
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if read_at is not UNSET:
            field_dict["readAt"] = read_at
        if should_notify is not UNSET:
            field_dict["shouldNotify"] = should_notify
        if zone_configuration is not UNSET:
            field_dict["zoneConfiguration"] = zone_configuration
        if is_coming_from_public_api_only is not UNSET:
            field_dict["isComingFromPublicApiOnly"] = is_coming_from_public_api_only

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.zone_configuration import ZoneConfiguration

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        pid = d.pop("pid")

        zone_id = d.pop("zoneId")

        color = d.pop("color")

        created_at = d.pop("createdAt")

        updated_at = d.pop("updatedAt")

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        effect = d.pop("effect", UNSET)

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

        is_read = d.pop("isRead", UNSET)

        is_archived = d.pop("isArchived", UNSET)

        is_muted = d.pop("isMuted", UNSET)

        def _parse_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_id = _parse_user_id(d.pop("userId", UNSET))

        def _parse_read_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        read_at = _parse_read_at(d.pop("readAt", UNSET))

        should_notify = d.pop("shouldNotify", UNSET)

        _zone_configuration = d.pop("zoneConfiguration", UNSET)
        zone_configuration: ZoneConfiguration | Unset
        if isinstance(_zone_configuration, Unset):
            zone_configuration = UNSET
        else:
            zone_configuration = ZoneConfiguration.from_dict(_zone_configuration)

        is_coming_from_public_api_only = d.pop("isComingFromPublicApiOnly", UNSET)

        signal = cls(
            id=id,
            name=name,
            pid=pid,
            zone_id=zone_id,
            color=color,
            created_at=created_at,
            updated_at=updated_at,
            message=message,
            effect=effect,
            action=action,
            client_name=client_name,
            is_read=is_read,
            is_archived=is_archived,
            is_muted=is_muted,
            user_id=user_id,
            read_at=read_at,
            should_notify=should_notify,
            zone_configuration=zone_configuration,
            is_coming_from_public_api_only=is_coming_from_public_api_only,
        )

        signal.additional_properties = d
        return signal

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
