from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.keyboard_info_features import KeyboardInfoFeatures
    from ..models.keyboard_info_keymaps import KeyboardInfoKeymaps
    from ..models.keyboard_info_layout_aliases import KeyboardInfoLayoutAliases
    from ..models.keyboard_info_layouts import KeyboardInfoLayouts
    from ..models.matrix_size import MatrixSize
    from ..models.usb_ids import UsbIds


T = TypeVar("T", bound="KeyboardInfo")


@_attrs_define
class KeyboardInfo:
    """One keyboard's info.json (`qmk.api.keyboard.v1`). Only the members clients need are listed;
    others (matrix_pins, features details, split, rgb settings...) pass through.

        Attributes:
            keyboard_folder (str):
            layouts (KeyboardInfoLayouts): LAYOUT macro name to its definition; key count = length of `layout`.
            keyboard_name (str | Unset):
            manufacturer (str | Unset):
            maintainer (str | Unset): Defaults to `qmk`.
            url (str | Unset):
            processor (str | Unset): e.g. `atmega32u4`, `STM32F303`, `RP2040`.
            processor_type (str | Unset):
            bootloader (str | Unset): e.g. `atmel-dfu`, `caterina`, `stm32-dfu`, `rp2040`.
            platform (str | Unset):
            protocol (str | Unset): LUFA, ChibiOS or V-USB.
            usb (UsbIds | Unset): USB ids as strings, e.g. `0x03A8`.
            matrix_size (MatrixSize | Unset):
            diode_direction (str | Unset):
            features (KeyboardInfoFeatures | Unset): Feature name to enabled.
            community_layouts (list[str] | Unset):
            layout_aliases (KeyboardInfoLayoutAliases | Unset): Alias macro name to the real name in `layouts`.
            keymaps (KeyboardInfoKeymaps | Unset):
            parse_errors (list[str] | Unset):
            parse_warnings (list[str] | Unset):
    """

    keyboard_folder: str
    layouts: KeyboardInfoLayouts
    keyboard_name: str | Unset = UNSET
    manufacturer: str | Unset = UNSET
    maintainer: str | Unset = UNSET
    url: str | Unset = UNSET
    processor: str | Unset = UNSET
    processor_type: str | Unset = UNSET
    bootloader: str | Unset = UNSET
    platform: str | Unset = UNSET
    protocol: str | Unset = UNSET
    usb: UsbIds | Unset = UNSET
    matrix_size: MatrixSize | Unset = UNSET
    diode_direction: str | Unset = UNSET
    features: KeyboardInfoFeatures | Unset = UNSET
    community_layouts: list[str] | Unset = UNSET
    layout_aliases: KeyboardInfoLayoutAliases | Unset = UNSET
    keymaps: KeyboardInfoKeymaps | Unset = UNSET
    parse_errors: list[str] | Unset = UNSET
    parse_warnings: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keyboard_folder = self.keyboard_folder

        layouts = self.layouts.to_dict()

        keyboard_name = self.keyboard_name

        manufacturer = self.manufacturer

        maintainer = self.maintainer

        url = self.url

        processor = self.processor

        processor_type = self.processor_type

        bootloader = self.bootloader

        platform = self.platform

        protocol = self.protocol

        usb: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usb, Unset):
            usb = self.usb.to_dict()

        matrix_size: dict[str, Any] | Unset = UNSET
        if not isinstance(self.matrix_size, Unset):
            matrix_size = self.matrix_size.to_dict()

        diode_direction = self.diode_direction

        features: dict[str, Any] | Unset = UNSET
        if not isinstance(self.features, Unset):
            features = self.features.to_dict()

        community_layouts: list[str] | Unset = UNSET
        if not isinstance(self.community_layouts, Unset):
            community_layouts = self.community_layouts

        layout_aliases: dict[str, Any] | Unset = UNSET
        if not isinstance(self.layout_aliases, Unset):
            layout_aliases = self.layout_aliases.to_dict()

        keymaps: dict[str, Any] | Unset = UNSET
        if not isinstance(self.keymaps, Unset):
            keymaps = self.keymaps.to_dict()

        parse_errors: list[str] | Unset = UNSET
        if not isinstance(self.parse_errors, Unset):
            parse_errors = self.parse_errors

        parse_warnings: list[str] | Unset = UNSET
        if not isinstance(self.parse_warnings, Unset):
            parse_warnings = self.parse_warnings

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keyboard_folder": keyboard_folder,
                "layouts": layouts,
            }
        )
        if keyboard_name is not UNSET:
            field_dict["keyboard_name"] = keyboard_name
        if manufacturer is not UNSET:
            field_dict["manufacturer"] = manufacturer
        if maintainer is not UNSET:
            field_dict["maintainer"] = maintainer
        if url is not UNSET:
            field_dict["url"] = url
        if processor is not UNSET:
            field_dict["processor"] = processor
        if processor_type is not UNSET:
            field_dict["processor_type"] = processor_type
        if bootloader is not UNSET:
            field_dict["bootloader"] = bootloader
        if platform is not UNSET:
            field_dict["platform"] = platform
        if protocol is not UNSET:
            field_dict["protocol"] = protocol
        if usb is not UNSET:
            field_dict["usb"] = usb
        if matrix_size is not UNSET:
            field_dict["matrix_size"] = matrix_size
        if diode_direction is not UNSET:
            field_dict["diode_direction"] = diode_direction
        if features is not UNSET:
            field_dict["features"] = features
        if community_layouts is not UNSET:
            field_dict["community_layouts"] = community_layouts
        if layout_aliases is not UNSET:
            field_dict["layout_aliases"] = layout_aliases
        if keymaps is not UNSET:
            field_dict["keymaps"] = keymaps
        if parse_errors is not UNSET:
            field_dict["parse_errors"] = parse_errors
        if parse_warnings is not UNSET:
            field_dict["parse_warnings"] = parse_warnings

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.keyboard_info_features import KeyboardInfoFeatures
        from ..models.keyboard_info_keymaps import KeyboardInfoKeymaps
        from ..models.keyboard_info_layout_aliases import KeyboardInfoLayoutAliases
        from ..models.keyboard_info_layouts import KeyboardInfoLayouts
        from ..models.matrix_size import MatrixSize
        from ..models.usb_ids import UsbIds

        d = dict(src_dict)
        keyboard_folder = d.pop("keyboard_folder")

        layouts = KeyboardInfoLayouts.from_dict(d.pop("layouts"))

        keyboard_name = d.pop("keyboard_name", UNSET)

        manufacturer = d.pop("manufacturer", UNSET)

        maintainer = d.pop("maintainer", UNSET)

        url = d.pop("url", UNSET)

        processor = d.pop("processor", UNSET)

        processor_type = d.pop("processor_type", UNSET)

        bootloader = d.pop("bootloader", UNSET)

        platform = d.pop("platform", UNSET)

        protocol = d.pop("protocol", UNSET)

        _usb = d.pop("usb", UNSET)
        usb: UsbIds | Unset
        if isinstance(_usb, Unset):
            usb = UNSET
        else:
            usb = UsbIds.from_dict(_usb)

        _matrix_size = d.pop("matrix_size", UNSET)
        matrix_size: MatrixSize | Unset
        if isinstance(_matrix_size, Unset):
            matrix_size = UNSET
        else:
            matrix_size = MatrixSize.from_dict(_matrix_size)

        diode_direction = d.pop("diode_direction", UNSET)

        _features = d.pop("features", UNSET)
        features: KeyboardInfoFeatures | Unset
        if isinstance(_features, Unset):
            features = UNSET
        else:
            features = KeyboardInfoFeatures.from_dict(_features)

        community_layouts = cast(list[str], d.pop("community_layouts", UNSET))

        _layout_aliases = d.pop("layout_aliases", UNSET)
        layout_aliases: KeyboardInfoLayoutAliases | Unset
        if isinstance(_layout_aliases, Unset):
            layout_aliases = UNSET
        else:
            layout_aliases = KeyboardInfoLayoutAliases.from_dict(_layout_aliases)

        _keymaps = d.pop("keymaps", UNSET)
        keymaps: KeyboardInfoKeymaps | Unset
        if isinstance(_keymaps, Unset):
            keymaps = UNSET
        else:
            keymaps = KeyboardInfoKeymaps.from_dict(_keymaps)

        parse_errors = cast(list[str], d.pop("parse_errors", UNSET))

        parse_warnings = cast(list[str], d.pop("parse_warnings", UNSET))

        keyboard_info = cls(
            keyboard_folder=keyboard_folder,
            layouts=layouts,
            keyboard_name=keyboard_name,
            manufacturer=manufacturer,
            maintainer=maintainer,
            url=url,
            processor=processor,
            processor_type=processor_type,
            bootloader=bootloader,
            platform=platform,
            protocol=protocol,
            usb=usb,
            matrix_size=matrix_size,
            diode_direction=diode_direction,
            features=features,
            community_layouts=community_layouts,
            layout_aliases=layout_aliases,
            keymaps=keymaps,
            parse_errors=parse_errors,
            parse_warnings=parse_warnings,
        )

        keyboard_info.additional_properties = d
        return keyboard_info

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
