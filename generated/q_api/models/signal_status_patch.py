from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SignalStatusPatch")


@_attrs_define
class SignalStatusPatch:
    """The only updatable signal fields.

    Attributes:
        is_read (bool | Unset):
        is_archived (bool | Unset):
        is_muted (bool | Unset):
    """

    is_read: bool | Unset = UNSET
    is_archived: bool | Unset = UNSET
    is_muted: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        is_read = self.is_read

        is_archived = self.is_archived

        is_muted = self.is_muted

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if is_read is not UNSET:
            field_dict["isRead"] = is_read
        if is_archived is not UNSET:
            field_dict["isArchived"] = is_archived
        if is_muted is not UNSET:
            field_dict["isMuted"] = is_muted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        is_read = d.pop("isRead", UNSET)

        is_archived = d.pop("isArchived", UNSET)

        is_muted = d.pop("isMuted", UNSET)

        signal_status_patch = cls(
            is_read=is_read,
            is_archived=is_archived,
            is_muted=is_muted,
        )

        return signal_status_patch
