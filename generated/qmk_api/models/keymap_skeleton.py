from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KeymapSkeleton")


@_attrs_define
class KeymapSkeleton:
    """The empty keymap JSON.

    Attributes:
        version (int):
        notes (str):
        keyboard (None | str):
        keymap (None | str):
        layout (None | str):
        layers (list[list[str]]):
        documentation (str):
    """

    version: int
    notes: str
    keyboard: None | str
    keymap: None | str
    layout: None | str
    layers: list[list[str]]
    documentation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        notes = self.notes

        keyboard: None | str
        keyboard = self.keyboard

        keymap: None | str
        keymap = self.keymap

        layout: None | str
        layout = self.layout

        layers = []
        for layers_item_data in self.layers:
            layers_item = layers_item_data

            layers.append(layers_item)

        documentation = self.documentation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "notes": notes,
                "keyboard": keyboard,
                "keymap": keymap,
                "layout": layout,
                "layers": layers,
                "documentation": documentation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        version = d.pop("version")

        notes = d.pop("notes")

        def _parse_keyboard(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        keyboard = _parse_keyboard(d.pop("keyboard"))

        def _parse_keymap(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        keymap = _parse_keymap(d.pop("keymap"))

        def _parse_layout(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        layout = _parse_layout(d.pop("layout"))

        layers = []
        _layers = d.pop("layers")
        for layers_item_data in _layers:
            layers_item = cast(list[str], layers_item_data)

            layers.append(layers_item)

        documentation = d.pop("documentation")

        keymap_skeleton = cls(
            version=version,
            notes=notes,
            keyboard=keyboard,
            keymap=keymap,
            layout=layout,
            layers=layers,
            documentation=documentation,
        )

        keymap_skeleton.additional_properties = d
        return keymap_skeleton

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
