from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LayoutZone")


@_attrs_define
class LayoutZone:
    """A zone of the active layout; `id` = linear id = primary LED id.

    Attributes:
        id (int):
        code (str):
        led_ids (list[int] | Unset):
        description (str | Unset):
    """

    id: int
    code: str
    led_ids: list[int] | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        code = self.code

        led_ids: list[int] | Unset = UNSET
        if not isinstance(self.led_ids, Unset):
            led_ids = self.led_ids

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "code": code,
            }
        )
        if led_ids is not UNSET:
            field_dict["ledIds"] = led_ids
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        code = d.pop("code")

        led_ids = cast(list[int], d.pop("ledIds", UNSET))

        description = d.pop("description", UNSET)

        layout_zone = cls(
            id=id,
            code=code,
            led_ids=led_ids,
            description=description,
        )

        layout_zone.additional_properties = d
        return layout_zone

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
