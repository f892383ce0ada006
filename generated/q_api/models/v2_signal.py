from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.signal_link import SignalLink
    from ..models.v2_signal_data_type_0 import V2SignalDataType0


T = TypeVar("T", bound="V2Signal")


@_attrs_define
class V2Signal:
    """A signal as the local v2 routes return it: the v2 create body plus id and timestamps. Fields the creator
    left out come back as null, and a signal created through v1 comes back in its v1 shape (`zoneId`,
    `color`, `effect`, no `actionValue`), so only `id` and `pid` are required.

        Attributes:
            id (int):
            pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
                pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
                from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
            action (None | str | Unset):
            action_value (None | str | Unset):
            client_name (None | str | Unset):
            data (None | Unset | V2SignalDataType0):
            link (None | SignalLink | Unset):
            errors (list[str] | None | Unset):
            is_muted (bool | Unset):
            message (None | str | Unset):
            name (None | str | Unset):
            zone_id (str | Unset): Key code (`KEY_Q`, layout dependent), linear id (`74`) or XY `x,y` (`2,2`).
            color (str | Unset): `#` followed by 3 or 6 hexadecimal digits.
            effect (str | Unset): Effect name. Documented: `SET_COLOR` (default), `BLINK`, `BREATHE`, `COLOR_CYCLE`,
                `RIPPLE`,
                `INWARD_RIPPLE`, `BOUNCING_LIGHT`, `LASER`, `WAVE`. Open set: the cloud may add effects and `NONE` (with
                `#000`) is used to switch a key off.
            user_id (int | None | Unset):
            created_at (int | Unset):
            updated_at (int | Unset):
    """

    id: int
    pid: str
    action: None | str | Unset = UNSET
    action_value: None | str | Unset = UNSET
    client_name: None | str | Unset = UNSET
    data: None | Unset | V2SignalDataType0 = UNSET
    link: None | SignalLink | Unset = UNSET
    errors: list[str] | None | Unset = UNSET
    is_muted: bool | Unset = UNSET
    message: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    zone_id: str | Unset = UNSET
    color: str | Unset = UNSET
    effect: str | Unset = UNSET
    user_id: int | None | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.signal_link import SignalLink
        from ..models.v2_signal_data_type_0 import V2SignalDataType0

        id = self.id

        pid = self.pid

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        else:
            action = self.action

        action_value: None | str | Unset
        if isinstance(self.action_value, Unset):
            action_value = UNSET
        else:
            action_value = self.action_value

        client_name: None | str | Unset
        if isinstance(self.client_name, Unset):
            client_name = UNSET
        else:
            client_name = self.client_name

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, V2SignalDataType0):
            data = self.data.to_dict()
        else:
            data = self.data

        link: dict[str, Any] | None | Unset
        if isinstance(self.link, Unset):
            link = UNSET
        elif isinstance(self.link, SignalLink):
            link = self.link.to_dict()
        else:
            link = self.link

        errors: list[str] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = self.errors

        else:
            errors = self.errors

        is_muted = self.is_muted

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        zone_id = self.zone_id

        color = self.color

        effect = self.effect

        user_id: int | None | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "pid": pid,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
        if action_value is not UNSET:
            field_dict["actionValue"] = action_value
        if client_name is not UNSET:
            field_dict["clientName"] = client_name
        if data is not UNSET:
            field_dict["data"] = data
        if link is not UNSET:
            field_dict["link"] = link
        if errors is not UNSET:
            field_dict["errors"] = errors
        if is_muted is not UNSET:
            field_dict["isMuted"] = is_muted
        if message is not UNSET:
            field_dict["message"] = message
        if name is not UNSET:
            field_dict["name"] = name
        if zone_id is not UNSET:
            field_dict["zoneId"] = zone_id
        if color is not UNSET:
            field_dict["color"] = color
        if effect is not UNSET:
            field_dict["effect"] = effect
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.signal_link import SignalLink
        from ..models.v2_signal_data_type_0 import V2SignalDataType0

        d = dict(src_dict)
        id = d.pop("id")

        pid = d.pop("pid")

        def _parse_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action = _parse_action(d.pop("action", UNSET))

        def _parse_action_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action_value = _parse_action_value(d.pop("actionValue", UNSET))

        def _parse_client_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_name = _parse_client_name(d.pop("clientName", UNSET))

        def _parse_data(data: object) -> None | Unset | V2SignalDataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = V2SignalDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V2SignalDataType0, data)

        data = _parse_data(d.pop("data", UNSET))

        def _parse_link(data: object) -> None | SignalLink | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                link_type_0 = SignalLink.from_dict(data)

                return link_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SignalLink | Unset, data)

        link = _parse_link(d.pop("link", UNSET))

        def _parse_errors(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = cast(list[str], data)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        errors = _parse_errors(d.pop("errors", UNSET))

        is_muted = d.pop("isMuted", UNSET)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        zone_id = d.pop("zoneId", UNSET)

        color = d.pop("color", UNSET)

        effect = d.pop("effect", UNSET)

        def _parse_user_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        user_id = _parse_user_id(d.pop("userId", UNSET))

        created_at = d.pop("createdAt", UNSET)

        updated_at = d.pop("updatedAt", UNSET)

        v2_signal = cls(
            id=id,
            pid=pid,
            action=action,
            action_value=action_value,
            client_name=client_name,
            data=data,
            link=link,
            errors=errors,
            is_muted=is_muted,
            message=message,
            name=name,
            zone_id=zone_id,
            color=color,
            effect=effect,
            user_id=user_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        v2_signal.additional_properties = d
        return v2_signal

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
