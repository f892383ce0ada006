from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.layout_zone import LayoutZone


T = TypeVar("T", bound="LanguageLayout")


@_attrs_define
class LanguageLayout:
    """The keyboard layout of the user's device.

    Attributes:
        language_tag (str): e.g. `en-US`, `es-ES`.
        zones (list[LayoutZone]):
        language (str | Unset):
        location (str | Unset):
        language_id (int | Unset):
    """

    language_tag: str
    zones: list[LayoutZone]
    language: str | Unset = UNSET
    location: str | Unset = UNSET
    language_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        language_tag = self.language_tag

        zones = []
        for zones_item_data in self.zones:
            zones_item = zones_item_data.to_dict()
            zones.append(zones_item)

        language = self.language

        location = self.location

        language_id = self.language_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "languageTag": language_tag,
                "zones": zones,
            }
        )
        if language is not UNSET:
            field_dict["language"] = language
        if location is not UNSET:
            field_dict["location"] = location
        if language_id is not UNSET:
            field_dict["languageId"] = language_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.layout_zone import LayoutZone

        d = dict(src_dict)
        language_tag = d.pop("languageTag")

        zones = []
        _zones = d.pop("zones")
        for zones_item_data in _zones:
            zones_item = LayoutZone.from_dict(zones_item_data)

            zones.append(zones_item)

        language = d.pop("language", UNSET)

        location = d.pop("location", UNSET)

        language_id = d.pop("languageId", UNSET)

        language_layout = cls(
            language_tag=language_tag,
            zones=zones,
            language=language,
            location=location,
            language_id=language_id,
        )

        language_layout.additional_properties = d
        return language_layout

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
