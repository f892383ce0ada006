from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Key")


@_attrs_define
class Key:
    """One key of a layout, in key units.

    Attributes:
        x (float):
        y (float):
        w (float | Unset):
        h (float | Unset):
        label (str | Unset):
        matrix (list[int] | Unset):
    """

    x: float
    y: float
    w: float | Unset = UNSET
    h: float | Unset = UNSET
    label: str | Unset = UNSET
    matrix: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        w = self.w

        h = self.h

        label = self.label

        matrix: list[int] | Unset = UNSET
        if not isinstance(self.matrix, Unset):
            matrix = self.matrix

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "x": x,
                "y": y,
            }
        )
        if w is not UNSET:
            field_dict["w"] = w
        if h is not UNSET:
            field_dict["h"] = h
        if label is not UNSET:
            field_dict["label"] = label
        if matrix is not UNSET:
            field_dict["matrix"] = matrix

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        x = d.pop("x")

        y = d.pop("y")

        w = d.pop("w", UNSET)

        h = d.pop("h", UNSET)

        label = d.pop("label", UNSET)

        matrix = cast(list[int], d.pop("matrix", UNSET))

        key = cls(
            x=x,
            y=y,
            w=w,
            h=h,
            label=label,
            matrix=matrix,
        )

        key.additional_properties = d
        return key

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
