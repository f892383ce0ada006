from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignalStatusPatch")


@_attrs_define
class SignalStatusPatch:
    """The only updatable signal fields. A flag left out or sent as `null` keeps its value. Any other field is
    ignored, so a whole signal as read back (a PHP client's own example sends one) is a valid body: only its
    three flags are applied.

        Attributes:
            is_read (bool | None | Unset):
            is_archived (bool | None | Unset):
            is_muted (bool | None | Unset):
    """

    is_read: bool | None | Unset = UNSET
    is_archived: bool | None | Unset = UNSET
    is_muted: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_read is not UNSET:
            field_dict["isRead"] = is_read
        if is_archived is not UNSET:
            field_dict["isArchived"] = is_archived
        if is_muted is not UNSET:
            field_dict["isMuted"] = is_muted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

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

        signal_status_patch = cls(
            is_read=is_read,
            is_archived=is_archived,
            is_muted=is_muted,
        )

        signal_status_patch.additional_properties = d
        return signal_status_patch

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
