from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kle_conversion_layouts import KleConversionLayouts


T = TypeVar("T", bound="KleConversion")


@_attrs_define
class KleConversion:
    """The info.json fragment made from KLE data.

    Attributes:
        keyboard_name (str):
        url (str):
        maintainer (str):
        layouts (KleConversionLayouts):
    """

    keyboard_name: str
    url: str
    maintainer: str
    layouts: KleConversionLayouts
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keyboard_name = self.keyboard_name

        url = self.url

        maintainer = self.maintainer

        layouts = self.layouts.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keyboard_name": keyboard_name,
                "url": url,
                "maintainer": maintainer,
                "layouts": layouts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kle_conversion_layouts import KleConversionLayouts

        d = dict(src_dict)
        keyboard_name = d.pop("keyboard_name")

        url = d.pop("url")

        maintainer = d.pop("maintainer")

        layouts = KleConversionLayouts.from_dict(d.pop("layouts"))

        kle_conversion = cls(
            keyboard_name=keyboard_name,
            url=url,
            maintainer=maintainer,
            layouts=layouts,
        )

        kle_conversion.additional_properties = d
        return kle_conversion

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
