from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.definition_zone import DefinitionZone
    from ..models.language_layout import LanguageLayout
    from ..models.vid_pid import VidPid


T = TypeVar("T", bound="DeviceDefinition")


@_attrs_define
class DeviceDefinition:
    """A device model.

    Attributes:
        name (str):
        pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        vid (str | Unset):
        model_number (str | Unset):
        description (str | Unset):
        zones (list[DefinitionZone] | Unset):
        language_layout (LanguageLayout | Unset): The keyboard layout of the user's device.
        latest_firmware_version (None | str | Unset): Legacy (2016/17).
        vid_pid (VidPid | Unset): Legacy (2016/17) pair.
    """

    name: str
    pid: str
    vid: str | Unset = UNSET
    model_number: str | Unset = UNSET
    description: str | Unset = UNSET
    zones: list[DefinitionZone] | Unset = UNSET
    language_layout: LanguageLayout | Unset = UNSET
    latest_firmware_version: None | str | Unset = UNSET
    vid_pid: VidPid | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        pid = self.pid

        vid = self.vid

        model_number = self.model_number

        description = self.description

        zones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.zones, Unset):
            zones = []
            for zones_item_data in self.zones:
                zones_item = zones_item_data.to_dict()
                zones.append(zones_item)

        language_layout: dict[str, Any] | Unset = UNSET
        if not isinstance(self.language_layout, Unset):
            language_layout = self.language_layout.to_dict()

        latest_firmware_version: None | str | Unset
        if isinstance(self.latest_firmware_version, Unset):
            latest_firmware_version = UNSET
        else:
            latest_firmware_version = self.latest_firmware_version

        vid_pid: dict[str, Any] | Unset = UNSET
        if not isinstance(self.vid_pid, Unset):
            vid_pid = self.vid_pid.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "pid": pid,
            }
        )
        if vid is not UNSET:
            field_dict["vid"] = vid
        if model_number is not UNSET:
            field_dict["modelNumber"] = model_number
        if description is not UNSET:
            field_dict["description"] = description
        if zones is not UNSET:
            field_dict["zones"] = zones
        if language_layout is not UNSET:
            field_dict["languageLayout"] = language_layout
        if latest_firmware_version is not UNSET:
            field_dict["latestFirmwareVersion"] = latest_firmware_version
        if vid_pid is not UNSET:
            field_dict["vidPid"] = vid_pid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.definition_zone import DefinitionZone
        from ..models.language_layout import LanguageLayout
        from ..models.vid_pid import VidPid

        d = dict(src_dict)
        name = d.pop("name")

        pid = d.pop("pid")

        vid = d.pop("vid", UNSET)

        model_number = d.pop("modelNumber", UNSET)

        description = d.pop("description", UNSET)

        _zones = d.pop("zones", UNSET)
        zones: list[DefinitionZone] | Unset = UNSET
        if _zones is not UNSET:
            zones = []
            for zones_item_data in _zones:
                zones_item = DefinitionZone.from_dict(zones_item_data)

                zones.append(zones_item)

        _language_layout = d.pop("languageLayout", UNSET)
        language_layout: LanguageLayout | Unset
        if isinstance(_language_layout, Unset):
            language_layout = UNSET
        else:
            language_layout = LanguageLayout.from_dict(_language_layout)

        def _parse_latest_firmware_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        latest_firmware_version = _parse_latest_firmware_version(
            d.pop("latestFirmwareVersion", UNSET)
        )

        _vid_pid = d.pop("vidPid", UNSET)
        vid_pid: VidPid | Unset
        if isinstance(_vid_pid, Unset):
            vid_pid = UNSET
        else:
            vid_pid = VidPid.from_dict(_vid_pid)

        device_definition = cls(
            name=name,
            pid=pid,
            vid=vid,
            model_number=model_number,
            description=description,
            zones=zones,
            language_layout=language_layout,
            latest_firmware_version=latest_firmware_version,
            vid_pid=vid_pid,
        )

        device_definition.additional_properties = d
        return device_definition

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
