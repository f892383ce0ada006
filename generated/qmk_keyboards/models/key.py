from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Key")


@_attrs_define
class Key:
    """One key of a layout, in key units (`qmk.keyboard.v1`).

    Attributes:
        x (float):
        y (float):
        w (float | Unset): Width, default 1.
        h (float | Unset): Height, default 1.
        matrix (list[int] | Unset): [row, column] in the switch matrix.
        label (str | Unset):
        r (float | Unset): Rotation in degrees.
        rx (float | Unset):
        ry (float | Unset):
        encoder (int | Unset):
        hand (str | Unset): `L`, `R` or `*` (kept open so new values do not break parsing).
    """

    x: float
    y: float
    w: float | Unset = UNSET
    h: float | Unset = UNSET
    matrix: list[int] | Unset = UNSET
    label: str | Unset = UNSET
    r: float | Unset = UNSET
    rx: float | Unset = UNSET
    ry: float | Unset = UNSET
    encoder: int | Unset = UNSET
    hand: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        w = self.w

        h = self.h

        matrix: list[int] | Unset = UNSET
        if not isinstance(self.matrix, Unset):
            matrix = self.matrix

        label = self.label

        r = self.r

        rx = self.rx

        ry = self.ry

        encoder = self.encoder

        hand = self.hand

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
        if matrix is not UNSET:
            field_dict["matrix"] = matrix
        if label is not UNSET:
            field_dict["label"] = label
        if r is not UNSET:
            field_dict["r"] = r
        if rx is not UNSET:
            field_dict["rx"] = rx
        if ry is not UNSET:
            field_dict["ry"] = ry
        if encoder is not UNSET:
            field_dict["encoder"] = encoder
        if hand is not UNSET:
            field_dict["hand"] = hand

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        x = d.pop("x")

        y = d.pop("y")

        w = d.pop("w", UNSET)

        h = d.pop("h", UNSET)

        matrix = cast(list[int], d.pop("matrix", UNSET))

        label = d.pop("label", UNSET)

        r = d.pop("r", UNSET)

        rx = d.pop("rx", UNSET)

        ry = d.pop("ry", UNSET)

        encoder = d.pop("encoder", UNSET)

        hand = d.pop("hand", UNSET)

        key = cls(
            x=x,
            y=y,
            w=w,
            h=h,
            matrix=matrix,
            label=label,
            r=r,
            rx=rx,
            ry=ry,
            encoder=encoder,
            hand=hand,
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
