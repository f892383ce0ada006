from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.signal_link import SignalLink
    from ..models.v2_signal_create_data_type_0 import V2SignalCreateDataType0


T = TypeVar("T", bound="V2SignalCreate")


@_attrs_define
class V2SignalCreate:
    """A multi-zone signal (local v2), as built by the applet SDK. Every optional field may be sent as an explicit
    `null`, meaning the default: the SDK sends `clientName: null` for a signal without an extension id (always
    for its FLASH signal). A signal read back from the v2 routes can be posted again (read-only fields such as
    `id`, `zoneId`, `color`, `effect`, `createdAt` are ignored).

        Attributes:
            action_value (str): JSON text of an array of `{zoneId, effect, color}` (see `ActionValueList`).
            pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
                pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
                from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
            action (None | str | Unset): `DRAW` (default), `ERROR` or `FLASH`; open set.
            client_name (None | str | Unset): The applet's extension id (its signals are listed under
                `/api/2.0/signals/applets/{id}`).
            data (None | Unset | V2SignalCreateDataType0): Applet data (usually null).
            link (None | SignalLink | Unset):
            errors (list[str] | None | Unset):
            is_muted (bool | None | Unset):
            message (None | str | Unset):
            name (None | str | Unset):
    """

    action_value: str
    pid: str
    action: None | str | Unset = UNSET
    client_name: None | str | Unset = UNSET
    data: None | Unset | V2SignalCreateDataType0 = UNSET
    link: None | SignalLink | Unset = UNSET
    errors: list[str] | None | Unset = UNSET
    is_muted: bool | None | Unset = UNSET
    message: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.signal_link import SignalLink
        from ..models.v2_signal_create_data_type_0 import V2SignalCreateDataType0

        action_value = self.action_value

        pid = self.pid

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

        data: dict[str, Any] | None | Unset
        if isinstance(self.data, Unset):
            data = UNSET
        elif isinstance(self.data, V2SignalCreateDataType0):
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

        is_muted: bool | None | Unset
        if isinstance(self.is_muted, Unset):
            is_muted = UNSET
        else:
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actionValue": action_value,
                "pid": pid,
            }
        )
        if action is not UNSET:
            field_dict["action"] = action
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

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.signal_link import SignalLink
        from ..models.v2_signal_create_data_type_0 import V2SignalCreateDataType0

        d = dict(src_dict)
        action_value = d.pop("actionValue")

        pid = d.pop("pid")

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

        def _parse_data(data: object) -> None | Unset | V2SignalCreateDataType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = V2SignalCreateDataType0.from_dict(data)

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | V2SignalCreateDataType0, data)

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

        def _parse_is_muted(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_muted = _parse_is_muted(d.pop("isMuted", UNSET))

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

        v2_signal_create = cls(
            action_value=action_value,
            pid=pid,
            action=action,
            client_name=client_name,
            data=data,
            link=link,
            errors=errors,
            is_muted=is_muted,
            message=message,
            name=name,
        )

        v2_signal_create.additional_properties = d
        return v2_signal_create

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
