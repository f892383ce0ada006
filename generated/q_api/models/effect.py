from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Effect")


@_attrs_define
class Effect:
    """An effect a device supports. The template names the label `name`, the example `label`.

    Attributes:
        code (str): Effect name. Documented: `SET_COLOR` (default), `BLINK`, `BREATHE`, `COLOR_CYCLE`, `RIPPLE`,
            `INWARD_RIPPLE`, `BOUNCING_LIGHT`, `LASER`, `WAVE`. Open set: the cloud may add effects and `NONE` (with
            `#000`) is used to switch a key off.
        label (str | Unset):
        name (str | Unset):
    """

    code: str
    label: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label = self.label

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if label is not UNSET:
            field_dict["label"] = label
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        label = d.pop("label", UNSET)

        name = d.pop("name", UNSET)

        effect = cls(
            code=code,
            label=label,
            name=name,
        )

        effect.additional_properties = d
        return effect

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
