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
    """A multi-zone signal (local v2), as built by the applet SDK.

    Attributes:
        action_value (str): JSON text of an array of `{zoneId, effect, color}` (see `ActionValueList`).
        pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        action (str | Unset): `DRAW` (default), `ERROR` or `FLASH`; open set.
        client_name (str | Unset):
        data (None | Unset | V2SignalCreateDataType0): Applet data (usually null).
        link (None | SignalLink | Unset):
        errors (list[str] | Unset):
        is_muted (bool | Unset):
        message (str | Unset):
        name (str | Unset):
    """

    action_value: str
    pid: str
    action: str | Unset = UNSET
    client_name: str | Unset = UNSET
    data: None | Unset | V2SignalCreateDataType0 = UNSET
    link: None | SignalLink | Unset = UNSET
    errors: list[str] | Unset = UNSET
    is_muted: bool | Unset = UNSET
    message: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.signal_link import SignalLink
        from ..models.v2_signal_create_data_type_0 import V2SignalCreateDataType0

        action_value = self.action_value

        pid = self.pid

        action = self.action

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

        errors: list[str] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors

        is_muted = self.is_muted

        message = self.message

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

        action = d.pop("action", UNSET)

        client_name = d.pop("clientName", UNSET)

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

        errors = cast(list[str], d.pop("errors", UNSET))

        is_muted = d.pop("isMuted", UNSET)

        message = d.pop("message", UNSET)

        name = d.pop("name", UNSET)

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
