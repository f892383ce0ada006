from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KeyboardList")


@_attrs_define
class KeyboardList:
    """
    Attributes:
        last_updated (str): Generation time, e.g. `2022-03-26 01:07:21 GMT`.
        keyboards (list[str]):
    """

    last_updated: str
    keyboards: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        last_updated = self.last_updated

        keyboards = self.keyboards

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "last_updated": last_updated,
                "keyboards": keyboards,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        last_updated = d.pop("last_updated")

        keyboards = cast(list[str], d.pop("keyboards"))

        keyboard_list = cls(
            last_updated=last_updated,
            keyboards=keyboards,
        )

        keyboard_list.additional_properties = d
        return keyboard_list

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
