from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KleSource")


@_attrs_define
class KleSource:
    """Give `id` or `raw`; with both, `id` wins. Neither accepts an explicit `null`: the handler
    calls `id.split` or parses `raw` unchecked and answers an HTML 500.

        Attributes:
            id (str | Unset): GitHub gist id or URL holding KLE data (its last path segment is the id). A gist
                that cannot be fetched fails like unparsable raw data.
            raw (str | Unset): KLE raw data.
    """

    id: str | Unset = UNSET
    raw: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        raw = self.raw

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if raw is not UNSET:
            field_dict["raw"] = raw

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        raw = d.pop("raw", UNSET)

        kle_source = cls(
            id=id,
            raw=raw,
        )

        kle_source.additional_properties = d
        return kle_source

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
