from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UsbIds")


@_attrs_define
class UsbIds:
    """USB ids as strings, e.g. `0x03A8`.

    Attributes:
        vid (str | Unset):
        pid (str | Unset):
        device_version (str | Unset):
    """

    vid: str | Unset = UNSET
    pid: str | Unset = UNSET
    device_version: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vid = self.vid

        pid = self.pid

        device_version = self.device_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if vid is not UNSET:
            field_dict["vid"] = vid
        if pid is not UNSET:
            field_dict["pid"] = pid
        if device_version is not UNSET:
            field_dict["device_version"] = device_version

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        vid = d.pop("vid", UNSET)

        pid = d.pop("pid", UNSET)

        device_version = d.pop("device_version", UNSET)

        usb_ids = cls(
            vid=vid,
            pid=pid,
            device_version=device_version,
        )

        usb_ids.additional_properties = d
        return usb_ids

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
