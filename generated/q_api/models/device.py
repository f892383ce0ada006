from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.definition_zone import DefinitionZone


T = TypeVar("T", bound="Device")


@_attrs_define
class Device:
    """A device of the user.

    Attributes:
        id (int):
        pid (str): Device model product id (`DK5QPID`, `DK4QPID`, `X50QPID`, `Q_MATRIX`, ...); open set. The upper-case
            pattern is kbapi's (every known pid fits it); it also keeps the legacy `/signals/{pid}/{zoneId}` apart
            from `/signals/shadows/{pid}` and `/signals/after/{epoch}`.
        user_id (int | Unset):
        firmware_version (str | Unset):
        vid (str | Unset):
        description (str | Unset):
        uuid (str | Unset):
        version_number (int | Unset):
        update_origin (None | str | Unset):
        is_deleted (bool | Unset):
        created_at (int | Unset):
        updated_at (int | Unset):
        zones (list[DefinitionZone] | Unset):
    """

    id: int
    pid: str
    user_id: int | Unset = UNSET
    firmware_version: str | Unset = UNSET
    vid: str | Unset = UNSET
    description: str | Unset = UNSET
    uuid: str | Unset = UNSET
    version_number: int | Unset = UNSET
    update_origin: None | str | Unset = UNSET
    is_deleted: bool | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    zones: list[DefinitionZone] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        pid = self.pid

        user_id = self.user_id

        firmware_version = self.firmware_version

        vid = self.vid

        description = self.description

        uuid = self.uuid

        version_number = self.version_number

        update_origin: None | str | Unset
        if isinstance(self.update_origin, Unset):
            update_origin = UNSET
        else:
            update_origin = self.update_origin

        is_deleted = self.is_deleted

        created_at = self.created_at

        updated_at = self.updated_at

        zones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.zones, Unset):
            zones = []
            for zones_item_data in self.zones:
                zones_item = zones_item_data.to_dict()
                zones.append(zones_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "pid": pid,
            }
        )
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if firmware_version is not UNSET:
            field_dict["firmwareVersion"] = firmware_version
        if vid is not UNSET:
            field_dict["vid"] = vid
        if description is not UNSET:
            field_dict["description"] = description
        if uuid is not UNSET:
            field_dict["uuid"] = uuid
        if version_number is not UNSET:
            field_dict["versionNumber"] = version_number
        if update_origin is not UNSET:
            field_dict["updateOrigin"] = update_origin
        if is_deleted is not UNSET:
            field_dict["isDeleted"] = is_deleted
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if zones is not UNSET:
            field_dict["zones"] = zones

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.definition_zone import DefinitionZone

        d = dict(src_dict)
        id = d.pop("id")

        pid = d.pop("pid")

        user_id = d.pop("userId", UNSET)

        firmware_version = d.pop("firmwareVersion", UNSET)

        vid = d.pop("vid", UNSET)

        description = d.pop("description", UNSET)

        uuid = d.pop("uuid", UNSET)

        version_number = d.pop("versionNumber", UNSET)

        def _parse_update_origin(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        update_origin = _parse_update_origin(d.pop("updateOrigin", UNSET))

        is_deleted = d.pop("isDeleted", UNSET)

        created_at = d.pop("createdAt", UNSET)

        updated_at = d.pop("updatedAt", UNSET)

        _zones = d.pop("zones", UNSET)
        zones: list[DefinitionZone] | Unset = UNSET
        if _zones is not UNSET:
            zones = []
            for zones_item_data in _zones:
                zones_item = DefinitionZone.from_dict(zones_item_data)

                zones.append(zones_item)

        device = cls(
            id=id,
            pid=pid,
            user_id=user_id,
            firmware_version=firmware_version,
            vid=vid,
            description=description,
            uuid=uuid,
            version_number=version_number,
            update_origin=update_origin,
            is_deleted=is_deleted,
            created_at=created_at,
            updated_at=updated_at,
            zones=zones,
        )

        device.additional_properties = d
        return device

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
