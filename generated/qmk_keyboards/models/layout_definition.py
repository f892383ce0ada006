from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key import Key


T = TypeVar("T", bound="LayoutDefinition")


@_attrs_define
class LayoutDefinition:
    """
    Attributes:
        layout (list[Key]):
        c_macro (bool | Unset):
        json_layout (bool | Unset):
        filename (str | Unset):
    """

    layout: list[Key]
    c_macro: bool | Unset = UNSET
    json_layout: bool | Unset = UNSET
    filename: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        layout = []
        for layout_item_data in self.layout:
            layout_item = layout_item_data.to_dict()
            layout.append(layout_item)

        c_macro = self.c_macro

        json_layout = self.json_layout

        filename = self.filename

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "layout": layout,
            }
        )
        if c_macro is not UNSET:
            field_dict["c_macro"] = c_macro
        if json_layout is not UNSET:
            field_dict["json_layout"] = json_layout
        if filename is not UNSET:
            field_dict["filename"] = filename

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.key import Key

        d = dict(src_dict)
        layout = []
        _layout = d.pop("layout")
        for layout_item_data in _layout:
            layout_item = Key.from_dict(layout_item_data)

            layout.append(layout_item)

        c_macro = d.pop("c_macro", UNSET)

        json_layout = d.pop("json_layout", UNSET)

        filename = d.pop("filename", UNSET)

        layout_definition = cls(
            layout=layout,
            c_macro=c_macro,
            json_layout=json_layout,
            filename=filename,
        )

        layout_definition.additional_properties = d
        return layout_definition

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
