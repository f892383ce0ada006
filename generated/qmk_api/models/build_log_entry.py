from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BuildLogEntry")


@_attrs_define
class BuildLogEntry:
    """Latest test build of one keyboard. `message` is the build output or a note such as
    `No layouts for <kb>! Skipping!`; `build_summary` omits it. `warnings` exists since 2023-10.

        Attributes:
            works (bool):
            last_tested (int): Epoch seconds.
            warnings (bool | Unset):
            message (str | Unset):
    """

    works: bool
    last_tested: int
    warnings: bool | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        works = self.works

        last_tested = self.last_tested

        warnings = self.warnings

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "works": works,
                "last_tested": last_tested,
            }
        )
        if warnings is not UNSET:
            field_dict["warnings"] = warnings
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        works = d.pop("works")

        last_tested = d.pop("last_tested")

        warnings = d.pop("warnings", UNSET)

        message = d.pop("message", UNSET)

        build_log_entry = cls(
            works=works,
            last_tested=last_tested,
            warnings=warnings,
            message=message,
        )

        build_log_entry.additional_properties = d
        return build_log_entry

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
